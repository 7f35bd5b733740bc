// The one IPC router of the shell: every contract command on ipcMain.handle, sender checked first,
// then the core (which validates input and wraps the envelope). Core events are pushed to the window.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { commandChannel, EVENT_CHANNEL } from '../../shared/ipc/channels';
import { COMMAND_NAMES, isEventName } from '../../shared/ipc/contract';
import { errorEnvelope, type Envelope } from '../../shared/ipc/envelope';
import type { Core } from '../core/core-types';
import type { Logger } from '../core/log';
import { isTrustedUrl } from './origin';

export interface IpcRouterOptions {
  core: Pick<Core, 'handle'>;
  /** True only for the main frame of the app's own window showing the app's own origin. */
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  log: Logger;
}

/**
 * A refused message still gets an answer: `ipcMain.handle` must resolve something, and a thrown error
 * would be serialized back with its text. This envelope says nothing about the app's state, keeps the
 * "never throws" guarantee, and the attempt is logged in main.
 */
export const REFUSED_SENDER_REPLY: Envelope<never> = errorEnvelope({
  code: 'invalid_input',
  message: 'Message refused: it did not come from the Lead Desk window.',
  retryable: false,
  details: { field: 'sender' },
});

/** Registers every command of the contract; returns a function that removes them again. */
export function registerIpcRouter(options: IpcRouterOptions): () => void {
  for (const name of COMMAND_NAMES) {
    ipcMain.handle(commandChannel(name), async (event, input: unknown): Promise<Envelope<unknown>> => {
      try {
        if (!options.isTrustedSender(event)) {
          options.log.warn('ipc message from a foreign sender dropped', { command: name, url: event.senderFrame?.url });
          return REFUSED_SENDER_REPLY;
        }
        return await options.core.handle(name, input);
      } catch (error) {
        // core.handle promises never to throw; this keeps that true even if it someday does.
        options.log.error('ipc handler failed', { command: name, error });
        return errorEnvelope({ code: 'internal', message: `Lead Desk could not run ${name}.`, retryable: true });
      }
    });
  }
  return () => {
    for (const name of COMMAND_NAMES) ipcMain.removeHandler(commandChannel(name));
  };
}

/**
 * The sender check: the message must come from the window's own web contents, from its main frame
 * (not an iframe), and that frame must currently show one of the app's origins.
 */
export function isAppMainFrame(event: IpcMainInvokeEvent, win: BrowserWindow | null, trustedOrigins: readonly string[]): boolean {
  if (!win || win.isDestroyed()) return false;
  const contents = win.webContents;
  const frame = event.senderFrame;
  if (!frame || event.sender !== contents) return false;
  const main = contents.mainFrame;
  if (frame !== main && (frame.processId !== main.processId || frame.routingId !== main.routingId)) return false;
  if (frame.parent !== null) return false;
  return isTrustedUrl(frame.url, trustedOrigins);
}

/** Pushes core events to the window's renderer; returns the unsubscribe function. */
export function forwardCoreEvents(core: Pick<Core, 'onEvent'>, target: () => WebContents | null): () => void {
  return core.onEvent((name, payload) => {
    const contents = target();
    if (!contents || contents.isDestroyed() || !isEventName(name)) return;
    contents.send(EVENT_CHANNEL, name, payload);
  });
}
