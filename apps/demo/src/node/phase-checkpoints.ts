import { join } from 'node:path';
import type { TrainingState } from '@advkit/trainers/checkpoint';
import { FileCheckpointStore } from '@advkit/trainers/node';
import { writeFileAtomic } from './write-file-atomic.js';
import type { ProgressReporter } from './progress-reporter.js';

/**
 * What a command's runner gets to checkpoint its phases (the runners' `checkpointing` option): one
 * training state per phase (`<phase>.advkit`, a FileCheckpointStore) and, for commands that keep them,
 * one finished report per phase (`<phase>.report.json`, written atomically).
 */
export interface PhaseCheckpoints {
  save(phase: string, state: TrainingState): Promise<void>;
  resume: Partial<Record<string, TrainingState>>;
  saveReport(phase: string, report: object): Promise<void>;
  reports: Partial<Record<string, unknown>>;
  everySteps?: number;
}

/** The files a command keeps in its checkpoint directory. */
export function checkpointFiles(phases: readonly string[], withReports: boolean): string[] {
  return phases.flatMap((p) => [`${p}.advkit`, ...(withReports ? [`${p}.report.json`] : [])]);
}

/**
 * The checkpoints of `phases` in `dir` (opened and locked by openCheckpointDir). With `resume`, the
 * saved states are loaded (a corrupt one is a CheckpointError) and the reports read with `readReport`
 * (which refuses one that is not a report), and a line says where the run continues.
 */
export async function openPhaseCheckpoints(
  dir: string,
  phases: readonly string[],
  o: { resume: boolean; everySteps: number | undefined; readReport: ((path: string) => Promise<unknown>) | undefined; progress: ProgressReporter },
): Promise<PhaseCheckpoints> {
  const stores = new Map(phases.map((p) => [p, new FileCheckpointStore(dir, { name: `${p}.advkit` })]));
  const reportPath = (p: string): string => join(dir, `${p}.report.json`);
  const resume: Partial<Record<string, TrainingState>> = {};
  const reports: Partial<Record<string, unknown>> = {};
  if (o.resume) {
    for (const p of phases) {
      const state = await stores.get(p)!.load();
      if (state !== undefined) resume[p] = state;
      const report = await o.readReport?.(reportPath(p));
      if (report !== undefined) reports[p] = report;
    }
    const done = phases.filter((p) => reports[p] !== undefined);
    const at = phases.map((p) => resume[p]).filter((s) => s !== undefined).at(-1);
    o.progress.line(
      done.length === 0 && at === undefined
        ? `no checkpoint in ${dir}; starting afresh`
        : `resuming from ${dir}: ${done.length > 0 ? `${done.join(', ')} evaluated; ` : ''}${at === undefined ? '' : `${String(at.meta?.phase)} training at epoch ${at.epoch}, step ${at.step}`}`,
    );
  }
  return {
    save: (phase, state) => stores.get(phase)!.save(state),
    resume,
    saveReport: (phase, report) => writeFileAtomic(reportPath(phase), JSON.stringify(report, null, 1) + '\n'),
    reports,
    ...(o.everySteps === undefined ? {} : { everySteps: o.everySteps }),
  };
}
