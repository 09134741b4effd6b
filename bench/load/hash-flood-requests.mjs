// The sign-in flood of bench/load/hash-flood.mjs, as a process of its own run under `nice 19`:
// `flood` sign-ins with wrong passwords a second (to `path`: another route shows what the
// requests cost without any hashing) for `seconds`; prints the answers' statuses as JSON once all
// are answered. Niced, it takes the load core only when the chatters' process leaves it idle, so
// their acknowledgement times stay the server's, not ours.
//
// `arrival`: `paced` spreads each second's sign-ins over that second in 10 ms slices, as requests
// from many clients arrive; `burst` sends them all in the same millisecond, the worst case.
// Every request opens a connection of its own (no keep-alive), as an attacker's would: a reused
// connection would make every burst after the first cheaper than the first.
import { Buffer } from 'node:buffer';
import { request } from 'node:http';

const [url, tag, flood, seconds, path = '/api/auth/login', arrival = 'paced'] = process.argv.slice(2);
const statuses = {};
let attempt = 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function signIn() {
  const body = JSON.stringify({ login: `${tag}-nobody-${++attempt}`, password: 'a wrong password, hashed anyway' });
  return new Promise((resolve) => {
    const count = (status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      resolve();
    };
    const req = request(`${url}${path}`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => count(res.statusCode ?? 0));
      res.on('error', () => count(0));
    });
    req.on('error', () => count(0));
    req.end(body);
  });
}

const perSecond = Number(flood);
const slices = arrival === 'burst' ? 1 : 100;
const requests = [];
const start = performance.now();
for (let slice = 0; slice < Number(seconds) * slices; slice++) {
  const second = Math.floor(slice / slices);
  const inSecond = slice % slices;
  // Integer shares, so that a second sends exactly `flood` however it divides.
  const count = Math.floor(((inSecond + 1) * perSecond) / slices) - Math.floor((inSecond * perSecond) / slices);
  for (let i = 0; i < count; i++) requests.push(signIn());
  const next = start + second * 1000 + ((inSecond + 1) * 1000) / slices;
  await sleep(Math.max(0, next - performance.now()));
}
await Promise.all(requests);
process.stdout.write(`${JSON.stringify({ statuses })}\n`);
