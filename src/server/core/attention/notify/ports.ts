import type { Mention, RoomKind } from '../../../../contract/types.js';
import type { ChosenLevel } from '../ports.js';

/** A message waiting to be handed out to notifications, with what a notification shows. */
export interface WaitingMessage {
  id: string;
  seq: number;
  authorId: string;
  authorName: string;
  text: string;
  mentions: Mention[];
  deleted: boolean;
}

/** A member who could be pushed to: only members with at least one browser subscribed. */
export interface PushRecipient {
  userId: string;
  readSeq: number;
  level: ChosenLevel;
  muted: boolean;
  endpoints: string[];
}

export interface WaitingRoom {
  roomId: string;
  name: string;
  kind: RoomKind;
  memberCount: number;
  /** Notifications were handed out up to here. */
  notifiedSeq: number;
  /** The room's last message now: with no recipients, the hand-out goes straight there. */
  lastSeq: number;
  messages: WaitingMessage[];
  recipients: PushRecipient[];
}

export interface NewDelivery {
  id: string;
  userId: string;
  endpoint: string;
  roomId: string;
  messageId: string;
  payload: string;
  runAt: string;
}

export interface Delivery extends NewDelivery {
  attempts: number;
}

export interface PushSubscriptionRecord {
  endpoint: string;
  userId: string;
  p256dh: string;
  auth: string;
}

/** The durable queue: a room's messages past `notified_seq`, handed out once into deliveries. */
export interface NotifyStore {
  /** Rooms with messages not handed out yet. */
  roomsWaiting(limit: number): Promise<string[]>;
  /** Hands out everything waiting in rooms where no member has a browser subscribed (to no one), in one statement. */
  skipQuietRooms(): Promise<void>;
  /** The next messages of the room past its notified seq (at most `limit`), and its push recipients. */
  readWaiting(roomId: string, limit: number): Promise<WaitingRoom | undefined>;
  /**
   * Moves the room's notified seq from `fromSeq` to `toSeq` and stores the deliveries, in one
   * transaction; false (and nothing stored) when another process moved it first.
   */
  handOut(roomId: string, fromSeq: number, toSeq: number, deliveries: readonly NewDelivery[]): Promise<boolean>;
  /** Push recipients among these members of the room (an edit that adds mentions). */
  recipientsAmong(roomId: string, userIds: readonly string[]): Promise<PushRecipient[]>;
  addDeliveries(deliveries: readonly NewDelivery[]): Promise<void>;
  dueDeliveries(now: string, limit: number): Promise<Delivery[]>;
  /**
   * Takes the delivery for one more attempt: counts it and moves its run_at to `until`, if it has
   * had `attempts` so far; false when another process took it first.
   */
  leaseDelivery(id: string, attempts: number, until: string): Promise<boolean>;
  /** A failed attempt: tried again at `runAt`. */
  retryDelivery(id: string, runAt: string): Promise<void>;
  finishDelivery(id: string): Promise<void>;
  findSubscription(endpoint: string): Promise<PushSubscriptionRecord | undefined>;
  /** Keeps the browser's subscription for the user (a browser moving to another person moves too). */
  saveSubscription(subscription: PushSubscriptionRecord, at: string): Promise<void>;
  countSubscriptions(userId: string): Promise<number>;
  /** Removes the subscription (of this user only, when given). */
  removeSubscription(endpoint: string, userId?: string): Promise<void>;
}

export type PushOutcome = 'sent' | 'gone' | 'failed';

/** Sends one encrypted, VAPID-signed push to a browser's push service. */
export interface PushSender {
  readonly publicKey: string;
  send(subscription: PushSubscriptionRecord, payload: string): Promise<PushOutcome>;
}

/** One unread mention (or direct message) for the e-mail digest. */
export interface DigestItem {
  roomId: string;
  roomName: string;
  roomKind: RoomKind;
  seq: number;
  authorName: string;
  text: string;
  createdAt: string;
}

export interface DigestStore {
  /**
   * People with an e-mail address, a digest interval, none sent within it, and an unread mention
   * written between `since` and their interval ago.
   */
  digestCandidates(now: string, since: string, limit: number): Promise<Array<{ userId: string; email: string; sentAt: string | null }>>;
  /** Their unread mentions written after their last digest's and at least their interval ago (oldest first). */
  digestItems(userId: string, now: string, since: string, limit: number): Promise<DigestItem[]>;
  /** Records the mail before it is sent; false when another process sent one first. */
  claimDigest(userId: string, previousSentAt: string | null, now: string, through: string): Promise<boolean>;
  digestMinutes(userId: string): Promise<number | undefined>;
  setDigestMinutes(userId: string, minutes: number): Promise<void>;
}
