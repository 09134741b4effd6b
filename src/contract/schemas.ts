import * as z from 'zod/mini';
import { limits, roomCodeAlphabet } from './limits.js';
import { hasNoInvisible, showsSomething } from './text-rules.js';

/**
 * Every HTTP body and socket payload is parsed by one of these, on the server and in the web
 * client. Written with zod/mini, whose checks are functions the bundler can leave out when unused:
 * the same rules as zod's chained API for a fraction of the browser's download.
 */

// zod/mini carries no sentences of its own until a locale is loaded; ours are set per check where
// a person reads them, and the English defaults cover the rest (what a misbehaving client sends).
z.config(z.locales.en());

const id = z.string().check(z.minLength(1), z.maxLength(64));

export const usernameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'A name needs at least one character'),
    z.maxLength(limits.usernameMax, `A name has at most ${limits.usernameMax} characters`),
    z.regex(/^[\p{L}\p{N} _.-]+$/u, 'A name may use letters, digits, spaces, _ - and .'),
    z.refine(hasNoInvisible, 'A name may not contain invisible characters'),
    z.refine(showsSomething, 'A name needs at least one letter or digit'),
  );

export const roomNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'A room name needs at least one character'),
    z.maxLength(limits.roomNameMax, `A room name has at most ${limits.roomNameMax} characters`),
    z.refine(hasNoInvisible, 'A room name may not contain invisible characters'),
    z.refine(showsSomething, 'A room name needs at least one letter or digit'),
  );

export const roomCodeSchema = z.string().check(
  z.trim(),
  z.minLength(6),
  z.maxLength(16),
  z.toUpperCase(),
  z.refine((code) => [...code].every((c) => roomCodeAlphabet.includes(c)), 'Not a room code'),
);

export const messageTextSchema = z.string().check(
  z.overwrite((text) => text.trimEnd()),
  z.minLength(1, 'A message cannot be empty'),
  z.maxLength(limits.textMax, `A message has at most ${limits.textMax} characters`),
);

export const guestBody = z.object({ username: usernameSchema });

export const createRoomBody = z.object({
  name: roomNameSchema,
  topic: z._default(
    z.optional(
      z.string().check(z.trim(), z.maxLength(limits.topicMax), z.refine(hasNoInvisible, 'A topic may not contain invisible characters')),
    ),
    '',
  ),
  visibility: z._default(z.optional(z.enum(['public', 'private'])), 'public'),
});

export const joinRoomBody = z.union([z.strictObject({ code: roomCodeSchema }), z.strictObject({ name: roomNameSchema })]);

const seq = () => z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));
const seqParam = z.pipe(z.coerce.number(), seq());

export const messagesQuery = z
  .object({
    before: z.optional(seqParam),
    after: z.optional(seqParam),
    /** A page with this seq in its middle: how a reply's quote opens the message far back. */
    around: z.optional(seqParam),
    limit: z._default(z.optional(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(limits.pageMax)))), limits.pageDefault),
  })
  .check(z.refine((q) => [q.before, q.after, q.around].filter((b) => b !== undefined).length <= 1, 'Use one of before, after and around'));

export const roomIdParams = z.object({ id });
export const messageParams = z.object({ id, messageId: id });

export const roomsQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(400), z.regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor from this server'))),
  limit: z._default(
    z.optional(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(limits.directoryPageMax)))),
    limits.directoryPageMax,
  ),
});
export type RoomsQuery = z.infer<typeof roomsQuery>;
export const inviteParams = z.object({ code: roomCodeSchema });

export const roomJoinPayload = z
  .object({
    roomId: id,
    /** The messages after this seq (the core protocol's catch-up: new messages only). */
    afterSeq: z.optional(seq()),
    /** Every message changed after this change position, in its current state (edits, deletes, reactions too). */
    afterChange: z.optional(seq()),
  })
  .check(z.refine((p) => p.afterSeq === undefined || p.afterChange === undefined, 'Use afterSeq or afterChange, not both'));

export const roomLeavePayload = z.object({ roomId: id });

