// The HTTPS downloader against real sockets on 127.0.0.1: a TLS server that can cut a
// transfer, ignore Range, send wrong bytes or never answer, and a CONNECT proxy with
// credentials. Plus the proxy choice (HTTPS_PROXY, NO_PROXY, the editor's setting) and the
// cache check that deletes what must not be loaded.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { DownloadError, downloadVerified, type DownloadJob } from '../../../src/core/broker/httpsDownload';
import { bypassesProxy, httpsAgentFor, proxyFor } from '../../../src/core/broker/httpsProxy';
import { checkJarFolder } from '../../../src/core/broker/jarCache';
import { downloadJars, type DownloadProgress } from '../../../src/core/broker/jarDownload';
import type { KafkaManifest } from '../../../src/core/broker/kafkaManifest';
import { useTempDir } from '../tempFiles';
import { connectProxy } from '../../support/connectProxy';

const BODY = crypto.randomBytes(300_000);
const SHA = crypto.createHash('sha256').update(BODY).digest('hex');

function selfSignedCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/** A repository whose paths misbehave on purpose; it records each request's Range header. */
function startRepository(tlsFiles: { key: Buffer; cert: Buffer }) {
  const ranges: Record<string, string[]> = {};
  let cutsLeft = 1;
  const server = https.createServer(tlsFiles, (req, res) => {
    const name = req.url!;
    (ranges[name] ??= []).push(req.headers.range ?? '');
    if (name === '/silent.jar') return; // never answers
    if (path.posix.basename(name).startsWith('stalls')) {
      res.writeHead(200, { 'content-length': BODY.length });
      res.write(BODY.subarray(0, 50_000)); // then nothing more
      return;
    }
    if (name === '/wrong.jar') return res.end(crypto.randomBytes(BODY.length));
    const from = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
    if (from > 0 && name !== '/norange.jar') {
      res.writeHead(206, {
        'content-range': `bytes ${from}-${BODY.length - 1}/${BODY.length}`,
        'content-length': BODY.length - from,
      });
      return res.end(BODY.subarray(from));
    }
    res.writeHead(200, { 'content-length': BODY.length });
    if (name === '/cut.jar' && cutsLeft-- > 0) {
      res.write(BODY.subarray(0, 100_000), () => setTimeout(() => req.socket.destroy(), 50));
      return;
    }
    res.end(BODY);
  });
  return { server, ranges };
}

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedLocalPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const listen = (server: net.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );

