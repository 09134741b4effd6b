// The frame every scenario measures a target in: wait for quiet cores, start the target fresh,
// run the scenario's work (a load generator pinned to the load core), check that the servers
// survived, collect a CPU profile when asked, and stop and remove everything again.
import { join } from 'node:path';
import { toArgv } from './flags.mjs';
import { waitForFile } from './hook-files.mjs';
import { onCore, runToEnd } from './processes.mjs';
import { readUsageOf, waitForQuietCores } from './proc.mjs';
import { summariseProfile } from './profile.mjs';
import { startTarget } from './targets.mjs';

/**
 * `work(started)` returns the target's result. With ctx.profile naming this scenario, the servers
 * preload the profile hook and the load generator signals them around the measured phase.
 */
export async function measureTarget(scenario, target, ctx, { hook, prepare, env, work }) {
  const { root, flags, pin } = ctx;
  const profiling = !hook && ctx.profile.has(scenario);
  const cores = pin ? [flags['server-core'], flags['load-core']] : [];
  const waitS = ctx.waitQuietS ?? flags['wait-quiet'];
  const quiet = waitS > 0 && cores.length ? await waitForQuietCores(cores, waitS) : null;
  if (quiet && !quiet.quiet) console.warn(`[bench] cores still ${quiet.busiestCorePct} % busy; measuring anyway`);
  const hookOut = profiling
    ? join(root, 'bench/results/profiles', `${scenario}-${target.id}.cpuprofile`)
    : hook
      ? join(root, 'bench/results/profiles', `${scenario}-${target.id}`)
      : undefined;
  let started;
  try {
    started = await startTarget(target, { ...ctx, hook: profiling ? 'profile' : hook, hookOut, prepare, env });
    let result;
    try {
      result = await work(started, { profiling });
    } catch (error) {
      // A load generator that failed because its server vanished should say so.
      if (started.exited()) error.message = `${error.message}; ${started.exitStatuses()}`;
      throw error;
    }
    if (started.exited()) throw new Error(`a server died during the run (${started.exitStatuses()})\n${started.logTail()}`);
    result.quietBeforeStart = quiet;
    result.serverRssEndBytes = readUsageOf(started.pids).rssBytes;
    if (profiling) {
      result.profiles = [];
      for (const file of started.hookOuts) {
        if (!(await waitForFile(file, 15_000))) continue;
        result.profiles.push({ file: file.slice(root.length + 1), top: summariseProfile(file, 12) });
      }
    }
    return result;
  } catch (error) {
    console.error(`[bench] ${scenario} on ${target.label} failed: ${error.message}\n${started?.logTail() ?? ''}`);
    return { error: error.message.split('\n')[0] };
  } finally {
    await started?.stop();
  }
}

/** Runs a load generator (bench/load/*.mjs) pinned to the load core; resolves to its JSON result. */
export async function runLoad(ctx, script, args, timeoutS) {
  const { root, flags, pin, cleanups } = ctx;
  const [command, argv] = onCore(pin ? flags['load-core'] : null, process.execPath, [join(root, 'bench/load', script), ...toArgv(args)]);
  let child;
  const kill = async () => child?.kill('SIGKILL');
  cleanups.add(kill);
  try {
    const stdout = await runToEnd({ command, args: argv, cwd: root, timeoutMs: timeoutS * 1000, onSpawn: (c) => (child = c) });
    return JSON.parse(stdout.trim().split('\n').pop());
  } finally {
    cleanups.delete(kill);
  }
}

/** The arguments every load generator takes about the target it drives. */
export function targetArgs(started, ctx) {
  const { flags, pin } = ctx;
  return {
    target: started.target.kind,
    urls: started.urls.join(','),
    pids: started.pids,
    'server-core': pin ? flags['server-core'] : -1,
    'load-core': pin ? flags['load-core'] : -1,
  };
}
