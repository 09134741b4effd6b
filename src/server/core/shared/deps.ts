import type { Message } from '../../../contract/types.js';
import type { PeopleStore } from '../people/ports.js';
import type { AttentionStore } from '../attention/ports.js';
import type { DigestStore, NotifyStore, PushSender } from '../attention/notify/ports.js';
import type { Mailer, PasswordHasher, ResetTokenStore, SessionStore, UserStore } from '../accounts/ports.js';
import type { MessageStore } from '../messages/ports.js';
import type { BlobStore, FileStore, MediaWork } from '../files/ports.js';
import type { PreviewFetcher, PreviewStore } from '../previews/ports.js';
import type { PresenceTracker } from '../presence/ports.js';
import type { RoomStore } from '../rooms/ports.js';
import type { Broadcaster, Clock, Ids, RateLimiter } from './ports.js';
import type { RateRules } from './rate-rules.js';

/** Everything a use case may touch, handed in by the composition root. */
export interface CoreDeps {
  users: UserStore;
  sessions: SessionStore;
  rooms: RoomStore;
  messages: MessageStore;
  resetTokens: ResetTokenStore;
  people: PeopleStore;
  attention: AttentionStore;
  notify: NotifyStore;
  digests: DigestStore;
  files: FileStore;
  /** The bytes of files, avatars and preview pictures. */
  blobs: BlobStore;
  media: MediaWork;
  previews: PreviewStore;
  previewFetcher: PreviewFetcher;
  /** Per-file limit and per-person quota, in bytes (HEARTH_UPLOAD_MAX, HEARTH_UPLOAD_QUOTA). */
  uploads: { maxBytes: number; quotaBytes: number };
  /** Web Push with this server's VAPID keys. */
  push: PushSender;
  /** Hosts a push endpoint may be on (HEARTH_PUSH_HOSTS; `*.` for any subdomain). */
  pushHosts: readonly string[];
  /** A message was stored: fetch its first link's card after the answer (a change of its own). */
  previewSoon: (message: Message) => void;
  /** Notifications are waiting (a message stored in that room, pushes queued): hand them out soon, after the answer. */
  notifySoon: (roomId?: string) => void;
  passwords: PasswordHasher;
  mailer: Mailer;
  presence: PresenceTracker;
  broadcast: Broadcaster;
  limiter: RateLimiter;
  rateRules: RateRules;
  ids: Ids;
  clock: Clock;
  /** Sliding: a session unused this long ends. */
  sessionTtlMs: number;
  /** Absolute: a session ends this long after sign-in, however much it is used. */
  sessionLifetimeMs: number;
  /** Where people reach this server: the base of links in mails. */
  publicUrl: string;
  /** Runs work the caller does not wait for; the composition root reports its failures. */
  background: (work: Promise<unknown>, what: string) => void;
}
