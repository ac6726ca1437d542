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
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return (await freePorts(1, host))[0];
}

/**
 * `count` distinct free ports. All are held open until the last is found: asking for one
 * port at a time can hand out the same port twice once the first probe is closed.
 */
export async function freePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await listenOnAnyPort(host));
    return servers.map((server) => (server.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

function listenOnAnyPort(host: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => resolve(server));
  });
}

/** `preferred` if free, else the next free port above it (up to `span` tries). */
export async function firstFreePort(preferred: number, host = '127.0.0.1', span = 50): Promise<number | undefined> {
  for (let port = preferred; port < preferred + span; port++) if (await isPortFree(port, host)) return port;
  return undefined;
}
