import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, runCli } from './test-utils/run-cli.js';
import { initBackend } from '@advkit/core';
import { loadMnist, type Mnist } from '@advkit/datasets';
import { runAdversarialExperiment, adversarialDefaults } from './shared/adversarial-experiment.js';

let mnist: Mnist;
beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  mnist = await loadMnist();
});

describe('adversarial training on real MNIST (short schedule, MLP 784-100-10)', () => {
  it('PGD training at least halves the PGD-20 test error of the standard model', () => {
    // 6000 training images, 6 epochs of SGD lr 0.3; PGD training with 5 steps of 2.5ε/5; evaluation with
    // the tutorial's PGD (ε 0.1, 20 steps of 0.01, no random start) on the first 500 test images; attacks
    // kept in the pixel box [0, 1] (without it this small MLP gets to 0.46–0.53× in this budget, too close to
    // the 0.5× line to assert). Measured on a 2-core machine: standard 0.080 clean / 0.792 PGD,
    // PGD-trained 0.102 / 0.338, ~30 s.
    const r = runAdversarialExperiment(mnist, {
      ...adversarialDefaults('mlp'),
      clip: true,
      trainSize: 6000,
      testSize: 500,
      epochs: 6,
      learningRate: 0.3,
      decayEpoch: 7,
      trainSteps: 5,
      trainStepSize: 0.05,
    });
    expect(r.nTrain).toBe(6000);
    expect(r.nTest).toBe(500);
    expect(r.standard.cleanError).toBeLessThan(0.15);
    expect(r.standard.pgdError).toBeGreaterThan(0.5);
    expect(r.pgdTrained.pgdError).toBeLessThanOrEqual(0.5 * r.standard.pgdError);
    // PGD is at least as strong as FGSM on both models here (no gradient masking)
    expect(r.standard.pgdError).toBeGreaterThanOrEqual(r.standard.fgsmError);
    expect(r.pgdTrained.pgdError).toBeGreaterThanOrEqual(r.pgdTrained.fgsmError);
    expect(r.standard.warnings).toEqual([]);
    expect(r.pgdTrained.warnings).toEqual([]);
  });
});

const demo = (args: string[]) => runCli(cliPath('cli-adversarial'), args);

describe('demo:adversarial CLI (the built dist/cli-adversarial.js)', () => {
  it('--json prints one JSON object; progress with time left goes to stderr', async () => {
    const r = await demo(['--json', '--train-size', '500', '--test-size', '100', '--epochs', '1', '--train-steps', '2', '--train-step-size', '0.05']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const j = JSON.parse(r.stdout);
    expect(j.settings).toMatchObject({ model: 'mlp', epochs: 1, trainSize: 500, testSize: 100, epsilon: 0.1, clip: false, trainSteps: 2, trainStepSize: 0.05 });
    for (const k of ['standard', 'pgdTrained']) {
      for (const f of ['cleanError', 'fgsmError', 'pgdError', 'trainSeconds']) expect(typeof j[k][f]).toBe('number');
    }
    expect(r.stderr).toMatch(/pgd-trained: epoch  1 .* left in this phase/);
  });

  it('prints the table beside the tutorial figures', async () => {
    const r = await demo(['--train-size', '300', '--test-size', '50', '--epochs', '1', '--train-steps', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('L∞ ε = 0.1 (no pixel box, as the tutorial)');
    const clipped = await demo(['--train-size', '300', '--test-size', '50', '--epochs', '1', '--train-steps', '1', '--clip', '--json']);
    expect(JSON.parse(clipped.stdout).settings.clip).toBe(true);
    expect(r.stdout).toMatch(/standard model, PGD test error\s+[01]\.\d{4}\s+0\.7083/);
    expect(r.stdout).toMatch(/PGD-trained model, PGD test error\s+[01]\.\d{4}\s+0\.0283/);
  });

  it('--workers 2 trains on two worker threads (dataParallelSgd) and takes the same steps', async () => {
    const args = ['--json', '--train-size', '600', '--test-size', '100', '--epochs', '2', '--train-steps', '3', '--train-step-size', '0.04'];
    const one = JSON.parse((await demo(args)).stdout);
    const two = await demo([...args, '--workers', '2']);
    expect(two.code).toBe(0);
    const j = JSON.parse(two.stdout);
    // Same batches, attacks and update; only the float32 order of summing the two shards' gradients
    // differs, so the losses agree to ~1e-6 relative after 12 steps (1e-4 leaves room for the attack's
    // sign flipping on a near-zero gradient component), and the test errors to an example or so.
    for (const k of ['standard', 'pgdTrained']) {
      j[k].epochs.forEach((e: { trainLoss: number }, i: number) => expect(Math.abs(e.trainLoss - one[k].epochs[i].trainLoss)).toBeLessThan(1e-4 * one[k].epochs[i].trainLoss));
      expect(Math.abs(j[k].pgdError - one[k].pgdError)).toBeLessThanOrEqual(0.02);
    }
  });

  it.each([
    [['--model', 'resnet'], /--model must be mlp or cnn, got "resnet"/],
    [['--workers', '0'], /--workers must be an integer from 1 to 64, got "0"/],
    [['--epochs', '0'], /--epochs must be an integer from 1 to 10000, got "0"/],
    [['--train-size', '70000'], /--train-size must be an integer from 1 to 60000/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('rejects %j with exit code 2 and the usage', async (args, message) => {
    const r = await demo(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage: pnpm demo:adversarial/);
  });
});
