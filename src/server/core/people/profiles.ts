import type { ProfileSettingsBody } from '../../../contract/schemas.js';
import type { Profile, ProfileSettings, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { enforceRate } from '../shared/rate-rules.js';

type ProfileDeps = Pick<CoreDeps, 'people' | 'presence' | 'limiter' | 'rateRules'>;

/**
 * A person as the reader sees them. Whether they are online and when they were last seen is told
 * only to people who share a room with them (and to themselves): presence is for company, not for
 * anyone who can guess an id.
 */
export async function readProfile(deps: ProfileDeps, reader: User, userId: string): Promise<Profile> {
  await enforceRate(deps.limiter, deps.rateRules.peopleSearch, reader.id);
  const person = await deps.people.findPerson(userId);
  if (!person) throw new DomainError('NOT_FOUND', 'Person not found');
  const self = reader.id === userId;
  const [roomsInCommon, blocks] = await Promise.all([
    self ? Promise.resolve([]) : deps.people.roomsInCommon(reader.id, userId),
    self ? Promise.resolve([]) : deps.people.blocksAmong([reader.id, userId]),
  ]);
  const seen = self || roomsInCommon.length > 0;
  const online = seen && (await deps.presence.onlineAmong([userId])).has(userId);
  return {
    user: person.user,
    displayName: person.displayName,
    status: person.status,
    timeZone: person.timeZone,
    ...(seen ? { lastSeenAt: person.lastSeenAt, online } : {}),
    roomsInCommon,
    blocked: blocks.some((b) => b.blockerId === reader.id),
  };
}

export async function readOwnSettings(deps: Pick<CoreDeps, 'people'>, user: User): Promise<ProfileSettings> {
  const person = await deps.people.findPerson(user.id);
  if (!person) throw new DomainError('NOT_FOUND', 'Person not found');
  const { displayName, status, timeZone, directPolicy } = person;
  return { displayName, status, timeZone, directPolicy };
}

/** Guests too: a display name and a status line are not an account's privilege. */
export async function updateOwnSettings(
  deps: Pick<CoreDeps, 'people' | 'limiter' | 'rateRules'>,
  user: User,
  changes: ProfileSettingsBody,
): Promise<ProfileSettings> {
  await enforceRate(deps.limiter, deps.rateRules.peopleChanges, user.id);
  await deps.people.updateProfile(user.id, changes);
  return readOwnSettings(deps, user);
}
