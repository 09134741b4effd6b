// What a server process has cost so far, read from Linux's /proc: CPU time of all its threads
// (utime + stime, so GC and libuv workers count too) and resident memory.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond;

function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100; // USER_HZ on every mainstream Linux build
    }
  }
  return ticksPerSecond;
}

export function readUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // fields 14 and 15: utime, stime
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return { cpuUs: (ticks * 1e6) / clockTicks(), rssBytes: rssKiB * 1024, at: performance.now() };
}

/** readUsage summed over several processes: two Hearth processes are one server to the client. */
export function readUsageOf(pids) {
  const each = pids.map((pid) => readUsage(pid));
  return {
    cpuUs: each.reduce((sum, u) => sum + u.cpuUs, 0),
    rssBytes: each.reduce((sum, u) => sum + u.rssBytes, 0),
    at: performance.now(),
    each,
  };
}

export const mib = (bytes) => round(bytes / 2 ** 20, 1);
export const round = (n, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

/** Busy and total time of each CPU core so far (from /proc/stat), to see who else used our cores. */
export function readCores() {
  const cores = new Map();
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^cpu(\d+) (.*)$/.exec(line);
    if (!match) continue;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = match[2].trim().split(/\s+/).map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    const toUs = (ticks) => (ticks * 1e6) / clockTicks();
    cores.set(Number(match[1]), { busyUs: toUs(busy), totalUs: toUs(busy + idle + iowait) });
  }
  return cores;
}

/** Share of `core` used by anything but `ownUs` between two readCores() snapshots, in %. */
export function othersOnCore(before, after, core, ownUs) {
  const a = before.get(core);
  const b = after.get(core);
  if (!a || !b || b.totalUs <= a.totalUs) return null;
  return round(Math.max(0, (100 * (b.busyUs - a.busyUs - ownUs)) / (b.totalUs - a.totalUs)), 1);
}

/**
 * Waits until every core in `cores` stays under 10 % busy for two seconds, or `maxWaitS` passes:
 * on a shared machine, other programs' bursts otherwise show up as our latency.
 */
export async function waitForQuietCores(cores, maxWaitS) {
  const start = performance.now();
  for (;;) {
    const before = readCores();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = readCores();
    const busiest = Math.max(...cores.map((core) => othersOnCore(before, after, core, 0) ?? 0));
    const waitedS = round((performance.now() - start) / 1000, 1);
    if (busiest < 10) return { quiet: true, waitedS };
    if (waitedS >= maxWaitS) return { quiet: false, waitedS, busiestCorePct: busiest };
  }
}
