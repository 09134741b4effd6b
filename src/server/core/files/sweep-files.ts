import type { CoreDeps } from '../shared/deps.js';

type SweepDeps = Pick<CoreDeps, 'files' | 'blobs' | 'clock'>;

const day = 24 * 60 * 60 * 1000;

/**
 * Removes the bytes of deleted files, then their rows (in that order, so a crash between leaves a
 * row to retry, never bytes with no row). Files uploaded and never sent are given up after a day.
 */
export async function sweepFiles(deps: SweepDeps, options: { abandonUnsent: boolean } = { abandonUnsent: true }): Promise<number> {
  if (options.abandonUnsent) await deps.files.abandonUnsent(new Date(deps.clock.now().getTime() - day).toISOString());
  let removed = 0;
  for (;;) {
    const batch = await deps.files.deletedFiles(200);
    if (batch.length === 0) return removed;
    await deps.blobs.remove(batch.flatMap((f) => (f.thumbKey ? [f.storageKey, f.thumbKey] : [f.storageKey])));
    await deps.files.forgetFiles(batch.map((f) => f.id));
    removed += batch.length;
    if (batch.length < 200) return removed;
  }
}
