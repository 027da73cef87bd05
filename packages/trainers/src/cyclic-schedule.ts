import { checkNumber, checkOptions, checkKnownKeys, optionKeys } from '@advkit/core';

export interface CyclicScheduleOptions {
  /** The peak learning rate. */
  max: number;
  /** Epochs of the run (the rate returns to 0 at the end of the last one). */
  epochs: number;
  /**
   * Steps per epoch (`ceil(n / batchSize)`), to move the rate every step; without it the rate moves
   * once per epoch, taking its value at mid-epoch. @default undefined
   */
  stepsPerEpoch?: number;
  /** Where the peak is, in epochs from the start. @default 0.4·epochs (Wong, Rice & Kolter's code) */
  peakEpoch?: number;
}
const CYCLIC_SCHEDULE_KEYS = optionKeys<CyclicScheduleOptions>()({ max: true, epochs: true, stepsPerEpoch: true, peakEpoch: true });

/**
 * The one-cycle ("cyclic") learning rate of fast adversarial training (Wong, Rice & Kolter, "Fast is
 * better than free", ICLR 2020; Smith & Topin 2017): linear from 0 up to `max` at `peakEpoch`, then
 * linear back to 0 at `epochs`, i.e. `lr(t) = interp(t, [0, peak, epochs], [0, max, 0])` at training
 * time t = (epoch − 1) + step/stepsPerEpoch (or epoch − 0.5 without `stepsPerEpoch`).
 *
 * @returns `(epoch, step) => lr` for the `learningRate` option (1-based epoch and step).
 */
export function cyclicSchedule(options: CyclicScheduleOptions): (epoch: number, step: number) => number {
  const fn = 'cyclicSchedule';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, CYCLIC_SCHEDULE_KEYS, fn);
  const max = checkNumber(opts.max, fn, 'options.max', { min: 0 });
  const epochs = checkNumber(opts.epochs, fn, 'options.epochs', { min: 1, integer: true });
  const steps = opts.stepsPerEpoch === undefined ? undefined : checkNumber(opts.stepsPerEpoch, fn, 'options.stepsPerEpoch', { min: 1, integer: true });
  const peak = checkNumber(opts.peakEpoch ?? 0.4 * epochs, fn, 'options.peakEpoch', { min: 0, max: epochs, minInclusive: false });
  return (epoch: number, step: number) => {
    const t = steps === undefined ? epoch - 0.5 : epoch - 1 + step / steps;
    const lr = t <= peak ? (max * t) / peak : peak === epochs ? max : (max * (epochs - t)) / (epochs - peak);
    return Math.min(max, Math.max(0, lr));
  };
}
