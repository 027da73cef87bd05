/** What one training step reports for the epoch metrics: the batch's summed loss and number of errors. */
export interface StepStats {
  lossSum: number;
  errors: number;
}
