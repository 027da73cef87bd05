import { readFile } from 'node:fs/promises';
import type { AdversarialModelReport } from '../shared/adversarial-experiment.js';
import { CliFileError, CliStateError } from './cli-errors.js';

/** A saved phase report: the report and the settings it was made with. */
export type SavedReport = AdversarialModelReport & { settings: unknown };

/**
 * Reads a phase report saved by an earlier run (`<phase>.report.json`): undefined when there is none; a
 * {@link CliStateError} saying what is wrong and what to do when the file is not a complete report (not
 * JSON, `null`, a torn write, a field missing or of the wrong type), so a resume never prints numbers
 * that were not measured.
 */
export async function readReport(path: string): Promise<SavedReport | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliFileError('read', path, e);
  }
  const refuse = (what: string): never => {
    throw new CliStateError(`${path} ${what}; delete it to evaluate that phase again`);
  };
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    refuse('is not valid JSON');
  }
  if (typeof j !== 'object' || j === null || Array.isArray(j)) return refuse(`is not a report (it holds ${j === null ? 'null' : Array.isArray(j) ? 'an array' : typeof j})`);
  const r = j as Record<string, unknown>;
  const fraction = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 1;
  const count = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const seconds = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  const checks: [string, boolean][] = [
    ['settings', typeof r.settings === 'object' && r.settings !== null],
    ...(['cleanError', 'fgsmError', 'pgdError', 'robustError'] as const).map((k): [string, boolean] => [k, fraction(r[k])]),
    ['brokenBy', typeof r.brokenBy === 'object' && r.brokenBy !== null && ['clean', 'fgsm', 'pgd', 'none'].every((k) => count((r.brokenBy as Record<string, unknown>)[k]))],
    ['trainSeconds', seconds(r.trainSeconds)],
    ['evalSeconds', seconds(r.evalSeconds)],
    [
      'epochs',
      Array.isArray(r.epochs) &&
        r.epochs.every((e: unknown) => {
          const m = e as Record<string, unknown> | null;
          return typeof m === 'object' && m !== null && count(m.epoch) && typeof m.trainLoss === 'number' && fraction(m.trainError) && seconds(m.seconds);
        }),
    ],
    ['warnings', Array.isArray(r.warnings) && r.warnings.every((w: unknown) => typeof w === 'string')],
  ];
  const bad = checks.filter(([, ok]) => !ok).map(([k]) => k);
  if (bad.length > 0) refuse(`is not a complete report (${bad.join(', ')} missing or invalid)`);
  return r as unknown as SavedReport;
}
