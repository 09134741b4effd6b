import type { User } from '../../../contract/types.js';
import type { Crop, LocalFile } from '../files/ports.js';
import type { CoreDeps } from '../shared/deps.js';
import { notFound } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';

type AvatarDeps = Pick<CoreDeps, 'users' | 'blobs' | 'media' | 'ids' | 'limiter' | 'rateRules' | 'background'>;

/** The sizes made of every profile picture: beside messages and in lists, and on the profile card. */
export const avatarSizes = [64, 256] as const;
export type AvatarSize = (typeof avatarSizes)[number];

export const avatarKey = (userId: string, version: string, size: number): string => `avatars/${userId}/${version}-${size}.webp`;

/**
 * A new profile picture: cut square and made in each size by the server from the uploaded
 * picture, stored under a new version (so every cached copy of the old one is simply not asked
 * for again), and the old version's bytes removed.
 */
export async function setAvatar(deps: AvatarDeps, user: User, file: LocalFile, crop: Crop | undefined): Promise<string> {
  await enforceRate(deps.limiter, deps.rateRules.uploads, user.id);
  const made = await deps.media.prepareAvatar(file, crop, avatarSizes);
  try {
    const version = deps.ids.newId().replace(/-/g, '').slice(0, 16);
    for (const [size, local] of made) await deps.blobs.put(avatarKey(user.id, version, size), local);
    const previous = await deps.users.setAvatar(user.id, version);
    if (previous) deps.background(removeVersion(deps, user.id, previous), "removing an old profile picture's bytes");
    return version;
  } finally {
    deps.background(deps.media.discard(...made.values()), "removing a profile picture's local files");
  }
}

export async function removeAvatar(deps: AvatarDeps, user: User): Promise<void> {
  await enforceRate(deps.limiter, deps.rateRules.peopleChanges, user.id);
  const previous = await deps.users.setAvatar(user.id, null);
  if (previous) deps.background(removeVersion(deps, user.id, previous), "removing a profile picture's bytes");
}

/** Anyone signed in sees profile pictures, as they see names. */
export async function avatarOf(deps: Pick<CoreDeps, 'users' | 'limiter' | 'rateRules'>, viewer: User, userId: string, size: AvatarSize) {
  await enforceRate(deps.limiter, deps.rateRules.fileReads, viewer.id);
  const person = await deps.users.findUserById(userId);
  if (!person?.avatar) throw notFound('Picture');
  return { key: avatarKey(person.id, person.avatar, size), version: person.avatar };
}

const removeVersion = (deps: Pick<AvatarDeps, 'blobs'>, userId: string, version: string) =>
  deps.blobs.remove(avatarSizes.map((size) => avatarKey(userId, version, size)));
