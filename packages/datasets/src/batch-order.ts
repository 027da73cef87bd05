import { ArgumentError, Rng, checkKnownKeys, checkNumber, checkOptions, describeValue, optionKeys } from '@advkit/core';

export interface BatchOrderOptions {
  /** Examples per minibatch; the last batch of the epoch holds the remainder. */
  batchSize: number;
  /** Visit the examples in a random order drawn from `rng`. @default true when `rng` is given, else false */
  shuffle?: boolean;
  /** The seeded generator for the shuffle (`new Rng(seed)` from @advkit/core); required when shuffling. */
  rng?: Rng;
}
const BATCH_ORDER_KEYS = optionKeys<BatchOrderOptions>()({ batchSize: true, shuffle: true, rng: true });

const FN = 'batchOrder';

/**
 * The example indices of each minibatch of one epoch over `n` examples: `ceil(n / batchSize)`
 * batches, all of `batchSize` except possibly the last; together they hold each of 0..n-1 exactly
 * once. In order 0..n-1 without shuffle; with shuffle, a uniformly random permutation from
 * `rng.permutation(n)` (Fisher–Yates), which advances `rng` — call once per epoch for a new order.
 *
 * @returns views into one `Uint32Array` of length n (owned by the caller); `[]` when n = 0.
 * @throws {ArgumentError} bad `n` or `batchSize`, or `shuffle: true` without `rng`.
 */
export function batchOrder(n: number, options: BatchOrderOptions): Uint32Array[] {
  checkNumber(n, FN, 'n', { integer: true, min: 0, max: 2 ** 32 - 1 });
  const opts = checkOptions(options, FN);
  checkKnownKeys(opts, BATCH_ORDER_KEYS, FN);
  const batchSize = checkNumber(opts.batchSize, FN, 'options.batchSize', { integer: true, min: 1 });
  const { rng } = opts;
  if (rng !== undefined && !(rng instanceof Rng) && typeof (rng as Partial<Rng>).permutation !== 'function') {
    throw new ArgumentError(`must be an Rng from @advkit/core, got ${describeValue(rng)}`, { fn: FN, argument: 'options.rng' });
  }
  if (opts.shuffle !== undefined && typeof opts.shuffle !== 'boolean') {
    throw new ArgumentError(`must be a boolean, got ${describeValue(opts.shuffle)}`, { fn: FN, argument: 'options.shuffle' });
  }
  const shuffle = opts.shuffle ?? rng !== undefined;
  let order: Uint32Array;
  if (shuffle) {
    if (rng === undefined) {
      throw new ArgumentError('is required when shuffle is true (every random choice in advkit is seeded): pass new Rng(seed)', {
        fn: FN,
        argument: 'options.rng',
      });
    }
    order = rng.permutation(n);
  } else {
    order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
  }
  const batches: Uint32Array[] = [];
  for (let start = 0; start < n; start += batchSize) batches.push(order.subarray(start, Math.min(start + batchSize, n)));
  return batches;
}
