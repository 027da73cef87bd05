import { ArgumentError, describeValue } from '@advkit/core';

/** Format tag and version of {@link AutoAttackState} (a newer advkit reads older versions). */
export const AUTO_ATTACK_STATE_FORMAT = 'advkit-autoattack-state';
export const AUTO_ATTACK_STATE_VERSION = 1;

/**
 * Everything that determines an AutoAttack run's results. A state saved under one fingerprint resumes
 * only under an equal one (else an ArgumentError naming `options.resumeFrom` and the setting that differs).
 */
export interface AutoAttackFingerprint {
  /** The threat model: norm, ε and box. */
  threatModel: { norm: string; epsilon: number; box: { min: number; max: number } | null };
  /** The attacks in order (the version resolved to its list) and whether the 'rand' settings (EOT) apply. */
  attacks: string[];
  rand: boolean;
  /** The named version whose settings the attacks took ('plus' runs more restarts; a list takes 'standard''s). */
  version: 'standard' | 'plus' | 'rand';
  seed: number;
  batchSize: number;
  /** Examples in all, and the input shape of one. */
  n: number;
  inputShape: number[];
  numOutputs: number;
  /** CRC-32 of the bytes of x (float32) and of y (int32): another data set is another run. */
  xCrc32: number;
  yCrc32: number;
  /**
   * CRC-32 of the model's weights (float32, variable by variable) for a tfjs `Model`, null for a
   * black-box model (pass `options.modelId` to name it).
   */
  weightsCrc32: number | null;
  /** `options.modelId` as given, else null. */
  modelId: string | null;
}

/**
 * One shard: the contiguous examples `[start, end)` (start a multiple of the batch size) and how far
 * the run on them has come. Shards are independent: running one needs only its examples, the model
 * and the settings, and a shard's results do not depend on the other shards'.
 */
export interface AutoAttackShardState {
  start: number;
  end: number;
  /** Per example of the shard: 1 while still robust (correct clean and no attack has broken it), else 0. */
  robust: Uint8Array;
  /** Per example: 'clean' (misclassified unattacked), the attack that broke it, or null. */
  brokenBy: (string | null)[];
  /** The shard's adversarial examples, `(end − start)·d` floats (x where no attack succeeded). */
  xAdv: Float32Array;
  /** Where the run is: the clean pass is done; `attack` indexes the attack list and `batch` the shard's batches. */
  cleanDone: boolean;
  next: { attack: number; batch: number };
  /** Robust examples of the shard after the clean pass and after each attack (null: not reached). */
  robustAfter: (number | null)[];
  /** Seconds spent on the clean pass and on each attack in this shard (across resumes). */
  seconds: number[];
  /** Examples with a zero DLR gradient, summed (the reference's zero-gradient check). */
  zeroGradients: number;
  /** The reference's first-batch checks (randomness, probability outputs), run by the shard holding example 0. */
  checks: { code: 'randomized' | 'probability-output'; message: string }[];
}

/**
 * A saved AutoAttack run: plain data (JSON-like plus typed arrays), versioned, with the fingerprint of
 * the settings it was made with and one entry per shard. A single-process run has one shard;
 * `autoAttackParallel` (`@advkit/attacks/node`) has one per worker. Encode it for storage with
 * {@link encodeAutoAttackState}.
 */
export interface AutoAttackState {
  format: typeof AUTO_ATTACK_STATE_FORMAT;
  version: number;
  fingerprint: AutoAttackFingerprint;
  shards: AutoAttackShardState[];
}

const b64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const unb64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The bytes of a state: UTF-8 JSON, with each shard's `robust` and `xAdv` as base64 of their bytes
 * (float32 little-endian: the adversarial examples come back bit for bit).
 *
 * @throws ArgumentError naming `state` for a value that is not a well-formed state.
 */
export function encodeAutoAttackState(state: AutoAttackState): Uint8Array {
  checkAutoAttackState(state, 'encodeAutoAttackState', 'state');
  if (!LITTLE_ENDIAN) throw new Error('encodeAutoAttackState: big-endian platforms are not supported');
  const shards = state.shards.map((s) => ({
    ...s,
    robust: b64(s.robust),
    xAdv: b64(new Uint8Array(s.xAdv.buffer, s.xAdv.byteOffset, s.xAdv.byteLength)),
  }));
  return new TextEncoder().encode(JSON.stringify({ ...state, shards }));
}

/**
 * The state of {@link encodeAutoAttackState}'s bytes.
 *
 * @throws ArgumentError naming `bytes` (fn `decodeAutoAttackState`, with `where` in the message) for
 * bytes that are not such a state (torn, another format, a newer version).
 */
