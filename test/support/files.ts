import sharp from 'sharp';
import type { Attachment } from '../../src/contract/types.js';
import type { Guest } from './hearth.js';

/** Real files for the upload tests, made with sharp so no binary sits in the repository. */

/** A photo with the camera's EXIF, including where it was taken. */
export function jpegWithLocation(width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'HearthCam', Model: 'Test 1', Copyright: 'secret-owner' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 4032/100' },
    })
    .toBuffer();
}

export function png(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 128, b: 255, alpha: 1 } } })
    .png()
    .toBuffer();
}

/** A small file that decodes to 81 megapixels: a decompression bomb. */
export function pngBomb(): Promise<Buffer> {
  return sharp({ create: { width: 9000, height: 9000, channels: 3, background: { r: 0, g: 0, b: 0 } } })
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}

/** An animated GIF of two frames. */
export async function animatedGif(): Promise<Buffer> {
  const frame = (r: number) =>
    sharp({ create: { width: 40, height: 30, channels: 3, background: { r, g: 0, b: 0 } } })
      .png()
      .toBuffer();
  return sharp([await frame(255), await frame(20)], { join: { animated: true } })
    .gif({ loop: 0, delay: [100, 100] })
    .toBuffer();
}

export async function upload(
  server: { url: string },
  who: Guest | null,
  roomId: string,
  file: { name: string; bytes: Buffer | string; type?: string },
  alt?: string,
): Promise<{ status: number; body: { attachment?: Attachment; error?: { code: string; message: string } } }> {
  const form = new FormData();
  if (alt !== undefined) form.append('alt', alt);
  form.append(
    'file',
    new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
    file.name,
  );
  const response = await fetch(`${server.url}/api/rooms/${roomId}/files`, {
    method: 'POST',
    body: form,
    headers: who ? { authorization: `Bearer ${who.token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as never };
}

export async function download(server: { url: string }, who: Guest | null, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, { headers: { ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...headers } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
