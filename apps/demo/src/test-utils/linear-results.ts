/**
 * What must not change when a `linear --json` run is interrupted and resumed (timings may): each
 * model's clean/attacked error and loss and its per-epoch training loss and error.
 */
export function linearResults(stdout: string): unknown {
  const j = JSON.parse(stdout);
  const m = (r: { cleanError: number; cleanLoss: number; adversarialError: number; adversarialLoss: number; epochs: { trainLoss: number; trainError: number }[] }) => [
    r.cleanError,
    r.cleanLoss,
    r.adversarialError,
    r.adversarialLoss,
    r.epochs.map((e) => [e.trainLoss, e.trainError]),
  ];
  return [m(j.standard), m(j.robust)];
}
