import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/**
 * Attention: how far each member has read (`last_read_seq`; everything before this migration
 * counts as read), how loudly a room may call them (`notify_level`: 'default' follows the room's
 * size; 'all', 'mentions', 'nothing') and whether it is muted. A message keeps whom it mentions
 * (`messages.mentions`, JSON) and each mention is a row of `mentions` (user_id '*' for everyone
 * in the room: `@room` and every message of a direct conversation), which the counts and the
 * e-mail digest read. `rooms.notified_seq` is how far notifications were handed out (the durable
 * queue is the messages themselves past it); `deliveries` are the pushes still to send (one per
 * browser), with retries; `push_subscriptions` one browser each. Users choose a digest interval (0 = off).
 * Frozen once released: later changes go in a new migration.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const time = engine === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .alterTable('memberships')
    .addColumn('last_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('memberships')
    .addColumn('notify_level', 'text', (c) => c.notNull().defaultTo('default'))
    .execute();
  await db.schema
    .alterTable('memberships')
    .addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update memberships set last_read_seq = (select last_seq from rooms where rooms.id = memberships.room_id)`.execute(db);

  await db.schema
    .alterTable('messages')
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createTable('mentions')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('mentions_pk', ['room_id', 'seq', 'user_id'])
    .execute();
  await db.schema.createIndex('mentions_by_time').on('mentions').columns(['created_at']).execute();
  await db.schema.createIndex('mentions_by_message').on('mentions').columns(['message_id']).execute();

  await db.schema
    .alterTable('rooms')
    .addColumn('mention_policy', 'text', (c) => c.notNull().defaultTo('everyone'))
    .execute();
  await db.schema
    .alterTable('rooms')
    .addColumn('notified_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update rooms set notified_seq = last_seq`.execute(db);
  await db.schema.createIndex('rooms_notify_backlog').on('rooms').columns(['notified_seq', 'last_seq']).execute();

  await db.schema
    .alterTable('users')
    .addColumn('digest_minutes', 'integer', (c) => c.notNull().defaultTo(10))
    .execute();
  await db.schema.alterTable('users').addColumn('digest_through', time).execute();
  await db.schema.alterTable('users').addColumn('digest_sent_at', time).execute();

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('endpoint', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('push_subscriptions_user').on('push_subscriptions').column('user_id').execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('endpoint', 'text', (c) => c.notNull().references('push_subscriptions.endpoint').onDelete('cascade'))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deliveries_due').on('deliveries').column('run_at').execute();
  await db.schema.createIndex('deliveries_by_message').on('deliveries').column('message_id').execute();
}
