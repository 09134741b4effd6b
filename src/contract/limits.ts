export const limits = {
  usernameMax: 32,
  roomNameMax: 64,
  topicMax: 256,
  textMax: 4000,
  /** How much of the answered message a reply carries. */
  replyExcerptMax: 140,
  /** Distinct emoji on one message. */
  reactionsPerMessageMax: 20,
  emojiMax: 32,
  clientIdMax: 64,
  pageDefault: 50,
  pageMax: 100,
  directoryPageMax: 100,
  catchUpMax: 100,
  socketFrameBytes: 64 * 1024,
  /** A public room's code only saves typing its name; 8 characters, about 40 bits. */
  roomCodeLength: 8,
  /** People besides oneself in a direct conversation (a group DM); more is a room. */
  directOthersMax: 8,
  peopleSearchMax: 20,
  displayNameMax: 64,
  statusMax: 140,
  /** The people panel lists this many members at most (online ones always, from presence). */
  membersPageMax: 500,
  /** A private room's code is its only lock: 11 characters of 31 are 54 bits. */
  privateRoomCodeLength: 11,
  /** People one message may mention by name; more are left as text. */
  mentionsPerMessageMax: 50,
  /** Unread and mention counts stop here (the badge shows "999+"). */
  unreadCountMax: 999,
  /** Rooms with more members default to "Mentions only". */
  quietRoomSize: 20,
  /** Push subscriptions (browsers) one person may have. */
  pushSubscriptionsMax: 20,
  /** Files one message may carry. */
  attachmentsPerMessageMax: 10,
  fileNameMax: 200,
  /** What an author may say a picture shows (its alt text). */
  altTextMax: 500,
  passwordMin: 10,
  passwordMax: 256,
} as const;

/** Share codes use an alphabet without look-alikes (no 0/O, 1/I/L). */
export const roomCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
