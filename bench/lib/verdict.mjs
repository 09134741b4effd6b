// The bar this benchmark was written for: at 10 rooms × 50 members and 400 messages/s, with
// acknowledgements durable on SQLite, Hearth spends at most 2× the server CPU per delivery of bare
// Socket.IO measured in the same run, loses nothing, and delivers within 50 ms at p99.
export const BAR = { rooms: 10, perRoom: 50, offered: 400, maxCpuRatio: 2, maxP99ms: 50 };

/** Whether other programs used the pinned cores during a step (> 5 % of either core). */
export const isNoisy = (step) => step.othersOnServerCorePct > 5 || step.othersOnLoadCorePct > 5;

/** CPU-per-delivery ratio Hearth / reference for every step both targets completed. */
export function ratios(results) {
  const { hearth, reference } = results.targets;
  if (!hearth?.steps || !reference?.steps) return [];
  return hearth.steps.flatMap((h) => {
    const r = reference.steps.find((s) => s.offered === h.offered);
    if (!r?.serverCpuUsPerDelivery || h.serverCpuUsPerDelivery === null) return [];
    return [
      {
        offered: h.offered,
        cpuPerDeliveryRatio: Number((h.serverCpuUsPerDelivery / r.serverCpuUsPerDelivery).toFixed(2)),
      },
    ];
  });
}

export function judge(results) {
  const { scenario } = results;
  const label = `${BAR.rooms} rooms × ${BAR.perRoom} members at ${BAR.offered} messages/s`;
  const stepRatios = ratios(results);
  if (scenario.rooms !== BAR.rooms || scenario.perRoom !== BAR.perRoom || scenario.profiled) {
    return {
      bar: label,
      evaluated: false,
      reason: 'this run did not use the bar scenario (or was profiled)',
      ratios: stepRatios,
    };
  }
  const step = results.targets.hearth?.steps?.find((s) => s.offered === BAR.offered);
  const ratio = stepRatios.find((r) => r.offered === BAR.offered)?.cpuPerDeliveryRatio;
  if (!step || ratio === undefined) {
    return {
      bar: label,
      evaluated: false,
      reason: 'both targets must complete the 400 messages/s step',
      ratios: stepRatios,
    };
  }
  const checks = [
    { check: 'server CPU per delivery ≤ 2× bare Socket.IO', value: `${ratio}×`, pass: ratio <= BAR.maxCpuRatio },
    { check: 'no loss', value: `${step.lost} lost of ${step.expected}`, pass: step.lost === 0 },
    {
      check: 'every send durably acknowledged',
      value: `${step.ackErrors} errors, ${step.acksMissing} missing`,
      pass: step.ackErrors === 0 && step.acksMissing === 0,
    },
    {
      check: 'p99 delivery latency ≤ 50 ms',
      value: `${step.p99ms} ms`,
      pass: step.p99ms !== null && step.p99ms <= BAR.maxP99ms,
    },
  ];
  const noisy = Object.values(results.targets).filter((t) =>
    t.steps?.some((s) => s.offered === BAR.offered && isNoisy(s)),
  );
  const caveat = noisy.length
    ? `other programs were using the pinned cores during the ${BAR.offered} messages/s step of ` +
      `${noisy.map((t) => t.target).join(' and ')}; rerun on a quiet machine before trusting this verdict.`
    : undefined;
  return { bar: label, evaluated: true, pass: checks.every((c) => c.pass), checks, caveat, ratios: stepRatios };
}
