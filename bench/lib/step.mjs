// One step of the load: offer `rate` messages a second for `seconds`, wait (at most
// `drainSeconds`) for the last deliveries and acks, and turn the counters into figures.
// The server's CPU window runs from the first send to the end of the drain, so every delivery
// counted is paid for inside it.
import { auxDelta, auxSnapshot } from './aux-cpu.mjs';
import { othersOnCore, readCores, readUsageOf, round } from './proc.mjs';
import { Samples } from './samples.mjs';

export async function measureStep(options) {
  const { rate, seconds, drainSeconds, tickMs, perRoom, pids, aux = {}, cores, live, profile, send, dropped } = options;
  const total = Math.round(rate * seconds);
  const acks = new Samples(total);
  const ackErrors = new Map();
  let acked = 0;
  live.received = 0;
  live.lastAt = 0;
  live.latency = new Samples(total * perRoom);

  if (profile) for (const pid of pids) process.kill(pid, 'SIGUSR2');
  const aux0 = auxSnapshot(aux);
  const server0 = readUsageOf(pids);
  const cores0 = readCores();
  const client0 = process.cpuUsage();
  const start = performance.now();
  let sent = 0;
  // Events whose send() returns false deliver nothing to the room (a read mark): not expected.
  let quiet = 0;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - start;
      const due = Math.min(total, Math.floor((elapsed * rate) / 1000));
      while (sent < due) {
        const sentAt = performance.now();
        const delivers = send(sent++, ([ack]) => {
          acked++;
          if (ack?.ok) acks.add(Math.round((performance.now() - sentAt) * 1000));
          else {
            const code = ack?.error?.code ?? 'NO_ACK_BODY';
            ackErrors.set(code, (ackErrors.get(code) ?? 0) + 1);
          }
        });
        if (delivers === false) quiet++;
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  const sendSeconds = (performance.now() - start) / 1000;
  const expected = (sent - quiet) * perRoom;
  const drainUntil = performance.now() + drainSeconds * 1000;
  while ((live.received < expected || acked < sent) && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const server1 = readUsageOf(pids);
  const cores1 = readCores();
  const client1 = process.cpuUsage(client0);
  const { postgresUs, redisUs } = auxDelta(aux0, auxSnapshot(aux));
  if (profile) for (const pid of pids) process.kill(pid, 'SIGUSR2');

  const windowSeconds = (server1.at - server0.at) / 1000;
  const deliverySeconds = Math.max(sendSeconds, (live.lastAt / 1000 - start) / 1000);
  const serverCpuUs = server1.cpuUs - server0.cpuUs;
  const ackErrorCount = [...ackErrors.values()].reduce((a, b) => a + b, 0);
  const ackLatency = acks.summary();
  return {
    offered: rate,
    sent,
    expected,
    received: live.received,
    lost: Math.max(0, expected - live.received),
    surplus: Math.max(0, live.received - expected),
    lossPct: round((100 * Math.max(0, expected - live.received)) / Math.max(1, expected), 3),
    achievedRate: round(sent / sendSeconds, 1),
    deliveriesPerS: Math.round(live.received / deliverySeconds),
    ...live.latency.summary(),
    ackP50ms: ackLatency.p50ms,
    ackP99ms: ackLatency.p99ms,
    acksMissing: sent - acked,
    ackErrors: ackErrorCount,
    ackErrorCodes: Object.fromEntries(ackErrors),
    windowSeconds: round(windowSeconds, 2),
    serverCpuPct: round((100 * serverCpuUs) / 1e6 / windowSeconds, 1),
    serverCpuUsPerDelivery: round(serverCpuUs / Math.max(1, live.received), 2),
    // Each process's share, when the server is several (they share the server core).
    serverCpuPctEach: server1.each.map((u, i) => round((100 * (u.cpuUs - server0.each[i].cpuUs)) / 1e6 / windowSeconds, 1)),
    postgresCpuUsPerDelivery: postgresUs === null ? null : round(postgresUs / Math.max(1, live.received), 2),
    redisCpuUsPerDelivery: redisUs === null ? null : round(redisUs / Math.max(1, live.received), 2),
    serverRssBytes: server1.rssBytes,
    clientCpuPct: round((100 * (client1.user + client1.system)) / 1e6 / windowSeconds, 1),
    // Anything else on the pinned cores (other programs on a shared machine) skews latency.
    othersOnServerCorePct: cores ? othersOnCore(cores0, cores1, cores.server, serverCpuUs) : null,
    othersOnLoadCorePct: cores ? othersOnCore(cores0, cores1, cores.load, client1.user + client1.system) : null,
    // The run's own database and Redis work, which the two figures above count as other programs.
    runAuxCpuPct: round((100 * ((postgresUs ?? 0) + (redisUs ?? 0))) / 1e6 / windowSeconds, 1),
    droppedSockets: dropped(),
  };
}
