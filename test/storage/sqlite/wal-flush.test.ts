import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFlush, sharedFlush } from '../../../src/server/storage/sqlite/wal-flush.js';

describe('sharing WAL flushes', () => {
  it('runs one flush at a time; callers arriving meanwhile share the single next one', async () => {
    const started: Array<() => void> = [];
    const shared = sharedFlush(() => new Promise<void>((resolve) => started.push(resolve)));
    const first = shared();
    expect(started).toHaveLength(1);
    // Arrived during the first flush: their commits may postdate its start, so they need another.
    const second = shared();
    const third = shared();
    expect(started).toHaveLength(1);
    let secondDone = false;
    void second.then(() => (secondDone = true));
    started[0]!();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toHaveLength(2);
    expect(secondDone).toBe(false);
    started[1]!();
    await Promise.all([second, third]);
    expect(started).toHaveLength(2);
    // Idle again: the next caller starts a flush of its own at once.
    void shared();
    expect(started).toHaveLength(3);
    started[2]!();
  });

  it('passes a failed flush on to its callers, and the next flush starts afresh', async () => {
    let calls = 0;
    const shared = sharedFlush(async () => {
      if (++calls === 1) throw new Error('EIO');
    });
    await expect(shared()).rejects.toThrow('EIO');
    await expect(shared()).resolves.toBeUndefined();
  });

  it('flushes a real file, and fails for a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-flush-'));
    try {
      writeFileSync(join(dir, 'wal'), 'frames');
      await expect(fileFlush(join(dir, 'wal'))()).resolves.toBeUndefined();
      await expect(fileFlush(join(dir, 'missing'))()).rejects.toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
