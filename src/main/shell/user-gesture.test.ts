// window.open and link navigation leave the app only right after a real user gesture (issue 15.11).
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('electron', () => ({ shell: { openExternal }, BrowserWindow: class {} }));

import { APP_ORIGIN } from './origin';
import { GESTURE_WINDOW_MS, UserGestures } from './user-gesture';
import { hardenWebContents } from './window';

class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

let now = 1_000_000;
function setup() {
  const contents = new FakeContents();
  hardenWebContents(contents as never, [APP_ORIGIN], new UserGestures(() => now));
  return {
    contents,
    input: (type: string) => contents.emit('input-event', {}, { type }),
    open: (url: string) => contents.openHandler!({ url }),
    navigate: (url: string) => contents.emit('will-navigate', { preventDefault: () => undefined }, url),
  };
}

beforeEach(() => {
  openExternal.mockClear();
  now = 1_000_000;
});

describe('window.open needs a user gesture', () => {
  it('is ignored when the page opens a window on its own', () => {
    const { open, navigate } = setup();
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    navigate('https://evil.example/phish');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each(['mouseDown', 'mouseUp', 'keyDown', 'rawKeyDown', 'gestureTap'])('is honoured right after a %s, once', (type) => {
    const { input, open } = setup();
    input(type);
    now += 300;
    expect(open('https://kartra.com/help')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://kartra.com/help');
    // The gesture is used up: a second window from the same click is not opened.
    open('https://evil.example/second');
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('is ignored when the gesture is too old, or was only a mouse move or scroll', () => {
    const { input, open } = setup();
    input('mouseUp');
    now += GESTURE_WINDOW_MS + 1;
    open('https://kartra.com/late');
    for (const type of ['mouseMove', 'mouseWheel', 'mouseEnter', 'keyUp', 'gestureScrollBegin']) input(type);
    open('https://kartra.com/moved');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('never opens a non-https URL, gesture or not', () => {
    const { input, open } = setup();
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      input('mouseUp');
      open(url);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('keeps gestures per window: a click in one does not let another open', () => {
    const a = setup();
    const b = setup();
    a.input('mouseUp');
    b.open('https://evil.example/');
    expect(openExternal).not.toHaveBeenCalled();
    a.open('https://kartra.com/');
    expect(openExternal).toHaveBeenCalledWith('https://kartra.com/');
  });
});
