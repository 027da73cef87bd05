import type { EpochMetrics, TrainProgress } from '@advkit/trainers';
import type { BackendInfo } from '@advkit/core';
import type { LinearExperimentSettings, Phase } from '../src/shared/linear-experiment.js';
import type { GridCell } from '../src/shared/images.js';
import type { AutoAttackProgress } from '@advkit/attacks';
import type { AdversarialExperimentSettings, AdversarialModelReport, AttackedDigits, TrainPhase } from '../src/shared/adversarial-experiment.js';

/** One model's report of the FGSM / PGD tab, with its phase and its attacked digits. */
export type AdversarialPhaseReport = AdversarialModelReport & { phase: TrainPhase; digits: AttackedDigits };

/** Messages from the page to the worker. */
export type ToWorker =
  | { type: 'init'; threads?: number }
  | { type: 'run'; settings: LinearExperimentSettings; mnistUrl: string }
  /**
   * The FGSM / PGD tab: `pgdTraining` false trains the standard model only; AutoAttack runs on
   * `autoAttackWorkers` Web Workers of its own (autoAttackInWorkers), or in this worker when 0.
   */
  | { type: 'run-adversarial'; settings: AdversarialExperimentSettings; pgdTraining: boolean; autoAttackWorkers: number; mnistUrl: string }
  /** Abort the run in progress (its training stops after the current step); the worker answers `stopped`. */
  | { type: 'stop' }
  | { type: 'bench-mlp'; steps: number };

/** What the page needs of a trained model: its report plus the closed form for the ε slider. */
export interface PhaseResult {
  phase: Phase;
  cleanError: number;
  adversarialError: number;
  cleanLoss: number;
  adversarialLoss: number;
  trainSeconds: number;
  /** δ* of the exact attack, rows·cols values. */
  perturbation: Float32Array;
  attacked: GridCell[];
  clean: GridCell[];
  /** Clean test logits f(x) and labels y ∈ {−1, +1}. */
  logits: Float32Array;
  labels: Float32Array;
  /** ‖θ‖_*, the dual norm of the weights: the attack lowers every margin y·f(x) by ε‖θ‖_*. */
  dualNorm: number;
}

/** Messages from the worker to the page. */
export type FromWorker =
  | { type: 'backend'; info: BackendInfo; crossOriginIsolated: boolean }
  | { type: 'load-progress'; loaded: number; total: number }
  | { type: 'loaded'; seconds: number; trainCount: number; testCount: number }
  | { type: 'phase'; phase: Phase }
  | { type: 'progress'; phase: Phase; progress: TrainProgress }
  | { type: 'epoch'; phase: Phase; metrics: EpochMetrics }
  | { type: 'phase-done'; result: PhaseResult }
  | { type: 'done'; nTrain: number; nTest: number; rows: number; cols: number }
  | { type: 'bench-mlp'; threads: number; msPerStep: number; autodiffMsPerStep: number; steps: number; gflopPerStep: number }
  // the FGSM / PGD tab (runAdversarialExperiment)
  | { type: 'adv-phase'; phase: TrainPhase; stage: 'train' | 'evaluate' | 'autoattack' }
  | { type: 'adv-progress'; phase: TrainPhase; progress: TrainProgress }
  | { type: 'adv-epoch'; phase: TrainPhase; metrics: EpochMetrics }
  | { type: 'adv-evaluate-progress'; phase: TrainPhase; done: number; total: number }
  | { type: 'adv-autoattack-progress'; phase: TrainPhase; progress: AutoAttackProgress }
  | { type: 'adv-phase-done'; report: AdversarialPhaseReport }
  | { type: 'adv-done'; nTrain: number; nTest: number; rows: number; cols: number; seconds: number }
  /** The run in progress was stopped (`stop`); a new one can start. */
  | { type: 'stopped' }
  | { type: 'error'; message: string };
