// Test setup (after ../../../test/setup-dom): a layout height for the review table's scroller (happy-dom has no layout).
import { beforeAll } from 'vitest';

beforeAll(() => {
  const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  if (own?.configurable === true && own.get?.toString().includes('virtualScroll')) return;
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.virtualScroll ? 400 : 0;
    },
  });
});
