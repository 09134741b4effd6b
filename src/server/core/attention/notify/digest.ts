import type { CoreDeps } from '../../shared/deps.js';
import type { DigestItem } from './ports.js';

type DigestDeps = Pick<CoreDeps, 'digests' | 'mailer' | 'clock' | 'publicUrl'>;

/** Mentions older than this are not mailed any more: a digest is about what was just missed. */
const lookBackMs = 24 * 60 * 60 * 1000;
const itemsPerMail = 20;

function digestMail(items: DigestItem[], publicUrl: string): { subject: string; text: string } {
  const base = publicUrl.replace(/\/$/, '');
  const rooms = new Set(items.map((i) => i.roomId)).size;
  const subject = items.length === 1 ? `${items[0]!.authorName} mentioned you on Hearth` : `${items.length} messages for you on Hearth`;
  const lines = items.map((item) => {
    const where = item.roomKind === 'direct' ? 'a direct message' : item.roomName;
    const excerpt = item.text.length > 200 ? `${item.text.slice(0, 199)}…` : item.text;
    return `${item.authorName} in ${where}:\n  ${excerpt.replace(/\n/g, '\n  ')}\n  ${base}/rooms/${encodeURIComponent(item.roomId)}?seq=${item.seq}`;
  });
  const text = [
    `You have ${items.length === 1 ? 'a message' : `${items.length} messages`} you have not read${rooms > 1 ? ` in ${rooms} conversations` : ''}:`,
    '',
    lines.join('\n\n'),
    '',
    `Change how often Hearth mails you: ${base}/account`,
  ].join('\n');
  return { subject, text };
}

/**
 * One mail per person and interval for the mentions and direct messages they have not read
 * within it. The mail is recorded (claimDigest) before it is sent, so two processes never both
 * send it, and nothing is mailed twice.
 */
export async function sendDigests(deps: DigestDeps, limit = 100): Promise<number> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const since = new Date(now.getTime() - lookBackMs).toISOString();
  let sent = 0;
  for (const person of await deps.digests.digestCandidates(at, since, limit)) {
    const items = await deps.digests.digestItems(person.userId, at, since, itemsPerMail);
    const newest = items.at(-1);
    if (!newest) continue;
    if (!(await deps.digests.claimDigest(person.userId, person.sentAt, at, newest.createdAt))) continue;
    await deps.mailer.send({ to: person.email, ...digestMail(items, deps.publicUrl) });
    sent++;
  }
  return sent;
}
