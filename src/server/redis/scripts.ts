import { createHash } from 'node:crypto';
import type { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

export interface Script {
  source: string;
  sha: string;
}

export function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** EVALSHA, falling back to EVAL once when Redis does not know the script (first use, or after a restart). */
export async function runScript(client: RedisClient, { source, sha }: Script, keys: string[], args: string[]): Promise<unknown> {
  const options = { keys, arguments: args };
  try {
    return await client.evalSha(sha, options);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return client.eval(source, options);
  }
}

export function asNumbers(reply: unknown): number[] {
  if (!Array.isArray(reply)) throw new Error(`Unexpected Redis reply ${JSON.stringify(reply)}`);
  return reply.map(Number);
}

export function asStrings(reply: unknown): string[] {
  if (!Array.isArray(reply)) throw new Error(`Unexpected Redis reply ${JSON.stringify(reply)}`);
  return reply.map(String);
}
