/**
 * The published figures of the linear-model chapter of Kolter & Madry's tutorial "Adversarial
 * Robustness: Theory and Practice" (NeurIPS 2018), as re-run with the tutorial's own code
 * (MNIST 0 vs 1, nn.Linear(784,1), batch 100; standard SGD lr 1 × 10 epochs; exact L∞
 * attack ε = 0.2; robust training lr 0.1 × 20 epochs). They apply to that setting only.
 */
export const TUTORIAL_LINEAR = {
  digits: [0, 1] as const,
  norm: 'linf' as const,
  epsilon: 0.2,
  standard: { cleanError: 0.000946, adversarialError: 0.8459 },
  robust: { cleanError: 0.003783, adversarialError: 0.025059 },
};

/** The tutorial's adversarial-training chapter (full MNIST CNN, PGD L∞ ε = 0.1, 20 steps of 0.01). */
export const TUTORIAL_CNN = {
  standard: { cleanError: 0.0106, pgdError: 0.7083 },
  pgdTrained: { cleanError: 0.0085, pgdError: 0.0283 },
};
