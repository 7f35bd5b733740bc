// Test setup (after ../../test/setup-dom): browser APIs the workspace's Mantine parts use that happy-dom
// lacks — document.fonts (autosizing text areas) and a layout height for the virtualized table's scroller.
import { beforeAll } from 'vitest';

if (!('fonts' in document) || !document.fonts) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}

beforeAll(() => {
  // No layout in happy-dom: the table's scroller gets a screenful of height so rows are rendered.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.virtualScroll ? 360 : 0;
    },
  });
});
