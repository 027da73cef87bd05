import { TUTORIAL_LINEAR } from '../shared/tutorial-reference.js';
import type { LinearExperimentResult } from '../shared/linear-experiment.js';

/** The experiment's results beside the tutorial's published figures, as a plain-text table. */
export function formatTable(r: LinearExperimentResult, backend: string): string {
  const s = r.settings;
  const normName = { linf: 'L∞', l2: 'L2', l1: 'L1' }[s.norm];
  const sameSetting =
    s.digits[0] === TUTORIAL_LINEAR.digits[0] && s.digits[1] === TUTORIAL_LINEAR.digits[1] && s.norm === TUTORIAL_LINEAR.norm && s.epsilon === TUTORIAL_LINEAR.epsilon;
  const ref = (v: number): string => (sameSetting ? v.toFixed(6) : '—');
  const rows: [string, number, number][] = [
    ['standard model, clean test error', r.standard.cleanError, TUTORIAL_LINEAR.standard.cleanError],
    [`standard model, attacked test error`, r.standard.adversarialError, TUTORIAL_LINEAR.standard.adversarialError],
    ['robust model, attacked test error', r.robust.adversarialError, TUTORIAL_LINEAR.robust.adversarialError],
    ['robust model, clean test error', r.robust.cleanError, TUTORIAL_LINEAR.robust.cleanError],
  ];
  const lines = [
    `advkit — MNIST ${s.digits[0]} vs ${s.digits[1]}, logistic regression, exact ${normName} attack at ε = ${s.epsilon} (seed ${s.seed}, ${backend} backend)`,
    `train ${r.nTrain} / test ${r.nTest} examples; standard SGD lr ${s.learningRate} × ${s.epochs} epochs, robust SGD lr ${s.robustLearningRate} × ${s.robustEpochs} epochs, batch ${s.batchSize}`,
    '',
    `${''.padEnd(38)}${'advkit'.padStart(10)}${'tutorial'.padStart(12)}`,
    ...rows.map(([name, ours, theirs]) => `${name.padEnd(38)}${ours.toFixed(6).padStart(10)}${ref(theirs).padStart(12)}`),
    '',
    `training time: standard ${r.standard.trainSeconds.toFixed(2)} s, robust ${r.robust.trainSeconds.toFixed(2)} s`,
  ];
  if (!sameSetting) lines.push('(the tutorial published figures only for digits 0,1, the L∞ ball and ε = 0.2)');
  return lines.join('\n');
}