describe('HTTPS download of one pinned file', function () {
  this.timeout(20_000);
  const tmp = useTempDir();
  let repository: ReturnType<typeof startRepository>;
  let proxy: ReturnType<typeof connectProxy>;
  let base = '';
  let proxyPort = 0;
  let ca: Buffer;
  let n = 0;

  before(async () => {
    const tlsFiles = selfSignedCertificate(tmp());
    ca = tlsFiles.cert;
    repository = startRepository(tlsFiles);
    proxy = connectProxy({ user: 'ana', password: 'p@ss' });
    base = `https://127.0.0.1:${await listen(repository.server)}`;
    proxyPort = await listen(proxy.server);
  });
  after(() => {
    repository.server.closeAllConnections();
    repository.server.close();
    proxy.server.close();
  });

  const job = (name: string, sha256 = SHA): DownloadJob => {
    const dir = path.join(tmp(), `case ${++n} ü`);
    return {
      url: `${base}/${name}`,
      target: path.join(dir, 'libs', name),
      partFile: path.join(dir, 'partial', `${name}.part`),
      size: BODY.length,
      sha256,
    };
  };
  const direct = (idleTimeoutMs = 5000) => ({
    agent: httpsAgentFor(undefined, 2, idleTimeoutMs, { ca }),
    idleTimeoutMs,
  });

  it('resumes a transfer cut off mid-file with a Range request, and verifies the whole file', async () => {
    const j = job('cut.jar');
    await downloadVerified(j, direct());
    assert.deepEqual(fs.readFileSync(j.target), BODY);
    assert.deepEqual(repository.ranges['/cut.jar'], ['', 'bytes=100000-']);
    assert.equal(fs.existsSync(j.partFile), false);
  });

  it('continues the .part file an earlier run left, and counts it as done', async () => {
    const j = job('whole.jar');
    fs.mkdirSync(path.dirname(j.partFile), { recursive: true });
    fs.writeFileSync(j.partFile, BODY.subarray(0, 123_456));
    let counted = 0;
    const result = await downloadVerified(j, { ...direct(), onBytes: (d) => (counted += d) });
    assert.equal(result.resumedFrom, 123_456);
    assert.equal(counted, BODY.length);
    assert.equal(repository.ranges['/whole.jar'].at(-1), 'bytes=123456-');
    assert.deepEqual(fs.readFileSync(j.target), BODY);
  });

  it('starts over when the server ignores Range, and the progress count stays exact', async () => {
    const j = job('norange.jar');
    fs.mkdirSync(path.dirname(j.partFile), { recursive: true });
    fs.writeFileSync(j.partFile, crypto.randomBytes(5000));
    let counted = 0;
    const result = await downloadVerified(j, { ...direct(), onBytes: (d) => (counted += d) });
    assert.equal(result.resumedFrom, 0);
    assert.equal(counted, BODY.length);
    assert.deepEqual(fs.readFileSync(j.target), BODY);
  });

  it('refuses bytes that do not match the pinned SHA-256 and leaves nothing behind', async () => {
    const j = job('wrong.jar');
    await assert.rejects(
      downloadVerified(j, direct()),
      (e: DownloadError) => e instanceof DownloadError && e.code === 'ECHECKSUM' && e.url === j.url,
    );
    assert.equal(fs.existsSync(j.target), false);
    assert.equal(fs.existsSync(j.partFile), false);
  });

  it('fails within its idle timeout, naming the URL, when the server never answers', async () => {
    const j = job('silent.jar');
    await assert.rejects(
      downloadVerified(j, direct(500)),
      (e: DownloadError) => e.url === j.url && /no answer within 0\.5 s/.test(e.reason),
    );
  });

  it('goes through an HTTP CONNECT proxy from HTTPS_PROXY, with its credentials', async () => {
    const j = job('whole.jar');
    const choice = proxyFor(new URL(j.url), { HTTPS_PROXY: `http://ana:p%40ss@127.0.0.1:${proxyPort}` });
    assert.equal(choice?.source, 'HTTPS_PROXY');
    const before = proxy.asked.length;
    await downloadVerified(j, { agent: httpsAgentFor(choice, 2, 5000, { ca }), idleTimeoutMs: 5000 });
    assert.deepEqual(fs.readFileSync(j.target), BODY);
    assert.deepEqual(proxy.asked.slice(before), [
      { target: new URL(base).host, auth: `Basic ${Buffer.from('ana:p@ss').toString('base64')}` },
    ]);
  });

  it('reports what the proxy answered when it refuses the tunnel', async () => {
    const j = job('whole.jar');
    const choice = proxyFor(new URL(j.url), { HTTPS_PROXY: `127.0.0.1:${proxyPort}` });
    await assert.rejects(
      downloadVerified(j, { agent: httpsAgentFor(choice, 2, 5000, { ca }), idleTimeoutMs: 5000 }),
      /the proxy answered 407 Proxy Authentication Required/,
    );
  });

  it('says the connection was refused when the proxy port is closed', async () => {
    const closedPort = await closedLocalPort();
    const j = job('whole.jar');
    const choice = proxyFor(new URL(j.url), { HTTPS_PROXY: `http://127.0.0.1:${closedPort}` });
    await assert.rejects(
      downloadVerified(j, { agent: httpsAgentFor(choice, 2, 5000, { ca }), idleTimeoutMs: 5000 }),
      (e: DownloadError) => e.reason === 'the connection was refused',
    );
  });
});

