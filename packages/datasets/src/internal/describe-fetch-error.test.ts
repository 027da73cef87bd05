import { describe, expect, it } from 'vitest';
import { describeFetchError } from './describe-fetch-error.js';

/** An error shaped like Node's: a message and a `code`. */
function sysError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('describeFetchError', () => {
  // The shapes below are those undici (Node 20) throws; the refused, redirect and TLS cases are also
  // produced for real against a local server in load-mnist-hostile-http.test.ts. DNS is built here,
  // since the tests use no network beyond 127.0.0.1.
  it('names DNS failures, expired certificates and refused connections behind "fetch failed"', () => {
    const dns = new TypeError('fetch failed', { cause: sysError('ENOTFOUND', 'getaddrinfo ENOTFOUND mnist.example') });
    expect(describeFetchError(dns)).toBe('fetch failed: DNS lookup failed: no such host (ENOTFOUND: getaddrinfo ENOTFOUND mnist.example)');
    const cert = new TypeError('fetch failed', { cause: sysError('CERT_HAS_EXPIRED', 'certificate has expired') });
    expect(describeFetchError(cert)).toBe('fetch failed: TLS failed (certificate or protocol) (CERT_HAS_EXPIRED: certificate has expired)');
    const both = new AggregateError([sysError('ECONNREFUSED', 'connect ECONNREFUSED ::1:80'), sysError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:80')], '');
    expect(describeFetchError(new TypeError('fetch failed', { cause: both }))).toBe(
      'fetch failed: connection refused: nothing listens at that host and port (ECONNREFUSED: AggregateError)',
    );
  });

  it('keeps unknown codes, non-errors and cyclic causes readable', () => {
    expect(describeFetchError(sysError('EWHATEVER', 'odd'))).toBe('EWHATEVER: odd');
    expect(describeFetchError('boom')).toBe('boom');
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(describeFetchError(b)).toBe('b: a');
  });
});
