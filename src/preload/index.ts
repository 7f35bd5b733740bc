// Preload (sandboxed, bundled): exposes window.api, built from the contract, over Electron IPC.
// The renderer gets functions only — never ipcRenderer itself, never the IpcRendererEvent.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { commandChannel, EVENT_CHANNEL } from '../shared/ipc/channels';
import { isCommandName, isEventName } from '../shared/ipc/contract';
import { makeApi, type Transport } from '../shared/ipc/make-api';

const ipcTransport: Transport = {
  invoke(command, input) {
    if (!isCommandName(command)) return Promise.reject(new Error(`Unknown command: ${String(command)}`));
    return ipcRenderer.invoke(commandChannel(command), input);
  },
  subscribe(event, listener) {
    if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    const onMessage = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, onMessage);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onMessage);
    };
  },
};

contextBridge.exposeInMainWorld('api', makeApi(ipcTransport));
