// Reading V8 profiles: a .cpuprofile (from the bench's profile hook or `node --cpu-prof`) as the
// functions with the most self time, by package or source area, and by inclusive time; and a
// sampling .heapprofile (the memory hook) as the allocation sites of memory still alive.
import { readFileSync } from 'node:fs';

export function summariseProfile(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

  // timeDeltas[i] is the gap before sample i; charge it to the frame sampled then.
  const selfUs = new Map();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const dt = Math.max(0, profile.timeDeltas[i] ?? 0);
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    totalUs += dt;
  });

  // A native leaf (a syscall wrapper, better-sqlite3's `run`) says little alone: name it with the
  // nearest frame of our own code (dist/) above it, else the nearest JavaScript frame, and count its
  // time in that frame's area.
  const callerOf = new Map();
  const caller = (id) => {
    if (callerOf.has(id)) return callerOf.get(id);
    let js;
    let own;
    for (let at = parents.get(id); at !== undefined && !own; at = parents.get(at)) {
      const frame = nodes.get(at).callFrame;
      if (!frame.url) continue;
      js ??= frame;
      if (/\/dist\//.test(frame.url) && !frame.url.includes('node_modules')) own = frame;
    }
    const found = { js, own };
    callerOf.set(id, found);
    return found;
  };
  const bySelf = new Map();
  const byArea = new Map();
  const byInclusive = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = nodes.get(id);
    // The profiler's own start and stop calls land in the profile: they are not the server's work.
    if (callFrame.functionName === 'dispatch' && caller(id).js?.url === 'node:inspector') {
      totalUs -= us;
      continue;
    }
    const native = !callFrame.url && !callFrame.functionName.startsWith('(');
    const { js, own } = native ? caller(id) : {};
    add(bySelf, native && (own ?? js) ? `${callFrame.functionName} (native) ← ${fnKey(own ?? js)}` : fnKey(callFrame), us);
    add(byArea, native && js ? `${area(js)} (native)` : area(callFrame), us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const key = fnKey(nodes.get(at).callFrame);
      if (!seen.has(key)) add(byInclusive, key, us);
      seen.add(key);
    }
  }
  const busyUs = totalUs - (bySelf.get('(idle)') ?? 0);
  const rank = (map, keep = () => true) =>
    [...map]
      .filter(([key]) => keep(key) && key !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, pct: Number(((100 * us) / busyUs).toFixed(1)), ms: Math.round(us / 1000) }));
  return {
    samples: profile.samples.length,
    totalMs: Math.round(totalUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    self: rank(bySelf),
    areas: rank(byArea),
    inclusive: rank(byInclusive, (key) => !key.startsWith('(root)') && key !== '(program)'),
  };
}

/** Live memory by allocating function (self) and by source area, from a sampling heap profile. */
export function summariseHeapProfile(file, top = 15) {
  const { head } = JSON.parse(readFileSync(file, 'utf8'));
  const bySelf = new Map();
  const byArea = new Map();
  let total = 0;
  const walk = (node, stack) => {
    if (node.selfSize > 0) {
      total += node.selfSize;
      add(bySelf, fnKey(node.callFrame), node.selfSize);
      // The nearest frame of our own code or a package explains an allocation better than a builtin.
      const owner = [node.callFrame, ...stack].find((frame) => frame.url) ?? node.callFrame;
      add(byArea, area(owner), node.selfSize);
    }
    for (const child of node.children ?? []) walk(child, [node.callFrame, ...stack].slice(0, 40));
  };
  walk(head, []);
  const rank = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, bytes]) => ({ name, pct: Number(((100 * bytes) / total).toFixed(1)), kib: Math.round(bytes / 1024) }));
  return { liveKiB: Math.round(total / 1024), self: rank(bySelf), areas: rank(byArea) };
}

function add(map, key, value) {
  map.set(key, (map.get(key) ?? 0) + value);
}

const where = ({ url, lineNumber }) => (url ? `${shorten(url)}:${lineNumber + 1}` : '');
const fnKey = (frame) => `${frame.functionName || '(anonymous)'} ${where(frame)}`.trim();

function shorten(url) {
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  const own = /\/(dist|src|bench)\/(.*)$/.exec(path);
  return own ? `${own[1]}/${own[2]}` : path;
}

/** A package name, `node:<internal module>`, our own source folder, or a V8 pseudo-frame. */
function area({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / builtin)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (pkg) return pkg[1];
  if (path.startsWith('node:')) return `node:${path.slice(5).split('/').slice(0, 2).join('/')}`;
  const own = /\/dist\/node\/(.*)\/[^/]+$/.exec(path);
  return own ? `hearth ${own[1]}` : path;
}
