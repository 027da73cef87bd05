/**
 * Progress on stderr: a redrawn bar with time remaining when stderr is a terminal, plain lines (one per
 * epoch) otherwise, so logs stay readable. Nothing goes to stdout (it carries `--json`).
 */
export class ProgressReporter {
  private readonly tty: boolean;
  private startedAt = 0;
  private lastDraw = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr, private readonly quiet = false) {
    this.tty = Boolean(stream.isTTY);
  }

  start(label: string): void {
    this.startedAt = performance.now();
    if (!this.quiet && !this.tty) this.stream.write(`${label}\n`);
    this.label = label;
  }

  private label = '';

  /** Called after every step: redraws at most every 50 ms on a terminal. */
  update(done: number, total: number, detail = ''): void {
    if (this.quiet || !this.tty) return;
    const now = performance.now();
    if (now - this.lastDraw < 50 && done < total) return;
    this.lastDraw = now;
    const width = 28;
    const frac = total > 0 ? done / total : 1;
    const filled = Math.round(frac * width);
    const elapsed = (now - this.startedAt) / 1000;
    const eta = frac > 0 ? elapsed * (1 / frac - 1) : 0;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.stream.write(`\r${this.label.padEnd(18)} ${bar} ${(frac * 100).toFixed(0).padStart(3)}%  ${elapsed.toFixed(1)}s elapsed, ~${eta.toFixed(1)}s left ${detail}\x1b[K`);
  }

  /** A line that stays (e.g. an epoch's metrics). */
  line(text: string): void {
    if (this.quiet) return;
    if (this.tty) this.stream.write(`\r\x1b[K${text}\n`);
    else this.stream.write(`${text}\n`);
  }

  end(): void {
    if (!this.quiet && this.tty) this.stream.write('\r\x1b[K');
  }
}
