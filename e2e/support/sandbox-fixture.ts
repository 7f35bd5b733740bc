// Playwright fixtures for account journeys: a separate Kartra sandbox per test (closed afterwards), and a
// record of every WebSocket frame the page sends and receives, attached before the page opens.
import { startSandbox, type RunningSandbox } from '../../src/main/core/sandbox';
import { test as base } from '../fixtures';

export interface WsFrames {
  /** Frames the page received from the host (what the renderer gets to see). */
  received: string[];
  /** Frames the page sent (its commands). */
  sent: string[];
}

export interface AccountFixtures {
  /** A Kartra-compatible sandbox of its own (no rate limit), separate from the app's built-in one. */
  sandbox: RunningSandbox;
  wsFrames: WsFrames;
}

const text = (payload: string | Buffer) => (typeof payload === 'string' ? payload : payload.toString('utf8'));

export const test = base.extend<AccountFixtures>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ rate: 0 });
    try {
      await use(sandbox);
    } finally {
      await sandbox.close();
    }
  },
  // Automatic, so it is in place before the `app` fixture opens the page and the bridge connects.
  wsFrames: [
    async ({ page }, use) => {
      const frames: WsFrames = { received: [], sent: [] };
      page.on('websocket', (ws) => {
        ws.on('framereceived', (frame) => frames.received.push(text(frame.payload)));
        ws.on('framesent', (frame) => frames.sent.push(text(frame.payload)));
      });
      await use(frames);
    },
    { auto: true },
  ],
});

export { expect } from '../fixtures';
