/**
 * The time limit of one file's download and the caller's `AbortSignal`, as one signal to hand to
 * `fetch` plus {@link DownloadDeadline.race} for every await of the download. Racing matters: a custom
 * `fetch` may ignore the signal, and a server that trickles one byte a second keeps each read alive,
 * so only a race against the deadline bounds the whole file (request, headers and body) in time.
 * Call {@link DownloadDeadline.dispose} when the file is done.
 */
export class DownloadDeadline {
  /** Aborted when the time is up or the caller's signal aborts. */
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private readonly aborted: Promise<never>;
  private readonly onOuterAbort: () => void;
  private expired = false;

  constructor(
    readonly timeoutMs: number,
    private readonly outer: AbortSignal | undefined,
  ) {
    this.signal = this.controller.signal;
    this.aborted = new Promise<never>((_, reject) => {
      this.signal.addEventListener('abort', () => reject(this.signal.reason), { once: true });
    });
    this.aborted.catch(() => undefined); // raced by every await; never an unhandled rejection
    this.onOuterAbort = () => this.controller.abort(outer!.reason);
    if (outer?.aborted) this.controller.abort(outer.reason);
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
    if (Number.isFinite(timeoutMs) && !this.signal.aborted) {
      this.timer = setTimeout(() => {
        this.expired = true;
        this.controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      }, timeoutMs);
    }
  }

  /** True once the time limit has passed (and not the caller's signal first). */
  get timedOut(): boolean {
    return this.expired && !(this.outer?.aborted ?? false);
  }

  /** True once the caller's signal has aborted. */
  get cancelled(): boolean {
    return this.outer?.aborted ?? false;
  }

  /** `p`, or a rejection as soon as the deadline passes or the caller aborts. */
  race<T>(p: Promise<T> | T): Promise<T> {
    if (this.signal.aborted) return Promise.reject(this.signal.reason);
    return Promise.race([Promise.resolve(p), this.aborted]);
  }

  /** Stops the timer and the listener on the caller's signal. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}
