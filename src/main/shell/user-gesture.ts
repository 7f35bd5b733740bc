// Whether the user just clicked, tapped or pressed a key in a web contents, as seen by the main process.
// Electron's window-open handler and navigation events carry no user-gesture flag, and Electron has no
// popup blocker, so a page could open the system browser at will. 'input-event' reports the real input
// the browser process delivers (a page script cannot synthesise it), so links leave the app only within
// a short window after such input, and once per gesture (as Chromium consumes a user activation).
import type { WebContents } from 'electron';

/** How long after a click or key press an open still counts as the user's (Chromium allows ~5 s). */
export const GESTURE_WINDOW_MS = 2000;

const GESTURE_INPUTS = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'gestureTap', 'touchEnd', 'pointerUp']);

export class UserGestures {
  private readonly last = new WeakMap<WebContents, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts listening to the contents' input. */
  track(contents: WebContents): void {
    contents.on('input-event', (_event, input) => {
      if (GESTURE_INPUTS.has(input.type)) this.last.set(contents, this.now());
    });
  }

  /** True when the user acted in the contents within the window; the gesture is then used up. */
  consume(contents: WebContents): boolean {
    const at = this.last.get(contents);
    if (at === undefined || this.now() - at > GESTURE_WINDOW_MS) return false;
    this.last.delete(contents);
    return true;
  }
}
