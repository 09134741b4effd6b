import { z } from 'zod';
import { limits, roomCodeAlphabet } from './limits.js';
import { hasNoInvisible, showsSomething } from './text-rules.js';

/** Every HTTP body and socket payload is parsed by one of these, on the server and in the web client. */

const id = z.string().min(1).max(64);

export const usernameSchema = z
  .string()
  .trim()
  .min(1, 'A name needs at least one character')
  .max(limits.usernameMax, `A name has at most ${limits.usernameMax} characters`)
  .regex(/^[\p{L}\p{N} _.-]+$/u, 'A name may use letters, digits, spaces, _ - and .')
  .refine(hasNoInvisible, 'A name may not contain invisible characters')
  .refine(showsSomething, 'A name needs at least one letter or digit');

export const roomNameSchema = z
  .string()
  .trim()
  .min(1, 'A room name needs at least one character')
  .max(limits.roomNameMax, `A room name has at most ${limits.roomNameMax} characters`)
  .refine(hasNoInvisible, 'A room name may not contain invisible characters')
  .refine(showsSomething, 'A room name needs at least one letter or digit');

export const roomCodeSchema = z
  .string()
  .trim()
  .min(6)
  .max(16)
  .transform((code) => code.toUpperCase())
  .refine((code) => [...code].every((c) => roomCodeAlphabet.includes(c)), 'Not a room code');

export const messageTextSchema = z
  .string()
  .transform((text) => text.trimEnd())
  .pipe(z.string().min(1, 'A message cannot be empty').max(limits.textMax, `A message has at most ${limits.textMax} characters`));

export const guestBody = z.object({ username: usernameSchema });

export const createRoomBody = z.object({
  name: roomNameSchema,
  topic: z
    .string()
    .trim()
    .max(limits.topicMax)
    .refine(hasNoInvisible, 'A topic may not contain invisible characters')
    .optional()
    .default(''),
  visibility: z.enum(['public', 'private']).optional().default('public'),
});

export const joinRoomBody = z.union([z.object({ code: roomCodeSchema }).strict(), z.object({ name: roomNameSchema }).strict()]);

const seqParam = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const messagesQuery = z
  .object({
    before: seqParam.optional(),
    after: seqParam.optional(),
    limit: z.coerce.number().int().min(1).max(limits.pageMax).optional().default(limits.pageDefault),
  })
  .refine((q) => q.before === undefined || q.after === undefined, 'Use before or after, not both');

export const roomIdParams = z.object({ id });

export const roomsQuery = z.object({
  cursor: z
    .string()
    .max(400)
    .regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor from this server')
    .optional(),
  limit: z.coerce.number().int().min(1).max(limits.directoryPageMax).optional().default(limits.directoryPageMax),
});
export type RoomsQuery = z.infer<typeof roomsQuery>;
export const inviteParams = z.object({ code: roomCodeSchema });

export const roomJoinPayload = z.object({
  roomId: id,
  afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const roomLeavePayload = z.object({ roomId: id });

export const messageSendPayload = z.object({
  roomId: id,
  text: messageTextSchema,
  clientId: z.string().min(1).max(limits.clientIdMax),
});

export type GuestBody = z.infer<typeof guestBody>;
export type CreateRoomBody = z.infer<typeof createRoomBody>;
export type JoinRoomBody = z.infer<typeof joinRoomBody>;
export type MessagesQuery = z.infer<typeof messagesQuery>;
export type RoomJoinPayload = z.infer<typeof roomJoinPayload>;
export type MessageSendPayload = z.infer<typeof messageSendPayload>;

// Accounts. Passwords follow NIST 800-63B: length only, no composition rules.
export const passwordSchema = z
  .string()
  .min(limits.passwordMin, `A password needs at least ${limits.passwordMin} characters`)
  .max(limits.passwordMax, `A password has at most ${limits.passwordMax} characters`);

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'An e-mail address has at most 254 characters')
  .pipe(z.email('That does not look like an e-mail address'));

export const registerBody = z.object({ username: usernameSchema, email: emailSchema, password: passwordSchema });
export const loginBody = z.object({ login: z.string().trim().min(1).max(254), password: z.string().min(1).max(limits.passwordMax) });
export const passwordResetBody = z.object({ email: z.string().trim().min(1).max(254) });
export const passwordResetConfirmBody = z.object({ token: z.string().min(16).max(128), password: passwordSchema });
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(limits.passwordMax), newPassword: passwordSchema });
export const changeEmailBody = z.object({ email: emailSchema, password: z.string().min(1).max(limits.passwordMax) });

export type RegisterBody = z.infer<typeof registerBody>;
export type LoginBody = z.infer<typeof loginBody>;
