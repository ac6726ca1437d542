// A small HTTP CONNECT proxy on loopback for the download tests: it records every tunnel it
// is asked for and, when `credentials` are given, refuses requests that do not carry them.
import http from 'node:http';
import net from 'node:net';

export interface ProxyRequest {
  target: string;
  auth?: string;
}

export function connectProxy(credentials?: { user: string; password: string }): {
  server: http.Server;
  asked: ProxyRequest[];
} {
  const asked: ProxyRequest[] = [];
  const expected =
    credentials && `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
    asked.push({ target: req.url!, auth: req.headers['proxy-authorization'] });
    if (expected && req.headers['proxy-authorization'] !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    const [host, port] = req.url!.split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return { server, asked };
}
