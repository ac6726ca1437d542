// A TCP server that takes connections and never answers: a port another process holds, or a
// proxy that hangs. An accepted socket nobody reads never sees its peer leave, so it would keep
// the test process alive after the run; close() ends the connections it took as well.
import net from 'node:net';

export interface SilentServer {
  readonly server: net.Server;
  /** The port it listens on (after listen). */
  port(): number;
  /** Stops listening and ends every connection it accepted. */
  close(): Promise<void>;
}

export function silentServer(): SilentServer {
  const taken = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    taken.add(socket);
    socket.on('close', () => taken.delete(socket));
  });
  return {
    server,
    port: () => (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of taken) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Listens on 127.0.0.1 (`port` 0: any free port). */
export function listenLocally(s: SilentServer, port = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    s.server.once('error', reject);
    s.server.listen(port, '127.0.0.1', () => resolve());
  });
}
