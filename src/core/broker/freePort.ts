// Port helpers: find a free port on the loopback interface, or tell whether one is taken.
import net from 'node:net';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is free right now (a race with other processes remains possible). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `preferred` if free, else the next free port above it (up to `span` tries). */
export async function firstFreePort(preferred: number, host = '127.0.0.1', span = 50): Promise<number | undefined> {
  for (let port = preferred; port < preferred + span; port++) if (await isPortFree(port, host)) return port;
  return undefined;
}
