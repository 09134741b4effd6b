import { afterAll, describe, expect, it } from 'vitest';
import type { CommandAck } from '../../src/contract/commands.js';
import type { Message } from '../../src/contract/types.js';
import { s3BlobStore } from '../../src/server/blobs/s3-blob-store.js';
import { createRoom, joinByCode, remove } from '../support/chat.js';
import { clusterSuite, clusterUnavailable } from '../support/cluster.js';
import { download, jpegWithLocation, upload } from '../support/files.js';
import { guest, waitFor } from '../support/hearth.js';
import { startS3 } from '../support/s3-server.js';

const skip = (await clusterUnavailable()) !== undefined;
const s3 = await startS3('hearth-cluster');
afterAll(() => s3.stop());

/*
 * Two processes sharing PostgreSQL, Redis and one S3 bucket: a file uploaded through one is
 * sent, served and deleted through the other, and the membership check is the database's, so a
 * leaver is refused by both.
 */
describe.skipIf(skip)('files on two processes', () => {
  const suite = clusterSuite('files', { deps: { blobs: s3BlobStore(s3.settings) } });

  it('uploaded on one process, served by the other to members only, and gone from both once deleted', async () => {
    const [a, b] = [suite.nodes[0]!, suite.nodes[1]!];
    const [ann, bob, eve] = [await guest(a), await guest(b), await guest(b)];
    const room = await createRoom(a, ann, `Shared files ${process.pid}`, 'private');
    await joinByCode(b, bob, room.code);
    const up = await upload(a, ann, room.id, { name: 'shared.jpg', bytes: await jpegWithLocation(800, 600) });
    expect(up.status).toBe(201);
    const [annOnA, bobOnB] = [await suite.open(a, ann.token), await suite.open(b, bob.token)];
    const ack = (await annOnA.socket.timeout(5000).emitWithAck('message:send', {
      roomId: room.id,
      text: 'from a',
      clientId: 'cluster-file-1',
      attachments: [up.body.attachment!.id],
    })) as CommandAck<'message:send'>;
    if (!ack.ok) throw new Error(ack.error.message);
    const live = await waitFor(
      () => bobOnB.events.find((e) => e.event === 'message:created' && (e.data as { message: Message }).message.id === ack.message.id),
      'the message with its file reaches b',
    );
    const id = (live.data as { message: Message }).message.attachments[0]!.id;
    const onB = await download(b, bob, `/api/files/${id}/thumb`);
    expect([onB.status, onB.headers.get('content-type')]).toEqual([200, 'image/webp']);
    expect((await download(b, eve, `/api/files/${id}`)).status).toBe(404);

    const deleted = await remove(annOnA, room.id, ack.message.id);
    expect(deleted.ok).toBe(true);
    expect((await download(b, bob, `/api/files/${id}`)).status).toBe(404);
    expect((await download(a, ann, `/api/files/${id}`)).status).toBe(404);
  });
});
