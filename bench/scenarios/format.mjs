// Small formatting helpers shared by the scenarios' Markdown tables.

export const ms = (v) => (v === null || v === undefined ? '—' : `${v} ms`);
export const cell = (v) => (v === null || v === undefined ? '—' : String(v));
export const ratio = (v) => (v === undefined || v === null ? '—' : `**${v}×**`);
export const kib = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KiB`);

export { isNoisy, noisePct } from '../lib/noise.mjs';

export const noiseNote = (label, m) =>
  `> Noisy: other programs used ${m.othersOnServerCorePct} % of the server core and ${m.othersOnLoadCorePct} % of the load ` +
  `core while ${label} was measured` +
  (m.runAuxCpuPct ? ` (${m.runAuxCpuPct} % of a core of that was this run's own PostgreSQL and Redis work)` : '') +
  '; its latency figures are not trustworthy.';

export const notMeasured = (label, result) => `- **${label}:** not measured — ${result.error ?? result.skipped}`;
