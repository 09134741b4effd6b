import type { FastifyInstance } from 'fastify';
import type { Message } from '../../contract/types.js';
import { previewMessage } from '../core/previews/preview-message.js';
import type { CoreDeps } from '../core/shared/deps.js';

/** Pages fetched at once, and messages waiting beyond which new ones get no card (a flood of links). */
const concurrency = 4;
const maxWaiting = 500;

export interface PreviewRunner {
  enqueue(message: Message): void;
  /** Resolves when nothing is waiting or being fetched (tests). */
  idle(): Promise<void>;
}

/**
 * Cards are fetched after the message's acknowledgement, a few at a time, in this process: each
 * is a change stored through the room's change sequence, so every process's clients get it.
 */
export function schedulePreviews(app: FastifyInstance, deps: CoreDeps, enabled: boolean): PreviewRunner {
  const waiting: Message[] = [];
  let running = 0;
  let closed = false;
  let idleWaiters: Array<() => void> = [];
  const settle = () => {
    if (running === 0 && waiting.length === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };
  const pump = () => {
    while (!closed && running < concurrency && waiting.length > 0) {
      const message = waiting.shift()!;
      running++;
      previewMessage(deps, message)
        .catch((err: unknown) => app.log.warn({ err, messageId: message.id }, 'link preview failed'))
        .finally(() => {
          running--;
          pump();
          settle();
        });
    }
  };
  app.addHook('onClose', async () => {
    closed = true;
    waiting.length = 0;
    settle();
  });
  return {
    enqueue(message) {
      if (!enabled || closed || waiting.length >= maxWaiting) return;
      waiting.push(message);
      pump();
    },
    idle: () => (running === 0 && waiting.length === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
  };
}
