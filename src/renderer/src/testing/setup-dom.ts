// Test setup for renderer tests under happy-dom: the browser APIs Mantine needs, and cleanup after each test.
// Import it first in every *.test.tsx (vitest's config is shared and has no renderer setup file).
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The workspace and its pages load lazily (their own chunks, like in the app): the first findBy… of a page waits
// for its module, which on a busy machine can take longer than the default second.
configure({ asyncUtilTimeout: 5_000 });

/** matchMedia that never matches: the OS preference is "light" and no reduced motion. */
if (typeof window.matchMedia !== 'function' || !('addEventListener' in window.matchMedia('(min-width: 0px)'))) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string): MediaQueryList => {
      const list = {
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      };
      return list as unknown as MediaQueryList;
    },
  });
}

/** Mantine measures some elements; happy-dom has no layout, so observing is a no-op. */
class NoLayoutResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.defineProperty(window, 'ResizeObserver', { configurable: true, writable: true, value: NoLayoutResizeObserver });
Object.defineProperty(globalThis, 'ResizeObserver', { configurable: true, writable: true, value: NoLayoutResizeObserver });

if (typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = () => undefined;
}

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  delete (window as Partial<Window>).api;
});