export function decodeAutoAttackState(bytes: Uint8Array, where = 'the bytes'): AutoAttackState {
  const fn = 'decodeAutoAttackState';
  const bad = (why: string, cause?: unknown): ArgumentError => new ArgumentError(`${where} are not an AutoAttack state: ${why}`, { fn, argument: 'bytes', cause });
  if (!(bytes instanceof Uint8Array)) throw new ArgumentError(`must be a Uint8Array, got ${describeValue(bytes)}`, { fn, argument: 'bytes' });
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Record<string, unknown>;
  } catch (cause) {
    throw bad(`not JSON (${(cause as Error).message})`, cause);
  }
  if (typeof raw !== 'object' || raw === null || raw.format !== AUTO_ATTACK_STATE_FORMAT) throw bad(`the format is not '${AUTO_ATTACK_STATE_FORMAT}'`);
  if (raw.version !== AUTO_ATTACK_STATE_VERSION) throw bad(`version ${describeValue(raw.version)}; this advkit reads version ${AUTO_ATTACK_STATE_VERSION}`);
  if (!Array.isArray(raw.shards) || typeof raw.fingerprint !== 'object' || raw.fingerprint === null) throw bad('no fingerprint or shards');
  try {
    const shards = (raw.shards as Record<string, unknown>[]).map((s) => {
      const xb = unb64(s.xAdv as string);
      return { ...s, robust: unb64(s.robust as string), xAdv: new Float32Array(xb.buffer, 0, xb.byteLength / 4) } as unknown as AutoAttackShardState;
    });
    const state = { ...raw, shards } as unknown as AutoAttackState;
    checkAutoAttackState(state, fn, 'bytes');
    return state;
  } catch (cause) {
    if (ArgumentError.isInstance(cause)) throw cause;
    throw bad((cause as Error).message, cause);
  }
}

/**
 * Checks the shape of a state (not its fingerprint): shards tile `[0, n)` in order, arrays of the
 * right lengths, positions in range. @throws ArgumentError naming `argument` of `fn`.
 */
export function checkAutoAttackState(value: unknown, fn: string, argument: string): AutoAttackState {
  const bad = (why: string): ArgumentError => new ArgumentError(`is not an AutoAttack state: ${why}`, { fn, argument });
  const s = value as AutoAttackState;
  if (typeof s !== 'object' || s === null || s.format !== AUTO_ATTACK_STATE_FORMAT) throw bad(`got ${describeValue(value)}`);
  if (s.version !== AUTO_ATTACK_STATE_VERSION) throw bad(`version ${describeValue(s.version)}; this advkit reads version ${AUTO_ATTACK_STATE_VERSION}`);
  const f = s.fingerprint;
  if (typeof f !== 'object' || f === null || !Number.isInteger(f.n) || !Array.isArray(f.attacks) || !Array.isArray(f.inputShape)) throw bad('no valid fingerprint');
  if (!Array.isArray(s.shards)) throw bad('no shards');
  const d = f.inputShape.reduce((a, b) => a * b, 1);
  let at = 0;
  if (!Number.isInteger(f.batchSize) || f.batchSize < 1) throw bad('no valid batch size in the fingerprint');
  for (const [i, sh] of s.shards.entries()) {
    if (typeof sh !== 'object' || sh === null) throw bad(`shard ${i} is ${describeValue(sh)}`);
    const rows = sh.end - sh.start;
    if (sh.start !== at || !(rows > 0) || sh.start % f.batchSize !== 0) throw bad(`shard ${i} covers [${sh.start}, ${sh.end}); shards must tile [0, n) in order, each starting at a multiple of the batch size`);
    if (!(sh.robust instanceof Uint8Array) || sh.robust.length !== rows) throw bad(`shard ${i}: robust must be a Uint8Array of ${rows}`);
    if (!(sh.xAdv instanceof Float32Array) || sh.xAdv.length !== rows * d) throw bad(`shard ${i}: xAdv must be a Float32Array of ${rows * d}`);
    if (!Array.isArray(sh.brokenBy) || sh.brokenBy.length !== rows) throw bad(`shard ${i}: brokenBy must have ${rows} entries`);
    if (!Array.isArray(sh.robustAfter) || sh.robustAfter.length !== f.attacks.length + 1 || !Array.isArray(sh.seconds) || sh.seconds.length !== f.attacks.length + 1) {
      throw bad(`shard ${i}: robustAfter and seconds must have ${f.attacks.length + 1} entries`);
    }
    const nb = Math.ceil(rows / f.batchSize);
    if (typeof sh.next !== 'object' || sh.next === null || !Number.isInteger(sh.next.attack) || !Number.isInteger(sh.next.batch) || sh.next.attack < 0 || sh.next.attack > f.attacks.length || sh.next.batch < 0 || sh.next.batch > nb) {
      throw bad(`shard ${i}: next ${JSON.stringify(sh.next)} is out of range`);
    }
    if (!Array.isArray(sh.checks) || typeof sh.zeroGradients !== 'number' || typeof sh.cleanDone !== 'boolean') throw bad(`shard ${i}: checks, zeroGradients or cleanDone missing`);
    at = sh.end;
  }
  if (at !== f.n) throw bad(`the shards cover [0, ${at}), not [0, ${f.n})`);
  return s;
}
