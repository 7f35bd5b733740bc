// The Electron IPC channel names, written once: the preload invokes and listens on them, the shell's IPC router
// handles and sends on them.
import type { CommandName } from './contract';

/** Each contract command has its own invoke channel: this prefix + the command name. */
export const COMMAND_CHANNEL_PREFIX = 'lead-desk:cmd:';
/** Every pushed event travels on this one channel as (name, payload). */
export const EVENT_CHANNEL = 'lead-desk:event';

export const commandChannel = (name: CommandName): string => `${COMMAND_CHANNEL_PREFIX}${name}`;
