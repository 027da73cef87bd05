import { ArgumentError, Rng, checkNumber, describeValue } from '@advkit/core';

/**
 * PyTorch's default initialisation of `nn.Linear(fanIn, fanOut)` (and of conv layers, with
 * `fanIn = inChannels·kh·kw`): weights from `kaiming_uniform_(a=√5)`, which is U(−1/√fanIn, 1/√fanIn),
 * and the bias from U(−1/√fanIn, 1/√fanIn) (torch/nn/modules/linear.py, `reset_parameters`).
 *
 * The init matters for attacks on linear models: weights of always-black border pixels never receive a
 * gradient, so they keep these random values and their signs decide part of the attacked error
 * (re-running the tutorial's code with other seeds gives 0.81 to 0.85; zero init gives about 0.75).
 *
 * @returns `count` values drawn from the seeded `rng`.
 */
export function torchLinearInit(rng: Rng, fanIn: number, count: number): Float32Array {
  const fn = 'torchLinearInit';
  if (!(rng instanceof Rng) && typeof (rng as Partial<Rng> | null)?.fillUniform !== 'function') {
    throw new ArgumentError(`must be an Rng from @advkit/core, got ${describeValue(rng)}`, { fn, argument: 'rng' });
  }
  checkNumber(fanIn, fn, 'fanIn', { min: 1, integer: true });
  checkNumber(count, fn, 'count', { min: 0, integer: true, max: 2 ** 31 - 1 });
  const bound = 1 / Math.sqrt(fanIn);
  return rng.fillUniform(new Float32Array(count), -bound, bound);
}
