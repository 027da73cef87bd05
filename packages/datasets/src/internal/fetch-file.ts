import { ArgumentError, DataFormatError, DataNotFoundError, describeValue } from '@advkit/core';
import type { SourcedBytes } from './sourced-bytes.js';
import { DownloadDeadline } from './download-deadline.js';
import { describeFetchError } from './describe-fetch-error.js';
import { formatBytes } from './format-bytes.js';

/** How {@link fetchFile} downloads (all validated by loadMnist). */
export interface FetchFileOptions {
  fetchFn: typeof fetch;
  /** Largest body accepted. */
  maxBytes: number;
  /** Time limit for the whole file: requests (the `.gz` one and the plain one), headers and body. */
  timeoutMs: number;
  signal: AbortSignal | undefined;
}

const FN = 'loadMnist';

/**
 * Fetches `baseUrl/name.gz`, or when that is 404/410, `baseUrl/name` (MNIST mirrors serve the .gz
 * files; a local server may serve the plain ones). The body is read as a stream and abandoned as soon
 * as it passes `maxBytes` (a `Content-Length` above it is refused before reading); with a
 * `Content-Length` the body is read straight into one buffer of that size, so a file costs its own
 * size in memory, not twice (chunks plus their concatenation) as without one.
 *
 * @throws {DataNotFoundError} a network failure (the cause named: connection refused, DNS, TLS, a
 *   redirect loop, …), an HTTP error (URL and status named), an HTML page instead of a file (a dev
 *   server's fallback to index.html), or the time limit passed.
 * @throws {DataFormatError} a body larger than `maxBytes`.
 * @throws {ArgumentError} `fetchFn` resolved to something that is not a Response.
 * @throws `signal.reason` when the caller's signal aborts.
 */
export async function fetchFile(baseUrl: string, name: string, options: FetchFileOptions): Promise<SourcedBytes> {
  const deadline = new DownloadDeadline(options.timeoutMs, options.signal);
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const tried: string[] = [];
  let url = '';
  const progress = { received: 0 };
  try {
    for (const file of [`${name}.gz`, name]) {
      url = base + file;
      const res = checkResponse(await deadline.race(options.fetchFn(url, { signal: deadline.signal })), url);
      if (res.status === 404 || res.status === 410) {
        discard(res);
        tried.push(`GET ${url} -> HTTP ${res.status}`);
        continue;
      }
      if (!res.ok) {
        discard(res);
        throw new DataNotFoundError(`${FN}: GET ${url} -> HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      }
      const type = res.headers.get('content-type') ?? '';
      if (type.startsWith('text/html')) {
        discard(res);
        throw new DataNotFoundError(
          `${FN}: GET ${url} returned an HTML page (content-type ${type}), not an IDX file; is the server falling back to index.html for a missing file?`,
        );
      }
      return { bytes: await readBody(res, url, options.maxBytes, deadline, progress), source: url };
    }
  } catch (err) {
    if (deadline.cancelled) throw options.signal!.reason;
    if (deadline.timedOut) {
      throw new DataNotFoundError(
        `${FN}: GET ${url} did not finish within options.timeoutMs = ${options.timeoutMs} ms (${progress.received} bytes of the body received)`,
        { cause: err },
      );
    }
    if (ArgumentError.isInstance(err) || DataFormatError.isInstance(err) || DataNotFoundError.isInstance(err)) throw err;
    throw new DataNotFoundError(`${FN}: GET ${url} failed: ${describeFetchError(err)}`, { cause: err });
  } finally {
    deadline.dispose();
  }
  throw new DataNotFoundError(`${FN}: ${name} not found under ${baseUrl}: ${tried.join(', ')}`);
}

/** `value` if it looks like a fetch Response (from any realm or polyfill), else ArgumentError on options.fetch. */
function checkResponse(value: unknown, url: string): Response {
  const r = value as Partial<Response> | null;
  const ok =
    typeof r === 'object' &&
    r !== null &&
    typeof r.status === 'number' &&
    typeof r.ok === 'boolean' &&
    typeof r.headers?.get === 'function' &&
    (r.body === null || typeof r.body?.getReader === 'function');
  if (!ok) {
    throw new ArgumentError(`resolved to ${describeValue(value)} for GET ${url}; it must resolve to a Response (with status, ok, headers and a body stream)`, {
      fn: FN,
      argument: 'options.fetch',
    });
  }
  return r as Response;
}

/** Drops a body we will not read, without waiting for it (a stalling server must not hold us up). */
function discard(res: Response): void {
  res.body?.cancel().catch(() => undefined);
}

async function readBody(res: Response, url: string, maxBytes: number, deadline: DownloadDeadline, progress: { received: number }): Promise<Uint8Array> {
  const tooBig = (n: number | string): DataFormatError =>
    new DataFormatError(`${FN}: GET ${url}: the body has ${n} bytes, more than options.maxBytes = ${formatBytes(maxBytes)}`);
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(res);
    throw tooBig(declared);
  }
  if (res.body === null) return new Uint8Array(0);
  const reader = res.body.getReader();
  // One buffer of the declared size when there is one; chunks otherwise (or once the body outgrows it).
  let buffer: Uint8Array | undefined = Number.isSafeInteger(declared) && declared > 0 ? new Uint8Array(declared) : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await deadline.race(reader.read());
      } catch (err) {
        if (deadline.signal.aborted) throw err;
        throw new DataNotFoundError(`${FN}: GET ${url}: the download broke off after ${total} bytes: ${describeFetchError(err)}`, { cause: err });
      }
      if (result.done) break;
      const chunk = result.value;
      if (total + chunk.length > maxBytes) throw tooBig(`at least ${total + chunk.length}`);
      if (buffer !== undefined && total + chunk.length > buffer.length) {
        chunks.push(buffer.subarray(0, total)); // more than declared: fall back to chunks
        buffer = undefined;
      }
      if (buffer !== undefined) buffer.set(chunk, total);
      else chunks.push(chunk);
      total += chunk.length;
      progress.received = total;
    }
  } catch (err) {
    reader.cancel().catch(() => undefined);
    throw err;
  }
  if (buffer !== undefined) return total === buffer.length ? buffer : buffer.slice(0, total);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
