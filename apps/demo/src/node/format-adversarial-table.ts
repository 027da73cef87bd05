import { TUTORIAL_CNN } from '../shared/tutorial-reference.js';
import type { AdversarialExperimentResult, AdversarialModelReport } from '../shared/adversarial-experiment.js';

/** The adversarial experiment's results beside the tutorial's CNN figures, as a plain-text table. */
export function formatAdversarialTable(r: AdversarialExperimentResult, backend: string): string {
  const s = r.settings;
  const tutorialSetting = s.model === 'cnn' && s.epsilon === 0.1 && s.epochs === 10 && s.trainSize === undefined && s.testSize === undefined && s.trainSteps === 20 && !s.clip;
  const ref = (v: number | undefined): string => (v === undefined ? '—' : v.toFixed(4));
  const p = r.pgdTrained;
  const rows: [string, number, number | undefined][] = [
    ['standard model, clean test error', r.standard.cleanError, TUTORIAL_CNN.standard.cleanError],
    ['standard model, FGSM test error', r.standard.fgsmError, undefined],
    ['standard model, PGD test error', r.standard.pgdError, TUTORIAL_CNN.standard.pgdError],
    ...(p === undefined
      ? []
      : ([
          ['PGD-trained model, clean test error', p.cleanError, TUTORIAL_CNN.pgdTrained.cleanError],
          ['PGD-trained model, FGSM test error', p.fgsmError, undefined],
          ['PGD-trained model, PGD test error', p.pgdError, TUTORIAL_CNN.pgdTrained.pgdError],
        ] as [string, number, number | undefined][])),
  ];
  const auto = (name: string, m: AdversarialModelReport | undefined): [string, number, number | undefined][] =>
    m?.autoAttack === undefined ? [] : [[`${name} model, AutoAttack error*`, m.autoAttack.robustError, undefined]];
  rows.splice(3, 0, ...auto('standard', r.standard));
  rows.push(...auto('PGD-trained', p));
  const model = s.model === 'cnn' ? 'the tutorial CNN' : `MLP 784-${s.hiddenSizes.join('-')}-10`;
  const lines = [
    `advkit — MNIST 10 classes, ${model}, L∞ ε = ${s.epsilon}${s.clip ? ' ∩ [0, 1]' : ' (no pixel box, as the tutorial)'}, PGD ${s.evalSteps} steps of ${s.evalStepSize} (seed ${s.seed}, ${backend} backend)`,
    `train ${r.nTrain} / test ${r.nTest} examples; SGD lr ${s.learningRate} (÷10 from epoch ${s.decayEpoch}) × ${s.epochs} epochs, batch ${s.batchSize}; PGD training ${s.trainSteps} steps of ${s.trainStepSize}`,
    '',
    `${''.padEnd(40)}${'advkit'.padStart(10)}${'tutorial CNN'.padStart(14)}`,
    ...rows.map(([name, ours, theirs]) => `${name.padEnd(40)}${ours.toFixed(4).padStart(10)}${ref(theirs).padStart(14)}`),
    '',
    `training time: standard ${r.standard.trainSeconds.toFixed(1)} s${p === undefined ? '' : `, PGD-trained ${p.trainSeconds.toFixed(1)} s`}; evaluation ${(r.standard.evalSeconds + (p?.evalSeconds ?? 0)).toFixed(1)} s`,
  ];
  const autoLine = (name: string, m: AdversarialModelReport | undefined): string[] => {
    const a = m?.autoAttack;
    if (a === undefined) return [];
    const broken = (['apgd-ce', 'apgd-t', 'fab-t', 'square'] as const).map((k) => `${k} ${a.brokenBy[k]}`).join(', ');
    return [`${name}: ${a.n} images in ${a.seconds.toFixed(1)} s (wrong clean ${a.brokenBy.clean}; broken by ${broken}; robust ${a.brokenBy.none})`];
  };
  const autoLines = [...autoLine('standard', r.standard), ...autoLine('PGD-trained', p)];
  if (autoLines.length > 0) {
    lines.push(`* AutoAttack standard (APGD-CE, APGD-T, FAB-T, Square), L∞ ε = ${s.epsilon} ∩ [0, 1], seed ${s.seed}, on the first test images only:`, ...autoLines.map((l) => `  ${l}`));
  }
  if (!tutorialSetting) lines.push('(the tutorial figures are for its CNN on all of MNIST, 10 epochs, PGD-20 training: compare trends, not values)');
  for (const w of [...(r.standard.autoAttack?.warnings ?? []).map((w) => `standard, AutoAttack: ${w}`), ...(p?.autoAttack?.warnings ?? []).map((w) => `PGD-trained, AutoAttack: ${w}`)]) lines.push(`warning — ${w}`);
  for (const w of [...r.standard.warnings.map((w) => `standard: ${w}`), ...(p?.warnings ?? []).map((w) => `PGD-trained: ${w}`)]) lines.push(`warning — ${w}`);
  return lines.join('\n');
}
