// Small formatting helpers shared by the scenarios' Markdown tables.

export const ms = (v) => (v === null || v === undefined ? '—' : `${v} ms`);
export const cell = (v) => (v === null || v === undefined ? '—' : String(v));
export const ratio = (v) => (v === undefined || v === null ? '—' : `**${v}×**`);
export const kib = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KiB`);

/** Whether other programs used the pinned cores while this was measured (> 5 % of either core). */
export const isNoisy = (m) => m.othersOnServerCorePct > 5 || m.othersOnLoadCorePct > 5;

export const noiseNote = (label, m) =>
  `> Noisy: other programs used ${m.othersOnServerCorePct} % of the server core and ${m.othersOnLoadCorePct} % of the load ` +
  `core while ${label} was measured; its latency figures are not trustworthy` +
  (/PostgreSQL/.test(label) ? ' (on PostgreSQL, "other programs" includes the database\'s own work for the run: see DB µs).' : '.');

export const notMeasured = (label, result) => `- **${label}:** not measured — ${result.error ?? result.skipped}`;