describe('downloading a manifest', function () {
  this.timeout(20_000);
  const tmp = useTempDir();
  let repository: ReturnType<typeof startRepository>;
  let ca: Buffer;
  let manifest: KafkaManifest;

  before(async () => {
    const tlsFiles = selfSignedCertificate(tmp());
    ca = tlsFiles.cert;
    repository = startRepository(tlsFiles);
    const port = await listen(repository.server);
    const jar = (artifact: string) => ({
      group: 'org.example',
      artifact,
      version: '1.0',
      size: BODY.length,
      sha256: SHA,
    });
    manifest = {
      kafkaVersion: '9.9.9',
      repository: `https://127.0.0.1:${port}`,
      totalBytes: 3 * BODY.length,
      jars: [jar('a'), jar('b'), jar('c')],
    };
  });
  after(() => {
    repository.server.closeAllConnections();
    repository.server.close();
  });

  const folders = (name: string) => ({
    libsDir: path.join(tmp(), name, 'libs'),
    partialDir: path.join(tmp(), name, 'partial'),
  });

  it('fetches every jar, reports progress up to the total, and sums up', async () => {
    const seen: DownloadProgress[] = [];
    const dirs = folders('all');
    // The local server answers any path; the jars differ only by name.
    const summary = await downloadJars(manifest, manifest.jars, dirs, {
      env: {},
      tls: { ca },
      onDownload: (p) => seen.push(p),
    });
    assert.deepEqual(fs.readdirSync(dirs.libsDir).sort(), ['a-1.0.jar', 'b-1.0.jar', 'c-1.0.jar']);
    assert.deepEqual(
      { files: summary.files, bytes: summary.bytes, resumedBytes: summary.resumedBytes },
      { files: 3, bytes: 3 * BODY.length, resumedBytes: 0 },
    );
    assert.deepEqual(seen.at(-1), {
      kafkaVersion: '9.9.9',
      doneBytes: 3 * BODY.length,
      totalBytes: 3 * BODY.length,
      doneFiles: 3,
      totalFiles: 3,
    });
  });

  it('stops when cancelled, keeps what arrived for the next start, and says so', async () => {
    // 50 kB of this jar arrive, then the server goes quiet; the user cancels.
    const stalling = { ...manifest.jars[0], artifact: 'stalls' };
    const controller = new AbortController();
    const dirs = folders('cancelled');
    const download = downloadJars(manifest, [stalling], dirs, {
      env: {},
      tls: { ca },
      signal: controller.signal,
      onDownload: (p) => p.doneBytes > 0 && controller.abort(),
    });
    await assert.rejects(
      download,
      /^UserError: the download of Apache Kafka 9\.9\.9 was cancelled; the next start continues where it stopped$/,
    );
    assert.ok(fs.statSync(path.join(dirs.partialDir, 'stalls-1.0.jar.part')).size > 0);
    assert.equal(fs.existsSync(dirs.libsDir), false);
  });

  it('names the URL, the proxy and the ways out when the repository cannot be reached', async () => {
    const port = await closedLocalPort();
    const download = downloadJars(manifest, manifest.jars, folders('unreachable'), {
      env: { HTTPS_PROXY: `http://127.0.0.1:${port}` },
      tls: { ca },
    });
    await assert.rejects(download, (e: Error) => {
      assert.equal(e.name, 'UserError');
      assert.equal(
        e.message,
        `cannot download Apache Kafka 9.9.9 from Maven Central: the connection was refused (${manifest.repository}/org/example/a/1.0/a-1.0.jar, through the proxy http://127.0.0.1:${port} from HTTPS_PROXY). ` +
          'Ways out: run Kafka in Docker instead (the Docker engine); or set KAFKA_HOME to an unpacked Apache Kafka 9.9.9 from https://kafka.apache.org/downloads; or check HTTPS_PROXY and try again.',
      );
      return true;
    });
  });
});

describe('proxy choice', () => {
  const maven = new URL('https://repo.maven.apache.org/maven2/x.jar');

  it('takes the editor setting first, then HTTPS_PROXY or https_proxy, and accepts host:port', () => {
    assert.equal(
      proxyFor(maven, { HTTPS_PROXY: 'http://env:1' }, { url: 'http://setting:2', source: 'the http.proxy setting' })
        ?.url.host,
      'setting:2',
    );
    assert.equal(
      proxyFor(maven, { https_proxy: 'proxy.school.example:3128' })?.url.href,
      'http://proxy.school.example:3128/',
    );
    assert.equal(proxyFor(maven, {}), undefined);
  });

  it('leaves hosts that NO_PROXY names alone', () => {
    assert.equal(bypassesProxy('repo.maven.apache.org', 'localhost, .apache.org'), true);
    assert.equal(bypassesProxy('repo.maven.apache.org', 'maven.apache.org'), true);
    assert.equal(bypassesProxy('repo.maven.apache.org', '*'), true);
    assert.equal(bypassesProxy('repo.maven.apache.org', 'example.org,apache.or'), false);
    assert.equal(proxyFor(maven, { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'apache.org' }), undefined);
  });

  it('refuses proxies it cannot speak to, saying where they came from', () => {
    assert.throws(
      () => proxyFor(maven, { HTTPS_PROXY: 'socks5://127.0.0.1:1080' }),
      /^UserError: HTTPS_PROXY names a socks5 proxy; only http:\/\/ and https:\/\/ proxies are supported/,
    );
  });
});

describe('cached jar folder check', () => {
  const tmp = useTempDir();

  it('lists missing jars and deletes damaged and unknown ones', async () => {
    const libs = path.join(tmp(), 'libs é');
    fs.mkdirSync(libs);
    const jar = (artifact: string, bytes: Buffer) => ({
      group: 'g',
      artifact,
      version: '1',
      size: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    });
    const good = jar('good', Buffer.from('good bytes'));
    const flipped = jar('flipped', Buffer.from('original'));
    const missing = jar('missing', Buffer.from('x'));
    fs.writeFileSync(path.join(libs, 'good-1.jar'), 'good bytes');
    fs.writeFileSync(path.join(libs, 'flipped-1.jar'), 'originaL');
    fs.writeFileSync(path.join(libs, 'stray-9.jar'), 'not ours');
    const check = await checkJarFolder(libs, [good, flipped, missing]);
    assert.deepEqual(check, { missing: [missing], damaged: [flipped], strays: ['stray-9.jar'] });
    assert.deepEqual(fs.readdirSync(libs), ['good-1.jar']);
  });
});
