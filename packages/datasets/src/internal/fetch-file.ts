import { DataFormatError, DataNotFoundError } from '@advkit/core';
import type { SourcedBytes } from './sourced-bytes.js';
import { formatBytes } from './format-bytes.js';

/**
 * Fetches `baseUrl/name.gz`, or when that is 404/410, `baseUrl/name` (MNIST mirrors serve the .gz
 * files; a local server may serve the plain ones). The body is read as a stream and abandoned as soon
 * as it passes `maxBytes` (a `Content-Length` above it is refused before reading).
 *
 * @throws {DataNotFoundError} a network failure, an HTTP error (URL and status named), or an HTML page
 *   instead of a file (a dev server's fallback to index.html).
 * @throws {DataFormatError} a body larger than `maxBytes`.
 */
export async function fetchFile(fetchFn: typeof fetch, baseUrl: string, name: string, maxBytes: number): Promise<SourcedBytes> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const tried: string[] = [];
  for (const file of [`${name}.gz`, name]) {
    const url = base + file;
    let res: Response;
    try {
      res = await fetchFn(url);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new DataNotFoundError(`loadMnist: GET ${url} failed: ${detail}`, { cause: err });
    }
    if (res.status === 404 || res.status === 410) {
      await res.body?.cancel().catch(() => undefined);
      tried.push(`GET ${url} -> HTTP ${res.status}`);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new DataNotFoundError(`loadMnist: GET ${url} -> HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    }
    const type = res.headers.get('content-type') ?? '';
    if (type.startsWith('text/html')) {
      await res.body?.cancel().catch(() => undefined);
      throw new DataNotFoundError(
        `loadMnist: GET ${url} returned an HTML page (content-type ${type}), not an IDX file; is the server falling back to index.html for a missing file?`,
      );
    }
    return { bytes: await readBody(res, url, maxBytes), source: url };
  }
  throw new DataNotFoundError(`loadMnist: ${name} not found under ${baseUrl}: ${tried.join(', ')}`);
}

async function readBody(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const tooBig = (n: number | string): DataFormatError =>
    new DataFormatError(`loadMnist: GET ${url}: the body has ${n} bytes, more than options.maxBytes = ${formatBytes(maxBytes)}`);
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooBig(declared);
  }
  if (res.body === null) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new DataNotFoundError(`loadMnist: GET ${url}: the download broke off after ${total} bytes: ${detail}`, { cause: err });
    }
    if (result.done) break;
    total += result.value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooBig(`at least ${total}`);
    }
    chunks.push(result.value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
