// Other programs on the pinned cores (a shared machine's builds and tests) show up as our latency.
// Every measurement records how busy the two cores were with anything but the server and the load
// generator; the run's own PostgreSQL and Redis work is counted there too, so it is taken back out.

/** Share of a core (summed over both pinned cores) used by programs other than this run's. */
export function noisePct(m) {
  if (!m || (m.othersOnServerCorePct ?? null) === null) return 0;
  return Math.max(0, m.othersOnServerCorePct + (m.othersOnLoadCorePct ?? 0) - (m.runAuxCpuPct ?? 0));
}

export const NOISY_PCT = 8;
export const isNoisy = (m) => noisePct(m) > NOISY_PCT;
