import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { altTextSchema, fileAltBody, fileParams, fileQuery, previewImageParams, roomIdParams } from '../../contract/schemas.js';
import { enforceRate } from '../core/shared/rate-rules.js';
import { allowUpload, storageFull, storeUpload, tooLarge } from '../core/files/upload-file.js';
import { openFile } from '../core/files/open-file.js';
import { describeFile } from '../core/files/describe-file.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { notFound } from '../core/shared/domain-error.js';
import { parse } from './parse.js';
import { requireUser } from './session-context.js';
import { receiveOneFile } from './multipart-upload.js';
import { sendBlob } from './send-blob.js';
import { avatarRoutes } from './avatar-routes.js';

/**
 * Uploads into a room (one file a request, so each has its own progress and can be cancelled) and
 * the files' bytes, each request checked against the room's membership as it is now.
 */
export function fileRoutes(deps: CoreDeps, spoolDir: string) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(fastifyMultipart, {
      limits: { files: 1, fields: 4, parts: 5, fieldSize: 2_000, fileSize: deps.uploads.maxBytes + 1 },
    });

    app.post('/api/rooms/:id/files', async (request, reply) => {
      const user = requireUser(request);
      const { id } = parse(roomIdParams, request.params);
      // Refused before its body is read: the connection closes, so the client stops sending it.
      const allowance = await allowUpload(deps, user, id).catch((error: unknown) => {
        void reply.header('connection', 'close');
        throw error;
      });
      const { name, fields, file } = await receiveOneFile(request, spoolDir, allowance.maxBytes, () =>
        allowance.byQuota ? storageFull() : tooLarge(deps.uploads.maxBytes),
      );
      const alt = fields.alt === undefined ? '' : parse(altTextSchema, fields.alt);
      const attachment = await storeUpload(deps, user, id, { name, alt, file });
      return reply.status(201).send({ attachment });
    });

    app.get('/api/files/:id', async (request, reply) => {
      const user = requireUser(request);
      const { id } = parse(fileParams, request.params);
      const { download } = parse(fileQuery, request.query);
      const file = await openFile(deps, user, id);
      return sendBlob(deps.blobs, request, reply, {
        key: file.storageKey,
        size: file.size,
        type: file.type,
        name: file.name,
        inline: file.kind !== 'file' && download === undefined,
      });
    });

    app.patch('/api/files/:id', async (request) => {
      const user = requireUser(request);
      const { id } = parse(fileParams, request.params);
      return { attachment: await describeFile(deps, user, id, parse(fileAltBody, request.body).alt) };
    });

    app.get('/api/files/:id/thumb', async (request, reply) => {
      const user = requireUser(request);
      const { id } = parse(fileParams, request.params);
      const file = await openFile(deps, user, id);
      if (!file.thumbKey) throw notFound('Thumbnail');
      return sendBlob(deps.blobs, request, reply, { key: file.thumbKey, type: 'image/webp', name: `${file.name}.webp`, inline: true });
    });

    await app.register(avatarRoutes(deps, spoolDir));

    // A card's picture came from the public web, re-encoded: anyone signed in may see it.
    app.get('/api/previews/:id', async (request, reply) => {
      const user = requireUser(request);
      const { id } = parse(previewImageParams, request.params);
      await enforceRate(deps.limiter, deps.rateRules.fileReads, user.id);
      const image = await deps.previews.findPreviewImage(id);
      if (!image) throw notFound('Picture');
      return sendBlob(deps.blobs, request, reply, { key: image.storageKey, type: 'image/webp', name: 'preview.webp', inline: true });
    });
  };
}
