// HTTPS through a proxy with nothing but Node: an HTTP CONNECT tunnel opened with
// `http.request`, TLS to the real host on top of it. Which proxy: the one the user chose
// (VS Code's http.proxy), else HTTPS_PROXY / https_proxy, unless NO_PROXY exempts the host.
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import net from 'node:net';
import tls from 'node:tls';
import { UserError } from '../errors';

export interface ProxyChoice {
  url: URL;
  /** Where it came from, for messages: "HTTPS_PROXY", "the http.proxy setting"... */
  source: string;
}

export interface ExplicitProxy {
  url: string;
  source: string;
}

function parseProxy(value: string, source: string): URL {
  // "host:3128" is common in the wild and means plain HTTP.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UserError(`${source} is not a proxy address: "${value}" (expected e.g. http://proxy.example.com:3128)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(
      `${source} names a ${url.protocol.replace(':', '')} proxy; only http:// and https:// proxies are supported`,
    );
  }
  return url;
}

/** True when NO_PROXY (comma- or space-separated hosts, domain suffixes or "*") exempts `host`. */
export function bypassesProxy(host: string, noProxy: string | undefined): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (noProxy ?? '')
    .split(/[\s,]+/)
    .map((e) =>
      e
        .trim()
        .toLowerCase()
        .replace(/:\d+$/, '')
        .replace(/^\*?\./, ''),
    )
    .filter(Boolean)
    .some((entry) => entry === '*' || name === entry || name.endsWith(`.${entry}`));
}

/** The proxy for HTTPS requests to `target`, or undefined for a direct connection. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv, explicit?: ExplicitProxy): ProxyChoice | undefined {
  if (bypassesProxy(target.hostname, env.NO_PROXY ?? env.no_proxy)) return undefined;
  if (explicit?.url.trim()) return { url: parseProxy(explicit.url.trim(), explicit.source), source: explicit.source };
  for (const name of ['HTTPS_PROXY', 'https_proxy']) {
    const value = env[name]?.trim();
    if (value) return { url: parseProxy(value, name), source: name };
  }
  return undefined;
}

/** The proxy address without its credentials, for messages. */
export function shownProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}

/** An error with the code a failed connection carries, so that callers can name the cause. */
function codedError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Asks the proxy for a raw TCP tunnel to host:port; resolves with the tunnel's socket. */
export function openTunnel(proxy: URL, host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  const headers: Record<string, string> = { host: `${host}:${port}` };
  if (proxy.username || proxy.password) {
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  const request = (proxy.protocol === 'https:' ? https : http).request({
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80),
    method: 'CONNECT',
    path: `${host}:${port}`,
    headers,
    timeout: timeoutMs,
    agent: false,
  });
  return new Promise((resolve, reject) => {
    request.once('connect', (response, socket) => {
      if (response.statusCode === 200) {
        socket.setTimeout(0);
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(codedError(`the proxy answered ${response.statusCode} ${response.statusMessage ?? ''}`.trim(), 'EPROXY'));
    });
    request.once('timeout', () =>
      request.destroy(codedError(`the proxy did not answer within ${timeoutMs / 1000} s`, 'ETIMEDOUT')),
    );
    request.once('error', reject);
    request.end();
  });
}

/** An https.Agent whose connections run through a CONNECT tunnel of `proxy`. */
export class TunnelingAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    private readonly tunnelTimeoutMs: number,
    options: https.AgentOptions = {},
  ) {
    super(options);
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const host = String(options.hostname ?? options.host ?? 'localhost');
    const port = Number(options.port) || 443;
    openTunnel(this.proxy, host, port, this.tunnelTimeoutMs).then(
      (socket) =>
        callback?.(
          null,
          tls.connect({ ...(options as tls.ConnectionOptions), socket, servername: options.servername ?? host }),
        ),
      (error: Error) => callback?.(error, undefined as unknown as Duplex),
    );
    // The socket arrives through the callback once the tunnel stands.
    return undefined;
  }
}

/** The agent for HTTPS requests: through `proxy` when given, direct otherwise; kept-alive and bounded. */
export function httpsAgentFor(
  proxy: ProxyChoice | undefined,
  maxSockets: number,
  timeoutMs: number,
  tlsOptions: tls.SecureContextOptions = {},
): https.Agent {
  const options: https.AgentOptions = { keepAlive: true, maxSockets, ...tlsOptions };
  return proxy ? new TunnelingAgent(proxy.url, timeoutMs, options) : new https.Agent(options);
}
