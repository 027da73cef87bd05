import { describe, expect, it } from 'vitest';
import { runCli } from './test-utils/run-cli.js';

const demo = (args: string[]) => runCli(['adversarial', ...args]);

describe('demo:adversarial CLI (the built dist/cli-adversarial.js)', () => {
  it('--json prints one JSON object; progress with time left goes to stderr', async () => {
    const r = await demo(['--json', '--train-size', '500', '--test-size', '100', '--epochs', '1', '--train-steps', '2', '--train-step-size', '0.05', '--autoattack-n', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const j = JSON.parse(r.stdout);
    expect(j.settings).toMatchObject({ model: 'mlp', epochs: 1, trainSize: 500, testSize: 100, epsilon: 0.1, clip: false, trainSteps: 2, trainStepSize: 0.05 });
    for (const k of ['standard', 'pgdTrained']) {
      for (const f of ['cleanError', 'fgsmError', 'pgdError', 'trainSeconds']) expect(typeof j[k][f]).toBe('number');
    }
    expect(r.stderr).toMatch(/pgd-trained: epoch  1 .* left in this phase/);
    expect(j.standard.autoAttack).toBeUndefined(); // --autoattack-n 0
  });

  it('--autoattack-n: AutoAttack on the first N test images of each model, in the table and the JSON', async () => {
    const args = ['--train-size', '500', '--test-size', '100', '--epochs', '1', '--train-steps', '2', '--train-step-size', '0.05', '--autoattack-n', '15'];
    const r = await demo(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/standard model, AutoAttack error\*\s+[01]\.\d{4}\s+—/);
    expect(r.stdout).toMatch(/PGD-trained model, AutoAttack error\*\s+[01]\.\d{4}\s+—/);
    expect(r.stdout).toContain('* AutoAttack standard (APGD-CE, APGD-T, FAB-T, Square), L∞ ε = 0.1 ∩ [0, 1], seed 0, on the first test images only:');
    expect(r.stdout).toMatch(/standard: 15 images in \d+\.\d s \(wrong clean \d+; broken by apgd-ce \d+, apgd-t \d+, fab-t \d+, square \d+; robust \d+\)/);
    expect(r.stderr).toMatch(/AutoAttack standard/);
    const j = JSON.parse((await demo([...args, '--json'])).stdout);
    for (const k of ['standard', 'pgdTrained']) {
      const a = j[k].autoAttack;
      expect(a.n).toBe(15);
      expect(Object.values(a.brokenBy as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(15);
      expect(a.robustError).toBeCloseTo((15 - a.brokenBy.none) / 15, 12);
      expect(r.stdout).toContain(`${k === 'standard' ? 'standard' : 'PGD-trained'} model, AutoAttack error*`.padEnd(40) + a.robustError.toFixed(4).padStart(10));
    }
  });

  it('prints the table beside the tutorial figures', async () => {
    const r = await demo(['--train-size', '300', '--test-size', '50', '--epochs', '1', '--train-steps', '1', '--autoattack-n', '0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('L∞ ε = 0.1 (no pixel box, as the tutorial)');
    const clipped = await demo(['--train-size', '300', '--test-size', '50', '--epochs', '1', '--train-steps', '1', '--clip', '--json', '--autoattack-n', '0']);
    expect(JSON.parse(clipped.stdout).settings.clip).toBe(true);
    expect(r.stdout).toMatch(/standard model, PGD test error\s+[01]\.\d{4}\s+0\.7083/);
    expect(r.stdout).toMatch(/PGD-trained model, PGD test error\s+[01]\.\d{4}\s+0\.0283/);
  });

  it('--workers 2 trains on two worker threads (the dataParallel executor) and takes the same steps', async () => {
    const args = ['--json', '--train-size', '600', '--test-size', '100', '--epochs', '2', '--train-steps', '3', '--train-step-size', '0.04', '--autoattack-n', '0'];
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
    [['--autoattack-n', '2.5'], /--autoattack-n must be an integer from 0 to 10000, got "2.5"/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--seed', '4294967296'], /--seed must be an integer from 0 to 4294967295, got "4294967296"/],
    // options that cannot take effect are errors, not silent fallbacks
    [['--workers', '2', '--backend', 'cpu'], /--workers 2 needs --backend wasm/],
    [['--epochs', '3', '--decay-epoch', '8'], /--decay-epoch 8 cannot take effect in 3 epochs \(at most 4, which means never\)/],
    [['--checkpoint-every', '5'], /--checkpoint-every needs --checkpoint-dir DIR/],
    [['--fresh'], /--fresh needs --checkpoint-dir DIR/],
  ])('rejects %j with exit code 2 and the usage', async (args, message) => {
    const r = await demo(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage: pnpm demo:adversarial/);
  });
});
