// History: one room seeded with `history-messages` messages (bench/seed-history.mjs, straight
// into the database through Hearth's storage layer, before the server starts), then 50-message
// pages read over HTTP by a member at the newest end and at the oldest end.
import { join } from 'node:path';
import { postJson, guestToken } from '../drivers/hearth.mjs';
import { measureTarget, runLoad } from '../lib/measure.mjs';
import { onCore, runToEnd } from '../lib/processes.mjs';
import { toArgv } from '../lib/flags.mjs';
import { isNoisy, ms, noiseNote } from './format.mjs';

export const name = 'history';
export const title = 'History pages in a long room';

/** The page query is the database's; a second process or the reference adds nothing to learn. */
export const appliesTo = (target) =>
  target.kind === 'reference' ? 'the bare server keeps no history' : target.processes > 1 ? 'a page is one process and its database' : true;

export const settings = (flags) => ({
  messages: flags['history-messages'],
  requests: flags['history-requests'],
  warmupRequests: 20,
  rich: flags['history-rich'],
});

export const budgetSeconds = (flags) => 150 + Math.ceil(flags['history-messages'] / 10_000);

export function measure(target, ctx) {
  const s = settings(ctx.flags);
  let seed;
  return measureTarget(name, target, ctx, {
    // Seeding runs on the load core, like every other client of the server.
    prepare: async ({ databaseUrl }) => {
      const args = [
        join(ctx.root, 'bench/seed-history.mjs'),
        ...toArgv({ 'database-url': databaseUrl, messages: s.messages, rich: s.rich }),
      ];
      const [command, argv] = onCore(ctx.pin ? ctx.flags['load-core'] : null, process.execPath, args);
      console.log(`[bench] seeding ${s.messages} messages into ${target.label}`);
      seed = JSON.parse((await runToEnd({ command, args: argv, cwd: ctx.root, timeoutMs: budgetSeconds(ctx.flags) * 1000 })).trim());
      console.log(`[bench] seeded in ${seed.seconds} s`);
    },
    work: async (started, { profiling }) => {
      const [url] = started.urls;
      const token = await guestToken(url, `history-reader-${process.pid}`);
      await postJson(url, '/api/rooms/join', { code: seed.code }, { authorization: `Bearer ${token}` });
      const result = await runLoad(
        ctx,
        'history.mjs',
        {
          url,
          token,
          room: seed.roomId,
          messages: s.messages,
          requests: ctx.quick ? Math.min(100, s.requests) : s.requests,
          warmup: s.warmupRequests,
          pids: started.pids,
          profile: profiling,
          'db-name': started.dbName ?? '',
          'server-core': ctx.pin ? ctx.flags['server-core'] : -1,
          'load-core': ctx.pin ? ctx.flags['load-core'] : -1,
        },
        budgetSeconds(ctx.flags),
      );
      return { ...result, seedSeconds: seed.seconds };
    },
  });
}

export const CASES = {
  me: '`GET /api/me` (baseline: session lookup only)',
  newest: 'newest page (no bound)',
  'oldest-after': 'oldest page (`after=0&limit=50`)',
  'oldest-before': 'oldest page (`before=51`)',
};

export function render(section, labels) {
  const s = section.settings;
  const lines = [
    `One public room with ${s.messages.toLocaleString('en')} messages, seeded by \`bench/seed-history.mjs\` before the server started; ` +
      `a member reads ${s.requests} pages of 50 per case (after ${s.warmupRequests} unrecorded) over one keep-alive connection, one at a time. ` +
      'Times are measured on the client from writing the request to the last byte of the response: routing, the session lookup, ' +
      "the room and membership check, the page query, JSON, the request's log line, and the loopback round trip.",
    '',
    '| target | request | p50 | p99 | max | response | server CPU / request |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [id, t] of Object.entries(section.targets)) {
    if (t.error || t.skipped) continue;
    for (const [key, c] of Object.entries(t.cases)) {
      lines.push(
        `| ${labels[id]} | ${CASES[key]} | ${ms(c.p50ms)} | **${ms(c.p99ms)}** | ${ms(c.maxms)} | ${(c.responseBytes / 1024).toFixed(1)} KiB | ${c.serverCpuUsPerRequest} µs |`,
      );
    }
  }
  for (const [id, t] of Object.entries(section.targets)) if (!t.error && !t.skipped && isNoisy(t)) lines.push('', noiseNote(labels[id], t));
  const seeds = Object.entries(section.targets).filter(([, t]) => t.seedSeconds);
  if (seeds.length) lines.push('', `Seeding took ${seeds.map(([id, t]) => `${t.seedSeconds} s on ${labels[id]}`).join(' and ')}.`);
  lines.push('');
  return lines;
}
