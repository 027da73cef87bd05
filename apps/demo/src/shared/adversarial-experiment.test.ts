import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@advkit/core';
import { loadMnist, type Mnist } from '@advkit/datasets';
import { adversarialDefaults, pageDefaults, runAdversarialExperiment, type AdversarialExperimentSettings } from './adversarial-experiment.js';

let mnist: Mnist;
beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  mnist = await loadMnist();
});

// A few seconds on 2 cores: 3,000 images, 2 epochs, 3 PGD steps, 300 test images.
const small: AdversarialExperimentSettings = {
  ...pageDefaults('mlp'),
  trainSize: 3000,
  testSize: 300,
  epochs: 2,
  trainSteps: 3,
  trainStepSize: 0.04,
  evalSteps: 3,
  evalStepSize: 0.04,
  autoAttackImages: 0,
};

describe('adversarial training on real MNIST (short schedule, MLP 784-100-10)', () => {
  it('PGD training at least halves the PGD-20 test error of the standard model', async () => {
    // 6000 training images, 6 epochs of SGD lr 0.3; PGD training with 5 steps of 2.5ε/5; evaluation with
    // the tutorial's PGD (ε 0.1, 20 steps of 0.01, no random start) on the first 500 test images; attacks
    // kept in the pixel box [0, 1] (without it this small MLP gets to 0.46–0.53× in this budget, too close to
    // the 0.5× line to assert). Measured on a 2-core machine: standard 0.080 clean / 0.792 PGD,
    // PGD-trained 0.102 / 0.338, ~30 s.
    const r = await runAdversarialExperiment(mnist, {
      ...adversarialDefaults('mlp'),
      clip: true,
      trainSize: 6000,
      testSize: 500,
      epochs: 6,
      learningRate: 0.3,
      decayEpoch: 7,
      trainSteps: 5,
      trainStepSize: 0.05,
      autoAttackImages: 0,
    });
    expect(r.nTrain).toBe(6000);
    expect(r.nTest).toBe(500);
    expect(r.standard.cleanError).toBeLessThan(0.15);
    expect(r.standard.pgdError).toBeGreaterThan(0.5);
    expect(r.pgdTrained!.pgdError).toBeLessThanOrEqual(0.5 * r.standard.pgdError);
    // PGD is at least as strong as FGSM on both models here (no gradient masking)
    expect(r.standard.pgdError).toBeGreaterThanOrEqual(r.standard.fgsmError);
    expect(r.pgdTrained!.pgdError).toBeGreaterThanOrEqual(r.pgdTrained!.fgsmError);
    expect(r.standard.warnings).toEqual([]);
    expect(r.pgdTrained!.warnings).toEqual([]);
  });
});

