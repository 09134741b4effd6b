// CPU spent outside the measured Node processes on their behalf: the PostgreSQL backends serving
// the run's throwaway database, found by their process title ("postgres: 15/main: USER DB
// HOST(PORT) STATE"), and the Redis server (shared with anything else using that Redis, so an
// upper bound). PostgreSQL's shared background processes (WAL writer, checkpointer) are not counted.
import { readFileSync, readdirSync } from 'node:fs';
import { readUsage } from './proc.mjs';

/** CPU so far of every process of interest, by pid. */
export function auxSnapshot({ dbName, redis }) {
  const postgres = new Map();
  const redisServer = new Map();
  if (!dbName && !redis) return { postgres, redisServer };
  const backend = dbName ? new RegExp(`^postgres: [^:]+: \\S+ ${dbName} `) : null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (backend?.test(title)) postgres.set(entry, readUsage(entry).cpuUs);
      else if (redis && title.startsWith('redis-server')) redisServer.set(entry, readUsage(entry).cpuUs);
    } catch {
      // the process ended while we looked
    }
  }
  return { postgres, redisServer };
}

/**
 * CPU between two snapshots, in µs: a process present in both counts its difference, one that
 * started in between counts all of its CPU (it began inside the window), one that ended is lost.
 */
export function auxDelta(before, after) {
  const delta = (a, b) => {
    if (b.size === 0) return null;
    let us = 0;
    for (const [pid, cpuUs] of b) us += cpuUs - (a.get(pid) ?? 0);
    return Math.max(0, us);
  };
  return { postgresUs: delta(before.postgres, after.postgres), redisUs: delta(before.redisServer, after.redisServer) };
}
