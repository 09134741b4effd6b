// The goals of the scale-out issue, judged on one run: each is checked only where the run used the
// scenario it was set for, and each verdict carries its margin (how far under or over the limit).
import { isNoisy, noisePct } from './noise.mjs';

const KIB = 1024;

const fanoutStep = (results, id, offered) => results.scenarios.fanout?.targets[id]?.steps?.find((s) => s.offered === offered);

/** `value` against `limit`: at most (≤) or at least (≥); margin as an amount and a share of the limit. */
function verdict({ goal, scenario, target, value, limit, atMost = true, unit = '', format = (v) => `${v}${unit}`, note, measured }) {
  const pass = atMost ? value <= limit : value >= limit;
  const gap = Math.abs(value - limit);
  const share = Number(((100 * gap) / limit).toFixed(gap / limit < 0.01 ? 1 : 0));
  const margin = pass
    ? `${format(round(gap))} ${atMost ? 'under' : 'over'} the limit (${share} % headroom)`
    : `missed by ${format(round(gap))} (${share} % ${atMost ? 'over' : 'short'})`;
  return {
    goal,
    scenario,
    target,
    value: format(value),
    limit: `${atMost ? '≤' : '≥'} ${format(limit)}`,
    pass,
    margin,
    note,
    noisy: Boolean(measured) && isNoisy(measured),
  };
}

const round = (v) => Number(v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : v >= 0.1 ? 2 : 3));

