/** Error codes of Node (libuv, OpenSSL, undici) with what they mean for a download. */
const HINTS: ReadonlyArray<[RegExp, string]> = [
  [/^ECONNREFUSED$/, 'connection refused: nothing listens at that host and port'],
  [/^(ENOTFOUND|EAI_NONAME|EAI_NODATA)$/, 'DNS lookup failed: no such host'],
  [/^EAI_AGAIN$/, 'DNS lookup failed for now (no network, or the DNS server did not answer)'],
  [/^ECONNRESET$/, 'the server closed the connection'],
  [/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT)$/, 'the connection timed out'],
  [/^(EHOSTUNREACH|ENETUNREACH)$/, 'the host or network is unreachable'],
  [/^(UND_ERR_SOCKET|UND_ERR_CLOSED)$/, 'the connection broke'],
  [/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|^ERR_TLS|^ERR_SSL|^EPROTO$/, 'TLS failed (certificate or protocol)'],
];

/**
 * A one-line description of why a request failed. Node's fetch (undici) throws `TypeError: fetch
 * failed` for every network failure and puts the reason in `cause` (an error with a `code` such as
 * `ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`, an `AggregateError` of one error per address tried,
 * or `Error: redirect count exceeded`); this walks the cause chain and names it, e.g.
 * `fetch failed: connection refused: nothing listens at that host and port (ECONNREFUSED: connect
 * ECONNREFUSED 127.0.0.1:9)`.
 */
export function describeFetchError(err: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  for (let e: unknown = err; e !== undefined && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if (!(e instanceof Error)) {
      parts.push(String(e));
      break;
    }
    let code = (e as { code?: unknown }).code;
    const inner = (e as { errors?: unknown }).errors;
    if (code === undefined && Array.isArray(inner) && inner[0] instanceof Error) code = (inner[0] as { code?: unknown }).code;
    let text = (e.message || e.name).replace(/\s+/g, ' ').trim();
    if (/redirect count exceeded/i.test(text)) text = `too many redirects, a redirect loop? (${text})`;
    if (typeof code === 'string') {
      const hint = HINTS.find(([re]) => re.test(code as string))?.[1];
      text = hint === undefined ? `${code}: ${text}` : `${hint} (${code}: ${text})`;
    }
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(': ') || String(err);
}
