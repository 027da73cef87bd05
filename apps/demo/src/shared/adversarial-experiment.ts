import { Cnn, Mlp, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack } from '@advkit/attacks';
import { sgd, adversarialSgd, robustEvaluate, piecewiseSchedule, type EpochMetrics, type TrainProgress } from '@advkit/trainers';
import { selectAll, type ClassData, type Mnist } from '@advkit/datasets';

/** Settings of the multi-class (adversarial training) experiment; see {@link adversarialDefaults}. */
export interface AdversarialExperimentSettings {
  model: 'mlp' | 'cnn';
  /** Hidden layer widths of the MLP (ignored for the CNN). */
  hiddenSizes: number[];
  epochs: number;
  /** Learning rate of epochs 1..decayEpoch−1, then ×0.1 (the tutorial: 0.1, then 0.01 after epoch 5). */
  learningRate: number;
  decayEpoch: number;
  batchSize: number;
  /** Training examples (the first N of MNIST's training set); undefined = all 60,000. */
  trainSize: number | undefined;
  /** Test examples (the first N of the test set); undefined = all 10,000. */
  testSize: number | undefined;
  seed: number;
  /** L∞ radius of every attack. */
  epsilon: number;
  /** PGD used to train the robust model: steps and step size (no random start, as the tutorial). */
  trainSteps: number;
  trainStepSize: number;
  /** PGD used to evaluate both models. */
  evalSteps: number;
  evalStepSize: number;
}

/** The tutorial's chapter-4 settings (Kolter & Madry): 10 epochs, SGD 0.1 → 0.01 after epoch 5, PGD ε 0.1, 20 steps of 0.01. */
export function adversarialDefaults(model: 'mlp' | 'cnn'): AdversarialExperimentSettings {
  return {
    model,
    hiddenSizes: [100],
    epochs: 10,
    learningRate: 0.1,
    decayEpoch: 6,
    batchSize: 100,
    trainSize: undefined,
    testSize: undefined,
    seed: 0,
    epsilon: 0.1,
    trainSteps: 20,
    trainStepSize: 0.01,
    evalSteps: 20,
    evalStepSize: 0.01,
  };
}

export interface AdversarialModelReport {
  cleanError: number;
  fgsmError: number;
  pgdError: number;
  /** Wrong on the clean input, under FGSM or under PGD. */
  robustError: number;
  trainSeconds: number;
  evalSeconds: number;
  epochs: EpochMetrics[];
  warnings: string[];
}

export interface AdversarialExperimentResult {
  settings: AdversarialExperimentSettings;
  nTrain: number;
  nTest: number;
  standard: AdversarialModelReport;
  pgdTrained: AdversarialModelReport;
}

export type AdversarialPhase = 'standard' | 'pgd-trained' | 'evaluate standard' | 'evaluate pgd-trained';

export interface AdversarialExperimentHooks {
  onPhase?: (phase: AdversarialPhase) => void;
  onProgress?: (phase: AdversarialPhase, progress: TrainProgress) => void;
  onEpochEnd?: (phase: AdversarialPhase, metrics: EpochMetrics) => void;
}

function firstN(d: ClassData, n: number | undefined): ClassData {
  if (n === undefined || n >= d.n) return d;
  return { ...d, x: d.x.subarray(0, n * d.dim), y: d.y.subarray(0, n), n };
}

function makeModel(s: AdversarialExperimentSettings): Model {
  return s.model === 'cnn'
    ? new Cnn({ inputShape: [28, 28, 1], numClasses: 10, seed: s.seed })
    : new Mlp({ inputShape: [784], hiddenSizes: s.hiddenSizes, numClasses: 10, seed: s.seed });
}

/**
 * Chapter 4 of Kolter & Madry's tutorial on full 10-class MNIST: a standard and a PGD-trained model
 * (same init and shuffles), each evaluated clean, under FGSM and under PGD (L∞, pixels in [0, 1]).
 */
export function runAdversarialExperiment(mnist: Mnist, settings: AdversarialExperimentSettings, hooks: AdversarialExperimentHooks = {}): AdversarialExperimentResult {
  const s = settings;
  const train = firstN(selectAll(mnist.train), s.trainSize);
  const test = firstN(selectAll(mnist.test), s.testSize);
  const threatModel = new LpBall({ norm: 'linf', epsilon: s.epsilon, box: { min: 0, max: 1 } });
  const trainOptions = (phase: AdversarialPhase) => ({
    epochs: s.epochs,
    batchSize: s.batchSize,
    seed: s.seed,
    learningRate: piecewiseSchedule(s.decayEpoch <= s.epochs ? [[1, s.learningRate], [s.decayEpoch, s.learningRate / 10]] : [[1, s.learningRate]]),
    onProgress: (p: TrainProgress) => hooks.onProgress?.(phase, p),
    onEpochEnd: (m: EpochMetrics) => hooks.onEpochEnd?.(phase, m),
  });
  const run = (phase: 'standard' | 'pgd-trained'): AdversarialModelReport => {
    const model = makeModel(s);
    try {
      hooks.onPhase?.(phase);
      const r =
        phase === 'standard'
          ? sgd(model, train, trainOptions(phase))
          : adversarialSgd(model, train, {
              ...trainOptions(phase),
              attack: pgdAttack({ threatModel, steps: s.trainSteps, stepSize: s.trainStepSize, randomStart: false }),
            });
      hooks.onPhase?.(phase === 'standard' ? 'evaluate standard' : 'evaluate pgd-trained');
      const t0 = performance.now();
      const ev = robustEvaluate(model, test, {
        attacks: [fgsmAttack({ threatModel }), pgdAttack({ threatModel, steps: s.evalSteps, stepSize: s.evalStepSize, randomStart: false })],
        batchSize: s.batchSize,
      });
      return {
        cleanError: ev.cleanError,
        fgsmError: ev.perAttack[0]!.error,
        pgdError: ev.perAttack[1]!.error,
        robustError: ev.robustError,
        trainSeconds: r.seconds,
        evalSeconds: (performance.now() - t0) / 1000,
        epochs: r.epochs,
        warnings: ev.warnings,
      };
    } finally {
      model.dispose();
    }
  };
  const standard = run('standard');
  const pgdTrained = run('pgd-trained');
  return { settings: s, nTrain: train.n, nTest: test.n, standard, pgdTrained };
}
