import * as tf from '@tensorflow/tfjs-core';
import type { AutoAttackState } from '../auto-attack-state.js';
import type { AutoAttackName, AutoAttackResult, AutoAttackWarning } from '../auto-attack.js';
import { toTensor } from './check-attack-inputs.js';

/**
 * The result of a finished run from its state: shards concatenated in order (merging shard results is
 * concatenation), counts summed. `inputShape` of one example; `early` the warnings known before the
 * run (too few classes). `result.xAdv` is the caller's.
 */
export function autoAttackResult(state: AutoAttackState, inputShape: readonly number[], early: AutoAttackWarning[]): AutoAttackResult {
  const { n, attacks } = state.fingerprint;
  const d = inputShape.reduce((a, b) => a * b, 1);
  const xAdv = new Float32Array(n * d);
  const robust: boolean[] = [];
  const brokenBy: (AutoAttackName | 'clean' | null)[] = [];
  for (const s of state.shards) {
    xAdv.set(s.xAdv, s.start * d);
    s.robust.forEach((r) => robust.push(r === 1));
    brokenBy.push(...(s.brokenBy as (AutoAttackName | 'clean' | null)[]));
  }
  // robust count of a shard after step j: its own count, or (a shard that ran out of robust examples
  // and stopped early, or skipped the attack) its last count before j
  const after: AutoAttackResult['robustAccuracyAfter'] = [];
  for (let j = 0; j <= attacks.length; j++) {
    if (j > 0 && state.shards.every((s) => s.robustAfter[j] === null)) continue;
    let c = 0;
    let seconds = 0;
    for (const s of state.shards) {
      let i = j;
      while (i > 0 && s.robustAfter[i] === null) i--;
      c += s.robustAfter[i] ?? 0;
      seconds += s.seconds[j]!;
    }
    after.push({ attack: j === 0 ? 'clean' : (attacks[j - 1] as AutoAttackName), robustAccuracy: n === 0 ? 0 : c / n, seconds: j === 0 ? 0 : seconds });
  }
  const warnings: AutoAttackWarning[] = [...early, ...(state.shards[0]?.checks ?? [])];
  const zeroGradients = state.shards.reduce((a, s) => a + s.zeroGradients, 0);
  if (zeroGradients > 0) {
    warnings.push({ code: 'zero-gradients', message: `there are ${zeroGradients} points with zero gradient of the DLR loss: gradient-based attacks may be unreliable on them` });
  }
  const sq = after.find((a) => a.attack === 'square');
  if (sq !== undefined && after.length > 2) {
    const others = Math.min(...after.filter((a) => a.attack !== 'square').map((a) => a.robustAccuracy));
    if (sq.robustAccuracy < others - 0.002) {
      warnings.push({ code: 'square-stronger', message: `Square lowered the robust accuracy by ${((others - sq.robustAccuracy) * 100).toFixed(2)} points after the white-box attacks: the evaluation may be unreliable (gradient masking?); run Square with more queries and restarts, or an adaptive attack` });
    }
  }
  const cleanCorrect = state.shards.reduce((a, s) => a + (s.robustAfter[0] ?? 0), 0);
  const finalCount = robust.filter(Boolean).length;
  return {
    robust,
    brokenBy,
    xAdv: n === 0 ? tf.zeros([0, ...inputShape]) : toTensor(xAdv, n, inputShape),
    cleanError: n === 0 ? 0 : (n - cleanCorrect) / n,
    robustError: n === 0 ? 0 : (n - finalCount) / n,
    robustAccuracyAfter: after,
    warnings,
  };
}