export function judgeGoals(results) {
  const goals = [];
  const skipped = [];
  const sc = results.scenarios;
  const has = (scenario, id) => sc[scenario]?.targets[id] && !sc[scenario].targets[id].error && !sc[scenario].targets[id].skipped;

  // 1, 2 and 7: fan-out at 10 rooms × 50 members and 400 messages/s.
  const f = sc.fanout?.settings;
  if (f && (f.rooms !== 10 || f.perRoom !== 50 || !f.steps.includes(400)))
    skipped.push('fan-out goals: the run did not use 10 rooms × 50 members at 400 msg/s');
  else if (f) {
    const ref = fanoutStep(results, 'reference', 400);
    for (const id of ['sqlite', 'postgres']) {
      const step = fanoutStep(results, id, 400);
      if (!step || !ref) continue;
      goals.push(
        verdict({
          goal: 'CPU per delivery ≤ 1.6× bare Socket.IO (one process, 400 msg/s)',
          scenario: 'fanout',
          target: id,
          value: Number((step.serverCpuUsPerDelivery / ref.serverCpuUsPerDelivery).toFixed(3)),
          limit: 1.6,
          unit: '×',
          note: `${step.serverCpuUsPerDelivery} vs ${ref.serverCpuUsPerDelivery} µs`,
          measured: noisePct(step) >= noisePct(ref) ? step : ref, // a ratio is as noisy as the noisier of its two figures
        }),
      );
    }
    for (const id of Object.keys(sc.fanout.targets).filter((id) => id !== 'reference')) {
      const step = fanoutStep(results, id, 400);
      if (!step?.p99ms) continue;
      const lossNote = step.lost ? `; ${step.lost} deliveries lost` : '';
      goals.push({
        ...verdict({
          goal: 'p99 delivery latency ≤ 25 ms (400 msg/s)',
          scenario: 'fanout',
          target: id,
          value: step.p99ms,
          limit: 25,
          unit: ' ms',
          measured: step,
        }),
        ...(step.lost ? { pass: false, note: `p99 met${lossNote}` } : {}),
      });
    }
    for (const id of ['sqlite-x2', 'postgres-x2']) {
      const two = fanoutStep(results, id, 400);
      const one = fanoutStep(results, id.slice(0, -3), 400);
      if (!two || !one) continue;
      goals.push(
        verdict({
          goal: 'two processes through Redis ≤ 1.3× the CPU per delivery of one (400 msg/s)',
          scenario: 'fanout',
          target: id,
          value: Number((two.serverCpuUsPerDelivery / one.serverCpuUsPerDelivery).toFixed(3)),
          limit: 1.3,
          unit: '×',
          note: `${two.serverCpuUsPerDelivery} vs ${one.serverCpuUsPerDelivery} µs (Node processes only)`,
          measured: two,
        }),
      );
    }
  }

  // 3: memory at 10,000 clients.
  const m = sc.memory?.settings;
  if (m && m.clients !== 10_000) skipped.push(`memory goal: the run used ${m.clients} clients, not 10,000`);
  else if (m) {
    for (const id of Object.keys(sc.memory.targets).filter((id) => id !== 'reference' && has('memory', id))) {
      const t = sc.memory.targets[id];
      goals.push({
        ...verdict({
          goal: 'memory ≤ 16 KiB per connected, joined client (10,000 clients)',
          scenario: 'memory',
          target: id,
          // After a full GC at both ends: uncollected garbage, which varies from run to run, must not decide it.
          value: (t.memory.rssPerClientAfterGcBytes ?? t.memory.rssPerClientBytes) / KIB,
          limit: 16,
          format: (v) => `${round(v)} KiB`,
          note: `${round(t.memory.rssPerClientBytes / KIB)} KiB before that GC`,
        }),
        ...(t.failed ? { pass: false, note: `${t.failed} clients failed` } : {}),
      });
    }
  }

  // 4: 5,000 arrivals in 5 s with no failure.
  const c = sc.connect?.settings;
  if (c && c.clients !== 5000) skipped.push(`arrival goal: the run used ${c.clients} clients, not 5,000`);
  else if (c) {
    for (const id of Object.keys(sc.connect.targets).filter((id) => id !== 'reference' && has('connect', id))) {
      const t = sc.connect.targets[id];
      const g = verdict({
        goal: '5,000 clients get a session, connect and join in ≤ 5 s, 0 failures',
        scenario: 'connect',
        target: id,
        value: t.seconds,
        limit: 5,
        unit: ' s',
        measured: t,
      });
      goals.push(t.failed ? { ...g, pass: false, note: `${t.failed} failed` } : g);
    }
  }

  // 5: durable ingest on SQLite.
  if (has('ingest', 'sqlite')) {
    const t = sc.ingest.targets.sqlite;
    const errors = Object.values(t.ackErrors).reduce((a, b) => a + b, 0) + t.acksMissingAfterDrain + t.lostDeliveries;
    const g = verdict({
      goal: '≥ 5,000 durable messages/s on SQLite',
      scenario: 'ingest',
      target: 'sqlite',
      value: t.ackedPerS,
      limit: 5000,
      atMost: false,
      unit: ' msg/s',
      measured: t,
    });
    goals.push(errors ? { ...g, pass: false, note: `${errors} errors, missing acks or lost deliveries` } : g);
  }

  // 6: history pages at either end of a 1,000,000-message room.
  const h = sc.history?.settings;
  if (h && h.messages !== 1_000_000) skipped.push(`history goal: the run seeded ${h.messages} messages, not 1,000,000`);
  else if (h) {
    for (const id of Object.keys(sc.history.targets).filter((id) => has('history', id))) {
      for (const key of ['newest', 'oldest-after', 'oldest-before']) {
        const page = sc.history.targets[id].cases[key];
        goals.push(
          verdict({
            goal: `history page ≤ 5 ms at p99: ${key.replace('-', ' (')}${key.includes('-') ? ')' : ''}`,
            scenario: 'history',
            target: id,
            value: page.p99ms,
            limit: 5,
            unit: ' ms',
            measured: sc.history.targets[id],
          }),
        );
      }
    }
  }
  // 8 and 9 (the hardening issue): a sign-in flood and members who stop reading.
  for (const id of Object.keys(sc.hashflood?.targets ?? {}).filter((id) => has('hashflood', id))) {
    const t = sc.hashflood.targets[id];
    goals.push(
      verdict({
        goal: `other users' ack p99 ≤ 100 ms while ${t.flood} sign-ins arrive each second`,
        scenario: 'hashflood',
        target: id,
        value: t.flooded.p99ms,
        limit: 100,
        unit: ' ms',
        note: `${t.quiet.p99ms} ms without the flood`,
      }),
    );
  }
  for (const id of Object.keys(sc.slowreaders?.targets ?? {}).filter((id) => has('slowreaders', id))) {
    const t = sc.slowreaders.targets[id];
    goals.push(
      verdict({
        goal: `readers' delivery p99 with ${t.stalled} of ${t.members} members not reading ≤ 1.5× without`,
        scenario: 'slowreaders',
        target: id,
        value: t.p99Ratio,
        limit: 1.5,
        unit: '×',
        note: `${t.withStalled.p99ms} vs ${t.reading.p99ms} ms; RSS peak ${Math.round(t.withStalled.rssPeakBytes / 2 ** 20)} vs ${Math.round(t.reading.rssPeakBytes / 2 ** 20)} MiB`,
      }),
    );
  }
  return { goals, skipped };
}
