// Uploads beside the chat, on the built server (dist/, `npm run build` first), SQLite:
//  1. a 20 MB file uploaded while another person sends messages one at a time: the server's RSS
//     growth during the upload (it streams to disk, so it must stay far below the file's size) and
//     that person's acknowledgement latency meanwhile, against the same sends with no upload;
//  2. a 12-megapixel photo: the thumbnail alone (sharp, in this process, as the server does it),
//     the whole picture work (re-encoding without metadata plus the thumbnail), and the upload
//     request end to end.
// The server runs on core 0 and this process on core 1 when taskset is there.
//
//   node bench/uploads.mjs [--megabytes 20] [--photos 10] [--no-write]
/* global FormData, Blob -- Node's, and missing from the lint config's list */
import { Buffer } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { readFlags } from './lib/flags.mjs';
import { connectSocket } from './lib/bench-socket.mjs';
import { canPin } from './lib/processes.mjs';
import { startBuiltServer } from './lib/built-server.mjs';
import { Samples } from './lib/samples.mjs';
import { guestToken, postJson } from './drivers/hearth.mjs';

const flags = readFlags(
  process.argv.slice(2),
  { megabytes: 20, photos: 10, write: true },
  'node bench/uploads.mjs [--megabytes 20] [--photos 10] [--no-write]',
);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (path) => import(pathToFileURL(join(root, 'dist/node/server', path)).href);
const dir = mkdtempSync(join(tmpdir(), 'hearth-uploads-bench-'));
const log = (line) => console.log(`[uploads] ${line}`);
const pin = canPin() && cpus().length > 1;
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

const { url, server } = await startBuiltServer({
  root,
  dir,
  pin,
  env: {
    DATABASE_URL: `sqlite:${join(dir, 'hearth.db')}`,
    HEARTH_UPLOAD_QUOTA: String(10 * 1024 ** 3),
    HEARTH_UPLOAD_MAX: String((flags.megabytes + 1) * 1024 * 1024),
  },
});

const uploader = await guestToken(url, `bench-uploader-${process.pid}`);
const talker = await guestToken(url, `bench-talker-${process.pid}`);
const auth = (token) => ({ authorization: `Bearer ${token}` });
const { room } = await postJson(url, '/api/rooms', { name: `uploads ${process.pid}` }, auth(uploader));
await postJson(url, '/api/rooms/join', { code: room.code }, auth(talker));
const socket = await connectSocket({ baseUrl: url, auth: { token: talker } });
let n = 0;
const send = () =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    socket.call('message:send', { roomId: room.id, text: `meanwhile ${n}`, clientId: `bench-${++n}` }, ([ack]) =>
      ack?.ok ? resolve(Math.round((performance.now() - started) * 1000)) : reject(new Error(JSON.stringify(ack))),
    );
  });
const upload = async (name, bytes) => {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const started = performance.now();
  const response = await fetch(`${url}/api/rooms/${room.id}/files`, { method: 'POST', body: form, headers: auth(uploader) });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`upload ${name}: ${response.status} ${JSON.stringify(body)}`);
  return performance.now() - started;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Warm-up: the upload path, sharp and the sends once, so what follows measures no first use.
await upload(
  'warm.jpg',
  await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c84' } })
    .jpeg()
    .toBuffer(),
);
for (let i = 0; i < 3; i++) await upload('warm.bin', Buffer.alloc(4 * 1024 * 1024, i));
for (let i = 0; i < 50; i++) await send();

// 1. Acknowledgements with no upload, then during a large one.
const quiet = new Samples();
for (let i = 0; i < 300; i++) {
  quiet.add(await send());
  await sleep(2);
}
const big = Buffer.alloc(flags.megabytes * 1024 * 1024);
for (let i = 0; i < big.length; i += 4096) big[i] = i & 0xff;
// Five in a row: each one's RSS growth (its peak over the RSS just before it), and the peak over
// the RSS before the first: a file held in memory would add its whole size every time.
const rssBefore = rssKb(server.pid);
let rssPeak = rssBefore;
let peakThisOne = rssBefore;
const meanwhile = new Samples();
const growths = [];
const times = [];
const sampler = setInterval(() => {
  const now = rssKb(server.pid);
  rssPeak = Math.max(rssPeak, now);
  peakThisOne = Math.max(peakThisOne, now);
}, 5);
for (let round = 0; round < 5; round++) {
  const start = rssKb(server.pid);
  peakThisOne = start;
  let uploading = true;
  const bigUpload = upload('big.bin', big).finally(() => (uploading = false));
  while (uploading) {
    meanwhile.add(await send());
    await sleep(2);
  }
  times.push(Math.round(await bigUpload));
  growths.push(Number(((peakThisOne - start) / 1024).toFixed(1)));
}
clearInterval(sampler);
const sorted = [...growths].sort((x, y) => x - y);
const streaming = {
  megabytes: flags.megabytes,
  uploads: growths.length,
  uploadMs: times,
  rssGrowthPerUploadMiB: growths,
  rssGrowthMedianMiB: sorted[Math.floor(sorted.length / 2)],
  rssPeakOverStartMiB: Number(((rssPeak - rssBefore) / 1024).toFixed(1)),
  acksAlone: quiet.summary(),
  acksDuringUploads: meanwhile.summary(),
  acksDuringUploadsCount: meanwhile.count,
};
log(`streaming: ${JSON.stringify(streaming)}`);

// 2. A 12-megapixel photo (noise, so it does not compress to nothing).
const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
  .jpeg({ quality: 90 })
  .toBuffer();
const photoPath = join(dir, 'photo.jpg');
writeFileSync(photoPath, photo);
const { preparePicture, thumbSide } = await dist('media/pictures.js');
const thumbOnly = new Samples();
const pictureWork = new Samples();
const request = new Samples();
for (let i = 0; i < flags.photos; i++) {
  let started = performance.now();
  await sharp(photoPath, { limitInputPixels: 64_000_000 })
    .rotate()
    .resize({ width: thumbSide, height: thumbSide, fit: 'inside' })
    .webp({ quality: 80 })
    .toFile(join(dir, `thumb-${i}.webp`));
  thumbOnly.add(Math.round((performance.now() - started) * 1000));
  started = performance.now();
  await preparePicture({ path: photoPath, size: photo.length, type: 'image/jpeg' }, 'image/jpeg', dir);
  pictureWork.add(Math.round((performance.now() - started) * 1000));
  request.add(Math.round((await upload(`photo-${i}.jpg`, photo)) * 1000));
}
const pictures = {
  megapixels: 12,
  bytes: photo.length,
  runs: flags.photos,
  thumbnail: thumbOnly.summary(),
  reencodeAndThumbnail: pictureWork.summary(),
  uploadRequest: request.summary(),
};
log(`12 MP photo: ${JSON.stringify(pictures)}`);

socket.close();
await server.stop();
const result = {
  date: new Date().toISOString(),
  machine: `${cpus()[0]?.model} × ${cpus().length}, Node ${process.version}`,
  pinned: pin,
  streaming,
  pictures,
};
if (flags.write) {
  const file = join(root, 'bench/results', `uploads-${result.date.slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`written to ${file}`);
}
console.log(JSON.stringify(result));
rmSync(dir, { recursive: true, force: true });
