import { loadConfig, publicBaseUrl } from './config.js';
import { DomainError } from './core/shared/domain-error.js';
import { listUsers, makeAdmin, operatorResetLink } from './core/accounts/operator-commands.js';
import { nodeIds, systemClock } from './memory/node-ids.js';
import { createStores, openDatabase } from './storage/stores.js';

/** Operators' tool: `npm run hearth -- <command>`, against the DATABASE_URL the server uses. */
const usage = `usage: npm run hearth -- <command>
  reset-link <user>   print a one-time password-reset link (valid for an hour)
  make-admin <user>   make the account an admin
  list-users          list every user: name, kind, e-mail, id
<user> is a username or an e-mail address.`;

const [command, target] = process.argv.slice(2);
const config = loadConfig();
const known = ['reset-link', 'make-admin', 'list-users'];
if (!command || !known.includes(command) || (command !== 'list-users' && !target)) {
  console.error(usage);
  process.exit(2);
}

const database = await openDatabase(config.databaseUrl);
const stores = createStores(database);
const deps = { users: stores.users, resetTokens: stores.resetTokens, ids: nodeIds, clock: systemClock, publicUrl: publicBaseUrl(config) };
try {
  if (command === 'reset-link') console.log(await operatorResetLink(deps, target!));
  if (command === 'make-admin') console.log(`${(await makeAdmin(deps, target!)).user.username} is now an admin`);
  if (command === 'list-users') {
    for (const { user, email } of await listUsers(deps)) console.log([user.username, user.kind, email ?? '-', user.id].join('\t'));
  }
} catch (error) {
  console.error(error instanceof DomainError ? `hearth: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
