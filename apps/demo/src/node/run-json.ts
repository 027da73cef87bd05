/** What every command's `--json` object starts with, whatever experiment it ran. */
export interface RunJsonHeader {
  settings: object;
  backend: object;
  nTrain: number;
  nTest: number;
  loadSeconds: number;
  /** The process's peak resident set size so far, in MB (`process.resourceUsage().maxRSS` / 1024). */
  peakRssMB: number;
}

/**
 * The common head of a command's `--json` object: the experiment's settings and data sizes, the
 * backend it ran on, the data loading time and the peak memory. Commands spread it and add their models.
 */
export function runJsonHeader(r: { settings: object; nTrain: number; nTest: number }, backend: object, loadSeconds: number): RunJsonHeader {
  return {
    settings: r.settings,
    backend,
    nTrain: r.nTrain,
    nTest: r.nTest,
    loadSeconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}
