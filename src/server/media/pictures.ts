import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { LocalFile } from '../core/files/ports.js';
import { DomainError } from '../core/shared/domain-error.js';

/** 64 megapixels (8000 × 8000): more is refused before decoding, which is what stops a decompression bomb. */
export const maxPicturePixels = 64_000_000;
/** The thumbnail fits in this square: sharp at twice the size the list shows it. */
export const thumbSide = 480;

export interface Picture {
  type: string;
  width: number;
  height: number;
  original: LocalFile;
  thumb: LocalFile & { width: number; height: number };
}

const outputs: Record<string, { type: string; format: (image: Sharp) => Sharp; ext: string }> = {
  'image/jpeg': { type: 'image/jpeg', ext: 'jpg', format: (i) => i.jpeg({ quality: 88, mozjpeg: false }) },
  'image/png': { type: 'image/png', ext: 'png', format: (i) => i.png({ compressionLevel: 6, adaptiveFiltering: false }) },
  'image/webp': { type: 'image/webp', ext: 'webp', format: (i) => i.webp({ quality: 88 }) },
  'image/gif': { type: 'image/gif', ext: 'gif', format: (i) => i.gif() },
  // AVIF is slow to encode; WebP shows everywhere AVIF does.
  'image/avif': { type: 'image/webp', ext: 'webp', format: (i) => i.webp({ quality: 88 }) },
};

const unreadable = () => new DomainError('UNSUPPORTED_MEDIA', 'This picture cannot be read: it may be damaged or cut short');
const tooManyPixels = () =>
  new DomainError('UNSUPPORTED_MEDIA', `This picture is too large to show (at most ${maxPicturePixels / 1_000_000} megapixels)`);

/**
 * Re-encodes a picture in its own format, turned upright and with every metadata block left out
 * (EXIF with its location, XMP, comments), and makes a WebP thumbnail; animations stay animated.
 * The header is read first and a picture whose pixels would pass the limit is refused before
 * anything is decoded.
 */
export async function preparePicture(file: LocalFile, type: string, workDir: string): Promise<Picture> {
  const output = outputs[type];
  if (!output) throw new Error(`Not a picture type: ${type}`);
  const open = () => sharp(file.path, { animated: true, limitInputPixels: maxPicturePixels, failOn: 'error' });
  let meta: Metadata;
  try {
    meta = await open().metadata();
  } catch (error) {
    throw refusal(error);
  }
  const frameHeight = meta.pageHeight ?? meta.height;
  if (!meta.width || !frameHeight || meta.width * meta.height > maxPicturePixels) throw tooManyPixels();
  const originalPath = join(workDir, `picture-${randomUUID()}.${output.ext}`);
  const thumbPath = join(workDir, `thumb-${randomUUID()}.webp`);
  try {
    const [full, small] = await Promise.all([
      output.format(open().rotate()).toFile(originalPath),
      open()
        .rotate()
        .resize({ width: thumbSide, height: thumbSide, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toFile(thumbPath),
    ]);
    const fullHeight = full.pageHeight ?? full.height;
    const smallHeight = small.pageHeight ?? small.height;
    return {
      type: output.type,
      width: full.width,
      height: fullHeight,
      original: { path: originalPath, size: full.size, type: output.type },
      thumb: { path: thumbPath, size: small.size, type: 'image/webp', width: small.width, height: smallHeight },
    };
  } catch (error) {
    throw refusal(error);
  }
}

const refusal = (error: unknown) => (error instanceof Error && /pixel limit/i.test(error.message) ? tooManyPixels() : unreadable());

/**
 * A square profile picture at each size: turned upright, the square cut out (the largest centred
 * one when no crop is given or it does not fit), re-encoded as WebP without metadata.
 */
export async function prepareAvatarPicture(
  file: LocalFile,
  crop: { x: number; y: number; size: number } | undefined,
  sizes: readonly number[],
  workDir: string,
): Promise<Map<number, LocalFile>> {
  const open = () => sharp(file.path, { limitInputPixels: maxPicturePixels, failOn: 'error' });
  let upright: { width: number; height: number };
  try {
    const meta = await open().metadata();
    // Orientations 5–8 swap width and height once turned upright.
    const swapped = (meta.orientation ?? 1) >= 5;
    upright = swapped ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  } catch (error) {
    throw refusal(error);
  }
  const side = Math.min(upright.width, upright.height);
  const fits = crop && crop.x + crop.size <= upright.width && crop.y + crop.size <= upright.height;
  const square = fits
    ? { left: crop.x, top: crop.y, width: crop.size, height: crop.size }
    : { left: Math.floor((upright.width - side) / 2), top: Math.floor((upright.height - side) / 2), width: side, height: side };
  const made = new Map<number, LocalFile>();
  try {
    for (const size of sizes) {
      const path = join(workDir, `avatar-${randomUUID()}.webp`);
      const info = await open().rotate().extract(square).resize(size, size).webp({ quality: 85 }).toFile(path);
      made.set(size, { path, size: info.size, type: 'image/webp' });
    }
    return made;
  } catch (error) {
    throw refusal(error);
  }
}