/** Seen up to `seq` (the newest message that has been on screen). */
export const roomReadPayload = z.object({ roomId: id, seq: seq() });
export const roomTypingPayload = z.object({ roomId: id });

/** PUT /api/rooms/:id/notifications: either or both. 'default' follows the room's size. */
export const notificationsBody = z.strictObject({
  level: z.optional(z.enum(['default', 'all', 'mentions', 'nothing'])),
  muted: z.optional(z.boolean()),
});

/** PATCH /api/rooms/:id/settings (owners). */
export const roomSettingsBody = z.strictObject({ mentionPolicy: z.enum(['everyone', 'owners']) });

/** PATCH /api/account/notifications: minutes an unread mention waits before it is mailed (0: never). */
export const notificationSettingsBody = z.strictObject({ digestMinutes: z.union([z.literal(0), z.literal(10), z.literal(60)]) });

/** POST /api/push/subscriptions: what PushSubscription.toJSON() gives. */
export const pushSubscriptionBody = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/ }).check(z.maxLength(2048)),
  keys: z.object({
    p256dh: z.string().check(z.regex(/^[A-Za-z0-9_-]{80,100}={0,2}$/, 'Not a P-256 public key')),
    auth: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,32}={0,2}$/, 'Not an auth secret')),
  }),
});
export const pushEndpointBody = z.strictObject({ endpoint: z.string().check(z.minLength(1), z.maxLength(2048)) });

export const messageSendPayload = z
  .object({
    roomId: id,
    /** May be empty when files are sent: then it is their caption-less message. */
    text: z.string().check(
      z.overwrite((text) => text.trimEnd()),
      z.maxLength(limits.textMax, `A message has at most ${limits.textMax} characters`),
    ),
    clientId: z.string().check(z.minLength(1), z.maxLength(limits.clientIdMax)),
    /** The id of the message this one answers, in the same room. */
    replyTo: z.optional(id),
    /** Files the author uploaded to this room (POST /api/rooms/:id/files) and has not sent yet. */
    attachments: z.optional(
      z.array(id).check(
        z.maxLength(limits.attachmentsPerMessageMax, `A message carries at most ${limits.attachmentsPerMessageMax} files`),
        z.refine((ids) => new Set(ids).size === ids.length, 'A file is attached once'),
      ),
    ),
  })
  .check(z.refine((p) => p.text.length > 0 || (p.attachments?.length ?? 0) > 0, 'A message cannot be empty'));

/** The author takes the link card off their message. */
export const messagePreviewRemovePayload = z.object({ roomId: id, messageId: id });

export const fileParams = z.object({ id });
export const fileQuery = z.object({ download: z.optional(z.enum(['1'])) });
export const previewImageParams = z.object({ id });
export const avatarQuery = z.object({ size: z._default(z.optional(z.enum(['64', '256'])), '64'), v: z.optional(id) });

/** POST /api/account/avatar: the square to keep, in the picture's pixels (none: the centre). */
export const avatarCropFields = z.object({
  x: z.pipe(z.coerce.number(), z.int().check(z.gte(0))),
  y: z.pipe(z.coerce.number(), z.int().check(z.gte(0))),
  size: z.pipe(z.coerce.number(), z.int().check(z.gte(16))),
});
export const altTextSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(limits.altTextMax, `A description has at most ${limits.altTextMax} characters`),
    z.refine(hasNoInvisible, 'A description may not contain invisible characters'),
  );
/** PATCH /api/files/:id: what an unsent picture shows, for those who cannot see it ('': its name). */
export const fileAltBody = z.strictObject({ alt: altTextSchema });

export const messageEditPayload = z.object({ roomId: id, messageId: id, text: messageTextSchema });
export const messageDeletePayload = z.object({ roomId: id, messageId: id });

