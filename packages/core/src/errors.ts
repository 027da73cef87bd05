/**
 * The advkit error hierarchy, shared by every package.
 *
 * ```
 * AdvkitError                      base: every error advkit throws on purpose
 * ├── ArgumentError                a public function got a bad argument (names the function and argument)
 * │   └── ShapeError               tensors or arrays whose shapes do not fit together
 * ├── DataFormatError              bytes that are not what they claim (corrupt IDX, bad checkpoint)
 * ├── DataNotFoundError            a file, directory or URL that is not there
 * ├── BackendError                 the tfjs backend could not be set up, or gradients are missing
 * ├── CheckpointError              a checkpoint could not be written or read
 * └── DivergenceError              training diverged: a loss became NaN or infinite
 * ```
 *
 * `instanceof` fails when two copies of `@advkit/core` are installed (each has its own classes), so
 * every class has a static `isInstance(value)` that checks a `Symbol.for` brand instead; use it in code
 * that may receive errors from another copy. Pattern from vercel/ai's `AISDKError.isInstance`.
 */
const BRAND = Symbol.for('advkit.error');

export interface AdvkitErrorOptions {
  /** The underlying error, kept as the standard `cause`. */
  cause?: unknown;
}

export class AdvkitError extends Error {
  static readonly kind: string = 'AdvkitError';
  /** Names of this error's class and all its advkit ancestors, most specific first. */
  readonly kinds: readonly string[];
  readonly [BRAND] = true;

  constructor(message: string, options: AdvkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const kinds: string[] = [];
    for (let c: unknown = new.target; c && typeof c === 'function' && 'kind' in c; c = Object.getPrototypeOf(c)) {
      const k = (c as { kind: string }).kind;
      if (kinds[kinds.length - 1] !== k) kinds.push(k);
      if (k === 'AdvkitError') break;
    }
    this.kinds = kinds;
    this.name = kinds[0] ?? 'AdvkitError';
  }

  /** True when `value` is an error of this class (or a subclass), from any installed copy of advkit. */
  static isInstance(value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as { [BRAND]?: unknown; kinds?: unknown };
    return v[BRAND] === true && Array.isArray(v.kinds) && v.kinds.includes(this.kind);
  }
}

/** Where an argument error happened: the public function and the argument's name. */
export interface ArgumentErrorOptions extends AdvkitErrorOptions {
  /** The public function that rejected the argument, e.g. `'fgsm'`. */
  fn: string;
  /** The argument, e.g. `'epsilon'` or `'options.steps'`. */
  argument: string;
}

/** A public function got an argument it cannot use. The message reads `fn: argument must …, got …`. */
export class ArgumentError extends AdvkitError {
  static override readonly kind: string = 'ArgumentError';
  readonly fn: string;
  readonly argument: string;
  constructor(message: string, options: ArgumentErrorOptions) {
    super(`${options.fn}: ${options.argument} ${message}`, options);
    this.fn = options.fn;
    this.argument = options.argument;
  }
}

/** Tensors or arrays whose shapes do not fit together (inputs vs model, images vs labels, …). */
export class ShapeError extends ArgumentError {
  static override readonly kind: string = 'ShapeError';
}

/** Bytes that are not what they claim to be: a corrupt or truncated IDX file, a bad checkpoint. */
export class DataFormatError extends AdvkitError {
  static override readonly kind: string = 'DataFormatError';
}

/** A file, directory or URL that does not exist or cannot be fetched. */
export class DataNotFoundError extends AdvkitError {
  static override readonly kind: string = 'DataNotFoundError';
}

/** The tfjs backend could not be initialised, or an operation needs something the backend lacks. */
export class BackendError extends AdvkitError {
  static override readonly kind: string = 'BackendError';
}

/** A checkpoint could not be written or read back. */
export class CheckpointError extends AdvkitError {
  static override readonly kind: string = 'CheckpointError';
}

/** Training diverged: a step's loss was NaN or ±∞ (the message names the function, epoch and step). */
export class DivergenceError extends AdvkitError {
  static override readonly kind: string = 'DivergenceError';
}
