// Summarises a V8 .cpuprofile (from `npm run bench -- --profile RATE`, or `node --cpu-prof`):
// the functions with the most self time, the same grouped by package or source area, and the
// functions with the most inclusive time (on the stack at all), as shares of all samples.
//
//   node bench/profile-summary.mjs FILE.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { readFlags } from './lib/flags.mjs';

const [file, ...rest] = process.argv.slice(2);
if (!file || file.startsWith('--')) throw new Error('usage: node bench/profile-summary.mjs FILE.cpuprofile [--top 25]');
const { top } = readFlags(rest, { top: 25 });
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

const where = ({ url, lineNumber }) => (url ? `${shorten(url)}:${lineNumber + 1}` : '');
const fnKey = (node) => `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame)}`.trim();

const bySelf = new Map();
const byArea = new Map();
const byInclusive = new Map();
for (const [id, us] of selfUs) {
  const node = nodes.get(id);
  add(bySelf, fnKey(node), us);
  add(byArea, area(node.callFrame), us);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const key = fnKey(nodes.get(at));
    if (!seen.has(key)) add(byInclusive, key, us);
    seen.add(key);
  }
}

const busyUs = totalUs - (bySelf.get('(idle)') ?? 0);
console.log(
  `${file}: ${profile.samples.length} samples over ${(totalUs / 1e6).toFixed(2)} s, ` +
    `${(busyUs / 1e6).toFixed(2)} s busy on the main thread; shares below are of busy time\n`,
);
print('self time by function', bySelf);
print('self time by area', byArea);
print('inclusive time by function', byInclusive, (key) => !key.startsWith('(root)') && key !== '(program)');

function print(title, map, keep = () => true) {
  console.log(`## ${title}`);
  const rows = [...map]
    .filter(([key]) => keep(key) && key !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  for (const [key, us] of rows)
    console.log(`${((100 * us) / busyUs).toFixed(1).padStart(6)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  console.log('');
}

function add(map, key, us) {
  map.set(key, (map.get(key) ?? 0) + us);
}

function shorten(url) {
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  const own = /\/(dist|src)\/(.*)$/.exec(path);
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