// One emoji: pictographs with their modifiers, joiners and variation selectors, or a flag; no text.
const emojiPattern =
  /^(?:\p{Regional_Indicator}{2}|(?:\p{Extended_Pictographic}|[#*0-9]\uFE0F?\u20E3)(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u20E3)*(?:\u200D\p{Extended_Pictographic}(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)*)*)$/u;
export const emojiSchema = z.string().check(z.minLength(1), z.maxLength(limits.emojiMax), z.regex(emojiPattern, 'A reaction is one emoji'));
export const messageReactPayload = z.object({ roomId: id, messageId: id, emoji: emojiSchema });

/** The people a direct conversation is started with, or a group is given: 1 to directOthersMax. */
const directPeople = (none: string) =>
  z
    .array(id)
    .check(
      z.minLength(1, none),
      z.maxLength(limits.directOthersMax, `A direct conversation has at most ${limits.directOthersMax} other people`),
    );

export const startDirectBody = z.strictObject({ userIds: directPeople('Pick someone to talk to') });
export const peopleQuery = z.object({
  q: z.string().check(z.trim(), z.minLength(1, 'Type part of a name'), z.maxLength(64)),
});

/** A zone this runtime knows (Intl's own list), so "their local time" can always be shown. */
function knownTimeZone(zone: string): boolean {
  if (zone === '') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const profileLine = (max: number, what: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.maxLength(max, `${what} has at most ${max} characters`),
      z.refine(hasNoInvisible, `${what} may not contain invisible characters`),
    );

export const profileSettingsBody = z.strictObject({
  displayName: z.optional(profileLine(limits.displayNameMax, 'A display name')),
  status: z.optional(profileLine(limits.statusMax, 'A status')),
  timeZone: z.optional(z.string().check(z.maxLength(64), z.refine(knownTimeZone, 'Unknown time zone'))),
  directPolicy: z.optional(z.enum(['anyone', 'shared_room'])),
});

export const groupNameBody = z.strictObject({
  // '' takes the name away: the group is named by its people again.
  name: z.union([z.literal(''), roomNameSchema]),
});

export const addPeopleBody = z.strictObject({ userIds: directPeople('Pick someone to add') });

export const userIdParam = z.object({ userId: id });

export type ProfileSettingsBody = z.infer<typeof profileSettingsBody>;
export type GuestBody = z.infer<typeof guestBody>;
export type StartDirectBody = z.infer<typeof startDirectBody>;
export type CreateRoomBody = z.infer<typeof createRoomBody>;
export type JoinRoomBody = z.infer<typeof joinRoomBody>;
export type MessagesQuery = z.infer<typeof messagesQuery>;
export type RoomJoinPayload = z.infer<typeof roomJoinPayload>;
export type PushSubscriptionBody = z.infer<typeof pushSubscriptionBody>;
export type MessageSendPayload = z.infer<typeof messageSendPayload>;
export type MessagePreviewRemovePayload = z.infer<typeof messagePreviewRemovePayload>;
export type MessageEditPayload = z.infer<typeof messageEditPayload>;
export type MessageDeletePayload = z.infer<typeof messageDeletePayload>;
export type MessageReactPayload = z.infer<typeof messageReactPayload>;

// Accounts. Passwords follow NIST 800-63B: length only, no composition rules.
export const passwordSchema = z
  .string()
  .check(
    z.minLength(limits.passwordMin, `A password needs at least ${limits.passwordMin} characters`),
    z.maxLength(limits.passwordMax, `A password has at most ${limits.passwordMax} characters`),
  );

export const emailSchema = z.pipe(
  z.string().check(z.trim(), z.maxLength(254, 'An e-mail address has at most 254 characters')),
  z.email('That does not look like an e-mail address'),
);

const loginText = z.string().check(z.trim(), z.minLength(1), z.maxLength(254));
const givenPassword = z.string().check(z.minLength(1), z.maxLength(limits.passwordMax));

export const registerBody = z.object({ username: usernameSchema, email: emailSchema, password: passwordSchema });
export const loginBody = z.object({ login: loginText, password: givenPassword });
export const passwordResetBody = z.object({ email: loginText });
export const passwordResetConfirmBody = z.object({ token: z.string().check(z.minLength(16), z.maxLength(128)), password: passwordSchema });
export const changePasswordBody = z.object({ currentPassword: givenPassword, newPassword: passwordSchema });
export const changeEmailBody = z.object({ email: emailSchema, password: givenPassword });

export type RegisterBody = z.infer<typeof registerBody>;
export type LoginBody = z.infer<typeof loginBody>;
