import type { ChangeOutcome, MessageChange } from '../../core/messages/ports.js';
import { toggleReaction } from '../../core/messages/reactions.js';
import type { Database } from '../database.js';
import { findById, findRowById, insertMentionRows, mentionsJson, parseReactions, type MessageQueries } from './message-rows.js';

/** Thrown inside the transaction to roll it back (and so return its change position) untouched. */
const refused = Symbol('refused');

/**
 * One change to one message, in one transaction. The room's row is updated first: on PostgreSQL
 * that lock orders every change in the room across processes, so the message is read and written
 * by one change at a time (two reactions at once cannot lose one another) and positions are taken
 * in commit order; a refusal rolls back and leaves no gap.
 */
export async function changeMessage(
  q: MessageQueries,
  database: Database,
  roomId: string,
  messageId: string,
  change: MessageChange,
): Promise<ChangeOutcome> {
  let refusal: ChangeOutcome = { ok: false, reason: 'not_found' };
  try {
    return await database.write(async (trx): Promise<ChangeOutcome> => {
      const position = (await q.takeNextChange(trx, roomId)).rows[0]?.last_change;
      const current = position === undefined ? undefined : await findRowById(q, trx, roomId, messageId);
      if (position === undefined || current === undefined || current.deleted_at !== null) throw refused;
      let on: boolean | undefined;
      if (change.kind === 'edit') {
        await q.setText(trx, messageId, change.text, change.at, position, mentionsJson(change.mentions ?? []));
        await q.forgetMentions(trx, messageId);
        const at = { roomId, seq: current.seq, messageId, authorId: current.author_id, at: change.at };
        await insertMentionRows(trx, at, change.mentioned ?? []);
      } else if (change.kind === 'delete') {
        await q.markDeleted(trx, messageId, change.at, position);
        await q.forgetMentions(trx, messageId);
        // Its pushes not sent yet are not sent.
        await q.forgetDeliveries(trx, messageId);
        await q.markFilesDeleted(trx, messageId, change.at);
      } else if (change.kind === 'preview') {
        await q.setPreview(trx, messageId, change.preview === null ? null : JSON.stringify(change.preview), position);
      } else {
        const toggled = toggleReaction(parseReactions(current.reactions), change.by, change.emoji, change.maxEmoji);
        if (!toggled) {
          refusal = { ok: false, reason: 'too_many_reactions' };
          throw refused;
        }
        on = toggled.on;
        await q.setReactions(trx, messageId, JSON.stringify(toggled.reactions), position);
      }
      const message = await findById(q, trx, roomId, messageId, change.by);
      if (!message) throw new Error(`Message ${messageId} vanished while it was changed`);
      return on === undefined ? { ok: true, message } : { ok: true, message, on };
    });
  } catch (error) {
    if (error === refused) return refusal;
    throw error;
  }
}
