import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The parts' import rules live in eslint.config.js; these cases are the directions that matter
// most, each a real file with one wrong import added in front.
const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function refusals(file: string, wrongImport: string): Promise<string[]> {
  const text = `${wrongImport}\n${readFileSync(resolve(root, file), 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const wrongImports: Array<[string, string, string]> = [
  ['web ↛ server', 'src/web/session.ts', "import '../server/app.js';"],
  ['http ↛ realtime', 'src/server/http/room-routes.ts', "import '../realtime/gateway.js';"],
  ['realtime ↛ http', 'src/server/realtime/gateway.ts', "import '../http/errors.js';"],
  ['storage ↛ transport', 'src/server/storage/stores.ts', "import '../transport/origin.js';"],
  ['core ↛ storage', 'src/server/core/rooms/open-room.ts', "import '../../storage/database.js';"],
  ['core ↛ Node IO', 'src/server/core/rooms/open-room.ts', "import 'node:fs';"],
  ['contract ↛ server', 'src/contract/limits.ts', "import '../server/config.js';"],
  ['an adapter ↛ the composition root', 'src/server/memory/node-ids.ts', "import '../config.js';"],
];

describe('the linter holds the boundaries', () => {
  it.each(wrongImports)(
    '%s',
    async (_direction, file, wrongImport) => {
      expect(await refusals(file, wrongImport)).toHaveLength(1);
    },
    60_000,
  );

  it('accepts the files as they are', async () => {
    for (const [, file] of wrongImports) expect(await refusals(file, '')).toEqual([]);
  }, 60_000);
});