describe('runAdversarialExperiment (the CLI’s adversarial command and the page’s FGSM / PGD tab)', () => {
  it('trains and evaluates both models in order, with attacked digits for the page; leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const epochs: string[] = [];
    const phases: string[] = [];
    const ends: string[] = [];
    const r = await runAdversarialExperiment(mnist, small, {
      attackedDigits: true,
      onPhase: (p, stage) => phases.push(`${p} ${stage}`),
      onPhaseEnd: (p, report) => ends.push(`${p} ${report.digits === undefined ? 'no digits' : 'digits'}`),
      onEpochEnd: (p, m) => epochs.push(`${p} ${m.epoch}`),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(phases).toEqual(['standard train', 'standard evaluate', 'pgd-trained train', 'pgd-trained evaluate']);
    expect(ends).toEqual(['standard digits', 'pgd-trained digits']);
    expect(epochs).toEqual(['standard 1', 'standard 2', 'pgd-trained 1', 'pgd-trained 2']);
    expect([r.nTrain, r.nTest, r.rows, r.cols]).toEqual([3000, 300, 28, 28]);

    for (const ours of [r.standard, r.pgdTrained!]) {
      // brokenBy counts add up to the test set, and the worst case is clean mistakes plus both attacks' breaks
      const b = ours.brokenBy;
      expect(b.clean + b.fgsm + b.pgd + b.none).toBe(300);
      expect((b.clean + b.fgsm + b.pgd) / 300).toBeCloseTo(ours.robustError, 12);
    }
    // the trend of the tutorial's chapter 4, at this small scale
    expect(r.standard.pgdError).toBeGreaterThan(r.standard.cleanError);
    expect(r.pgdTrained!.pgdError).toBeLessThan(r.standard.pgdError);

    // attacked digits: the first test image of each class, clean and attacked, with the model's predictions
    const d = r.standard.digits!;
    expect(d.labels).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const cells of [d.clean, d.fgsm, d.pgd]) {
      expect(cells).toHaveLength(10);
      cells.forEach((c, k) => expect(c.correct).toBe(c.predicted === d.labels[k]));
    }
    // the attacked pictures stay in the ε-ball and the pixel box
    const i = mnist.test.labels.indexOf(3);
    const x = mnist.test.images.subarray(i * 784, (i + 1) * 784);
    for (const cells of [d.fgsm, d.pgd]) {
      const p = cells[3]!.pixels;
      let maxDiff = 0;
      p.forEach((v, j) => {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        maxDiff = Math.max(maxDiff, Math.abs(v - x[j]!));
      });
      expect(maxDiff).toBeLessThanOrEqual(0.1 + 1e-6); // ε, up to float32 rounding of x + δ
      expect(maxDiff).toBeGreaterThan(0.05); // and they moved
    }
    // the standard model gets more of these digits wrong under PGD than clean
    expect(d.pgd.filter((c) => !c.correct).length).toBeGreaterThan(d.clean.filter((c) => !c.correct).length);
  });

  it('without PGD training: the standard model only', async () => {
    const r = await runAdversarialExperiment(mnist, { ...small, epochs: 1 }, { pgdTraining: false });
    expect(r.pgdTrained).toBeUndefined();
    expect(r.standard.epochs).toHaveLength(1);
    expect(r.standard.digits).toBeUndefined(); // pictures only when asked (the page asks)
  });

  it('AutoAttack on the first N test images: its report, progress, and Stop during it', async () => {
    const before = tf.memory().numTensors;
    const phases: string[] = [];
    const progress: string[] = [];
    const settings = { ...small, epochs: 1, autoAttackImages: 40 };
    const r = await runAdversarialExperiment(mnist, settings, {
      pgdTraining: false,
      onPhase: (p, stage) => phases.push(`${p} ${stage}`),
      onAutoAttackProgress: (p, a) => progress.push(`${p} ${a.attack} ${a.batch}/${a.batches} n=${a.n}`),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(phases).toEqual(['standard train', 'standard evaluate', 'standard autoattack']);
    expect(progress[0]).toBe('standard apgd-ce 1/1 n=40'); // 40 images, batches of 100
    const a = r.standard.autoAttack!;
    expect(a.n).toBe(40);
    expect(a.epsilon).toBe(0.1);
    const b = a.brokenBy;
    expect(b.clean + b['apgd-ce'] + b['apgd-dlr'] + b['apgd-t'] + b['fab-t'] + b.square + b.none).toBe(40);
    expect(a.robustError).toBeCloseTo((40 - b.none) / 40, 12);
    expect(a.cleanError).toBeCloseTo(b.clean / 40, 12);
    // AutoAttack (100-step APGD and more) is stronger than the 3-step PGD of these settings; on a
    // subset of 40 of the 300 images, allow 0.1 of sampling noise
    expect(a.robustError).toBeGreaterThanOrEqual(r.standard.pgdError - 0.1);

    // the same run, stopped after AutoAttack's first batch: rejects with the reason, nothing left
    const ac = new AbortController();
    const reason = new Error('stopped by the user');
    let after = 0;
    const p = runAdversarialExperiment(mnist, settings, {
      pgdTraining: false,
      signal: ac.signal,
      onAutoAttackProgress: () => {
        if (ac.signal.aborted) after++;
        ac.abort(reason);
      },
    });
    await expect(p).rejects.toBe(reason);
    expect(after).toBe(0); // autoAttack checks the signal before every batch
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops on the signal mid-training, with signal.reason, and leaves no tensors', async () => {
    const before = tf.memory().numTensors;
    const ac = new AbortController();
    const reason = new Error('stopped by the user');
    let stepsAfterAbort = 0;
    const p = runAdversarialExperiment(mnist, small, {
      signal: ac.signal,
      onProgress: (phase, prog) => {
        if (ac.signal.aborted) stepsAfterAbort++;
        if (phase === 'pgd-trained' && prog.epoch === 1 && prog.step === 3) ac.abort(reason);
      },
    });
    await expect(p).rejects.toBe(reason);
    expect(tf.memory().numTensors).toBe(before);
    // the trainer checks the signal after every step: it stops right after the one that aborted it
    expect(stepsAfterAbort).toBe(0);
  });
});
