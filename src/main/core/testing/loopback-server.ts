// Test kit: puts a test's HTTP server on 127.0.0.1 (a free port) and closes it promptly, open and held sockets
// included, so stub servers and proxies in front of the sandbox never keep a test waiting on close.
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Loopback {
  /** http://127.0.0.1:<port>/api, the shape of Kartra's endpoint. */
  url: string;
  close(): Promise<void>;
}

/** Starts `server` on loopback; `onSocket` sees each new connection (1-based count). */
export async function listenOnLoopback(server: Server, onSocket: (socket: Socket, count: number) => void = () => {}): Promise<Loopback> {
  const sockets = new Set<Socket>();
  let count = 0;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket, ++count);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
