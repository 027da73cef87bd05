import { optionKeys } from '@advkit/core';
import type { Box } from './box.js';

/** Options of the standalone projections ({@link projectLinfBall}, {@link projectL2Ball}, {@link projectL1Ball}). */
export interface BallProjectionOptions {
  /** The radius ε, a finite number ≥ 0. */
  epsilon: number;
  /**
   * The valid-input box, intersected with the ball; the centre must lie inside it.
   * @default undefined (no box)
   */
  box?: Box;
}

/** The names of {@link BallProjectionOptions}, checked by the compiler against the interface. */
export const BALL_PROJECTION_KEYS = optionKeys<BallProjectionOptions>()({ epsilon: true, box: true });
