import type { RoomPreview, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { findRoomByCode } from './join-by-code-or-name.js';

const previewLength = 20;

/**
 * What an invite link shows before anyone decides to join: opening a link never changes
 * membership by itself. Signed out, the link still names its room (the code is the invite), but
 * a private room's code is never shown back.
 */
export async function previewInvite(
  deps: Pick<CoreDeps, 'rooms' | 'messages' | 'limiter' | 'rateRules'>,
  code: string,
  who: { user?: User; address: string },
): Promise<RoomPreview> {
  const room = await findRoomByCode(deps, code, { userId: who.user?.id, address: who.address });
  const member = who.user ? (await deps.rooms.findRoomFor(room.id, who.user.id))?.member === true : false;
  const messages =
    room.visibility === 'public' || member
      ? (await deps.messages.pageMessages(room.id, { limit: previewLength }, who.user?.id)).messages
      : [];
  const { id, name, topic, visibility, memberCount } = room;
  return { room: { id, name, topic, visibility, memberCount }, messages, member };
}
