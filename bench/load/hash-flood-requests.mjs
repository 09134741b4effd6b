// The sign-in flood of bench/load/hash-flood.mjs, as a process of its own run under `nice 19`:
// `flood` sign-ins with wrong passwords at once (to `path`: another route shows what a burst of
// requests costs without any hashing), every second for `seconds`; prints the answers'
// statuses as JSON once all are answered. Niced, it takes the load core only when the chatters'
// process leaves it idle, so their acknowledgement times stay the server's, not ours.
const [url, tag, flood, seconds, path = '/api/auth/login'] = process.argv.slice(2);
const statuses = {};
let attempt = 0;

async function signIn() {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: `${tag}-nobody-${++attempt}`, password: 'a wrong password, hashed anyway' }),
  }).catch(() => null);
  const status = res?.status ?? 0;
  statuses[status] = (statuses[status] ?? 0) + 1;
  await res?.arrayBuffer().catch(() => undefined);
}

const requests = [];
for (let burst = 0; burst < Number(seconds); burst++) {
  for (let i = 0; i < Number(flood); i++) requests.push(signIn());
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
await Promise.all(requests);
process.stdout.write(`${JSON.stringify({ statuses })}\n`);
