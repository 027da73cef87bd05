import { formatDuration } from './format-duration.js';

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
    this.baseline = undefined;
    if (!this.quiet && !this.tty) this.stream.write(`${label}\n`);
    this.label = label;
  }

  private label = '';
  /** `done` at the first update of a phase: a resumed phase starts part-way, and only the work done since counts for the rate. */
  private baseline: number | undefined;

  /** Called after every step: redraws at most every 50 ms on a terminal. */
  update(done: number, total: number, detail = ''): void {
    if (this.quiet || !this.tty) return;
    const now = performance.now();
    if (this.baseline === undefined) {
      // the first update reports one unit of work done since start()
      this.baseline = Math.max(0, done - 1);
    }
    if (now - this.lastDraw < 50 && done < total) return;
    this.lastDraw = now;
    const width = 28;
    const frac = total > 0 ? done / total : 1;
    const filled = Math.round(frac * width);
    const elapsed = (now - this.startedAt) / 1000;
    const doneHere = done - this.baseline;
    const eta = doneHere > 0 ? (elapsed / doneHere) * (total - done) : 0;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.stream.write(`\r${this.label.padEnd(18)} ${bar} ${(frac * 100).toFixed(0).padStart(3)}%  ${formatDuration(elapsed)} elapsed, ~${formatDuration(eta)} left ${detail}\x1b[K`);
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
