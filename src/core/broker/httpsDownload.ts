// One file over HTTPS into a cache, safely: bytes go to a `.part` file (kept between runs, so
// a broken download resumes with a Range request), the whole file's SHA-256 is checked, and
// only then is it renamed into place. A reader never sees a half-written or unverified file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type https from 'node:https';
import { get } from 'node:https';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface DownloadJob {
  url: string;
  /** Final place of the verified file. */
  target: string;
  /** Where the bytes collect until they are verified. */
  partFile: string;
  size: number;
  sha256: string;
}

export interface DownloadContext {
  agent: https.Agent;
  /** No connection, answer or byte for this long fails the request. */
  idleTimeoutMs: number;
  signal?: AbortSignal;
  /** Bytes now in hand: what a resumed .part holds, then what arrives (negative when a file starts over). */
  onBytes?: (delta: number) => void;
}

export interface DownloadResult {
  /** Bytes already in the .part file that a Range request continued from (0: from scratch). */
  resumedFrom: number;
}

/** A download that failed: the URL and a reason in plain words. */
export class DownloadError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'DownloadError';
  }
}

/** Attempts per file after one that made progress (a connection reset mid-file). */
const ATTEMPTS_WITH_PROGRESS = 3;

export async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Fetches `job` into its target, verified. Fails fast when nothing arrives at all. */
export async function downloadVerified(job: DownloadJob, context: DownloadContext): Promise<DownloadResult> {
  fs.mkdirSync(path.dirname(job.partFile), { recursive: true });
  let resumedFrom = 0;
  let restartedAfterMismatch = false;
  for (let attempt = 1; ; attempt++) {
    let have = sizeOf(job.partFile);
    if (have > job.size) {
      fs.rmSync(job.partFile, { force: true });
      if (attempt > 1) context.onBytes?.(-have);
      have = 0;
    }
    if (attempt === 1) {
      // What an earlier run left counts as done until the server refuses to continue it.
      resumedFrom = have;
      context.onBytes?.(have);
    }
    if (have < job.size) {
      const before = have;
      try {
        const continued = await fetchInto(job, have, context);
        if (!continued && attempt === 1) resumedFrom = 0;
      } catch (e) {
        const progressed = sizeOf(job.partFile) > before;
        if (!progressed || attempt >= ATTEMPTS_WITH_PROGRESS || context.signal?.aborted) throw e;
        continue;
      }
    }
    if ((await sha256Of(job.partFile)) === job.sha256) {
      fs.mkdirSync(path.dirname(job.target), { recursive: true });
      fs.renameSync(job.partFile, job.target);
      return { resumedFrom };
    }
    // A resumed file may have started from someone else's bytes: one clean try, then give up.
    const bad = sizeOf(job.partFile);
    fs.rmSync(job.partFile, { force: true });
    context.onBytes?.(-bad);
    if (restartedAfterMismatch)
      throw new DownloadError(
        job.url,
        'the file that arrived does not match its pinned SHA-256 (a proxy or mirror changed it?)',
        'ECHECKSUM',
      );
    restartedAfterMismatch = true;
  }
}

/** One HTTP request appending to the .part file from byte `offset`; true when the server continued from there. */
async function fetchInto(job: DownloadJob, offset: number, context: DownloadContext): Promise<boolean> {
  const response = await request(job.url, offset, context);
  const resumed =
    offset > 0 &&
    response.statusCode === 206 &&
    (response.headers['content-range'] ?? '').startsWith(`bytes ${offset}-`);
  if (offset > 0 && !resumed) context.onBytes?.(-offset);
  response.setTimeout(context.idleTimeoutMs, () =>
    response.destroy(coded(`no data for ${context.idleTimeoutMs / 1000} s`, 'ETIMEDOUT')),
  );
  try {
    await pipeline(response, partFileWriter(job.partFile, resumed, context.onBytes), { signal: context.signal });
  } catch (e) {
    throw asDownloadError(job.url, e);
  }
  return resumed;
}

/**
 * Appends to the .part file and reports each chunk only once it is written: progress never
 * counts bytes that a cancel right after it would lose.
 */
function partFileWriter(partFile: string, append: boolean, onBytes?: (bytes: number) => void): Writable {
  let fd: number | undefined = fs.openSync(partFile, append ? 'a' : 'w');
  const close = (done: (e?: Error | null) => void) => {
    if (fd === undefined) return done();
    const closing = fd;
    fd = undefined;
    fs.close(closing, done);
  };
  const writeAll = (chunk: Buffer, done: (e?: Error | null) => void): void => {
    if (fd === undefined) return done(new Error('the download was stopped'));
    fs.write(fd, chunk, (e, written) => {
      if (e) return done(e);
      onBytes?.(written);
      if (written < chunk.length) writeAll(chunk.subarray(written), done);
      else done();
    });
  };
  return new Writable({
    write: (chunk: Buffer, _encoding, done) => writeAll(chunk, done),
    final: (done) => close(done),
    destroy: (error, done) => close(() => done(error)),
  });
}

function request(url: string, offset: number, context: DownloadContext): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const fail = (e: unknown) => reject(asDownloadError(url, e));
    const req = get(
      url,
      {
        agent: context.agent,
        headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
        timeout: context.idleTimeoutMs,
        signal: context.signal,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status === 200 || status === 206) return resolve(response);
        response.resume();
        fail(coded(`the server answered ${status} ${response.statusMessage ?? ''}`.trim(), `HTTP${status}`));
      },
    );
    req.once('timeout', () => req.destroy(coded(`no answer within ${context.idleTimeoutMs / 1000} s`, 'ETIMEDOUT')));
    req.once('error', fail);
  });
}

function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

const REASON_BY_CODE: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve (no DNS answer)',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
  ABORT_ERR: 'cancelled',
};

function asDownloadError(url: string, e: unknown): DownloadError {
  if (e instanceof DownloadError) return e;
  const { code, message } = e as { code?: string; message?: string };
  return new DownloadError(url, (code && REASON_BY_CODE[code]) || message || String(e), code);
}
