import { CheckpointError, describeValue, crc32 } from '@advkit/core';
import { TRAINING_STATE_VERSION, upgradeTrainingState, type TrainingState } from './training-state.js';
import { CHECKPOINT_FILE_VERSION, CHECKPOINT_MAGIC } from './encode-training-state.js';

/** Largest header accepted (the JSON part; a real one is a few KB). */
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

/**
 * Parses bytes written by `encodeTrainingState` (layout there). Checks the magic, the version, every
 * length against the byte count, and the CRC-32 before trusting anything, then the header's fields, so
 * a truncated, torn or altered file throws {@link CheckpointError} (naming `source`) and never yields a
 * half-read state. A checkpoint is trusted-but-verified input: the checks catch accidents, not an
 * attacker who recomputes the CRC (see SECURITY.md).
 *
 * @param source what the bytes are (a path, a key), for messages. @default 'checkpoint'
 * States of version 1 (advkit ≤ 0.1) are upgraded to version 2 on the way (`trainer` then names the
 * step: 'sgd' → 'standard', 'adversarialSgd' → 'adversarial', 'robustLinearSgd' → 'robustLinear').
 *
 * @returns a state (version 2) owning fresh arrays.
 */
export function decodeTrainingState(bytes: Uint8Array, source = 'checkpoint'): TrainingState {
  const fail = (msg: string, cause?: unknown): CheckpointError =>
    new CheckpointError(`decodeTrainingState: ${source} ${msg}`, cause === undefined ? {} : { cause });
  if (!(bytes instanceof Uint8Array)) throw fail(`must be a Uint8Array, got ${describeValue(bytes)}`);
  if (bytes.length < 20) throw fail(`is truncated: ${bytes.length} bytes, fewer than the 20 of an empty checkpoint`);
  for (let i = 0; i < 8; i++) if (bytes[i] !== CHECKPOINT_MAGIC.charCodeAt(i)) throw fail('is not an advkit checkpoint (bad magic bytes)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== CHECKPOINT_FILE_VERSION) throw fail(`has file version ${version}; this advkit reads version ${CHECKPOINT_FILE_VERSION}`);
  const crcStored = view.getUint32(bytes.length - 4, true);
  if (crc32(bytes.subarray(0, bytes.length - 4)) !== crcStored) throw fail('is corrupt or truncated (CRC-32 mismatch)');
  const headerLength = view.getUint32(12, true);
  if (headerLength > MAX_HEADER_BYTES || 16 + headerLength > bytes.length - 4) throw fail('has a header length beyond the file');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(16, 16 + headerLength)), (_k, v: unknown) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { $num?: unknown }).$num === 'string'
        ? Number((v as { $num: string }).$num)
        : v,
    ) as Record<string, unknown>;
  } catch (cause) {
    throw fail('has an unreadable header', cause);
  }
  if (typeof header !== 'object' || header === null || header.format !== 'advkit-training-state') throw fail('has no training-state header');
  if (header.version !== 1 && header.version !== TRAINING_STATE_VERSION) {
    throw fail(`holds state version ${String(header.version)}; this advkit reads versions 1 and ${TRAINING_STATE_VERSION}`);
  }
  const lengths = header.weightLengths;
  if (!Array.isArray(lengths) || !lengths.every((l) => Number.isInteger(l) && l >= 0)) throw fail('has bad weight lengths');
  const weightsStart = (16 + headerLength + 3) & ~3;
  const count = (lengths as number[]).reduce((a, l) => a + l, 0);
  if (weightsStart + 4 * count + 4 !== bytes.length) throw fail(`has ${bytes.length} bytes but its header describes ${weightsStart + 4 * count + 4}`);
  let off = weightsStart;
  const weights = (lengths as number[]).map((l) => {
    const w = new Float32Array(l);
    for (let i = 0; i < l; i++, off += 4) w[i] = view.getFloat32(off, true);
    return w;
  });
  const { weightLengths: _drop, ...rest } = header;
  const state = upgradeTrainingState({ ...rest, weights }) as TrainingState; // version 1 is read as 2
  checkStateFields(state, fail);
  return state;
}

function checkStateFields(s: TrainingState, fail: (msg: string) => CheckpointError): void {
  const int = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
  if (typeof s.trainer !== 'string') throw fail('has no trainer name');
  const st = s.settings as Partial<TrainingState['settings']> | undefined;
  if (typeof st !== 'object' || st === null || ![st.epochs, st.batchSize, st.seed, st.n, st.dim].every((v) => Number.isInteger(v)) || typeof st.shuffle !== 'boolean') {
    throw fail('has bad settings');
  }
  if (!int(s.epoch) || !int(s.step) || !int(s.totalSteps)) throw fail('has a bad position (epoch, step, totalSteps)');
  if (!Array.isArray(s.rngAtEpochStart) || s.rngAtEpochStart.length !== 5 || !s.rngAtEpochStart.slice(0, 4).every((v) => int(v) && v <= 0xffffffff)) {
    throw fail('has a bad generator state');
  }
  if (!Array.isArray(s.epochs) || !s.epochs.every((m) => typeof m === 'object' && m !== null && typeof m.trainLoss === 'number')) throw fail('has bad epoch metrics');
  if (s.optimizer !== undefined) {
    const ok =
      Array.isArray(s.optimizer) &&
      s.optimizer.every(
        (w) =>
          typeof w === 'object' && w !== null && typeof w.name === 'string' && (w.dtype === 'float32' || w.dtype === 'int32') &&
          Array.isArray(w.shape) && w.shape.every((d) => int(d)) && Array.isArray(w.values) &&
          w.values.length === w.shape.reduce((a, d) => a * d, 1) && w.values.every((v) => typeof v === 'number'),
      );
    if (!ok) throw fail('has a bad optimizer state');
  }
  const p = s.partial as Partial<TrainingState['partial']> | undefined;
  if (typeof p !== 'object' || p === null || ![p.lossSum, p.errSum, p.learningRate, p.seconds].every((v) => typeof v === 'number')) throw fail('has bad partial sums');
}
