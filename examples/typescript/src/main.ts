// advkit from TypeScript: every option object is typed (a misspelt option is a compile error), and
// results are typed. Train a small MLP on a seeded 3-class problem, then measure its robust error as
// the per-example worst case over FGSM and PGD (robustEvaluate), and check the numbers agree.
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, initBackend } from '@advkit/core';
import { syntheticData, type ClassData } from '@advkit/datasets';
import { Mlp, type LabeledData } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack, type PgdAttackOptions } from '@advkit/attacks';
import { evaluate, robustEvaluate } from '@advkit/attacks/evaluate';
import { sgd } from '@advkit/trainers';

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`check failed: ${message}`);
}

await initBackend({ backend: 'wasm' });

const d = 16;
const all = syntheticData({ n: 900, inputShape: [d], numClasses: 3, seed: 1, spread: 0.15 }) as ClassData;
const split = (from: number, to: number): LabeledData => ({ x: all.x.subarray(from * d, to * d), y: all.y.subarray(from, to), n: to - from });
const train = split(0, 600);
const test = split(600, 900);

const model = new Mlp({ inputShape: [d], hiddenSizes: [32], numClasses: 3, seed: 0 });
const history = await sgd(model, train, { epochs: 10, batchSize: 50, learningRate: 0.5, seed: 0 });
console.log(`trained ${history.steps} steps, last epoch loss ${history.epochs.at(-1)?.trainLoss.toFixed(3)}`);

const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
const pgdOptions: PgdAttackOptions = { threatModel, steps: 20, stepSize: 0.01, seed: 0 };
// A misspelt option is caught twice: by tsc (the @ts-expect-error line fails the build if it ever
// compiles) and at run time, by an ArgumentError naming the key and the closest option.
let typo: unknown;
try {
  // @ts-expect-error: `stpes` is not an option of pgdAttack
  pgdAttack({ threatModel, stpes: 20 });
} catch (e) {
  typo = e;
}
check(typo instanceof ArgumentError && /options\.stpes is not an option of pgdAttack; did you mean steps\?/.test(typo.message), `a misspelt option is an ArgumentError with a suggestion (got ${String(typo)})`);

const clean = evaluate(model, test).error;
const report = await robustEvaluate(model, test, { attacks: [fgsmAttack({ threatModel }), pgdAttack(pgdOptions)], batchSize: 100 });
const [fgsmError, pgdError] = report.perAttack.map((a) => a.error);
console.log({ clean, fgsm: fgsmError, pgd: pgdError, robust: report.robustError, warnings: report.warnings });

check(clean < 0.1, `clean error ${clean} < 0.1: the model learned the problem`);
check(report.cleanError === clean, 'robustEvaluate and evaluate count the same clean error');
check(fgsmError !== undefined && pgdError !== undefined, 'one result per attack');
// The worst case over attacks is at least each attack's error, and at most their sum (a union bound).
check(report.robustError >= Math.max(fgsmError!, pgdError!), 'robust error ≥ each attack');
check(report.robustError <= fgsmError! + pgdError!, 'robust error ≤ the sum');
check(pgdError! > clean, 'PGD raises the error');
check(report.warnings.length === 0, `no gradient-masking warning: ${report.warnings.join('; ')}`);
model.dispose();
check(tf.memory().numTensors === 0, 'every tensor was freed');
console.log('ok');
