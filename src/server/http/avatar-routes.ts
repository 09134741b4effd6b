import type { FastifyInstance } from 'fastify';
import { avatarCropFields, avatarQuery, userIdParam } from '../../contract/schemas.js';
import { avatarOf, removeAvatar, setAvatar, type AvatarSize } from '../core/people/avatar.js';
import type { CoreDeps } from '../core/shared/deps.js';
import { DomainError } from '../core/shared/domain-error.js';
import { receiveOneFile } from './multipart-upload.js';
import { parse } from './parse.js';
import { sendBlob } from './send-blob.js';
import { requireUser } from './session-context.js';

/** 10 MB is plenty for a photo that becomes a 256-pixel square. */
const avatarMaxBytes = 10 * 1024 * 1024;

/** One's profile picture (set from an upload with the square to keep, or removed), and anyone's. */
export function avatarRoutes(deps: CoreDeps, spoolDir: string) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/api/account/avatar', async (request) => {
      const user = requireUser(request);
      const maxBytes = Math.min(avatarMaxBytes, deps.uploads.maxBytes);
      const { fields, file } = await receiveOneFile(
        request,
        spoolDir,
        maxBytes,
        () => new DomainError('PAYLOAD_TOO_LARGE', `A profile picture may have at most ${Math.floor(maxBytes / (1024 * 1024))} MB`),
      );
      try {
        const crop =
          fields.x === undefined && fields.y === undefined && fields.size === undefined ? undefined : parse(avatarCropFields, fields);
        return { avatar: await setAvatar(deps, user, file, crop) };
      } finally {
        deps.background(deps.media.discard(file), "removing an upload's local file");
      }
    });

    app.delete('/api/account/avatar', async (request, reply) => {
      await removeAvatar(deps, requireUser(request));
      return reply.status(204).send();
    });

    app.get('/api/people/:userId/avatar', async (request, reply) => {
      const viewer = requireUser(request);
      const { userId } = parse(userIdParam, request.params);
      const { size, v } = parse(avatarQuery, request.query);
      const avatar = await avatarOf(deps, viewer, userId, Number(size) as AvatarSize);
      // The address names the version: a new picture is a new address, so this one never changes.
      const immutable = v === avatar.version;
      return sendBlob(deps.blobs, request, reply, { key: avatar.key, type: 'image/webp', name: 'avatar.webp', inline: true, immutable });
    });
  };
}
