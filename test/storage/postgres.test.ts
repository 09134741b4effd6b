import { describe } from 'vitest';
import { openDatabase } from '../../src/server/storage/database.js';
import { dropSchema, postgresUnavailable, testDatabaseUrl, throwawaySchemaName } from '../support/postgres.js';
import { describeStoreContract } from './stores.contract.js';

const unavailable = await postgresUnavailable();
const schema = throwawaySchemaName('storage');

describe.skipIf(unavailable !== undefined)('PostgreSQL', () => {
  describeStoreContract('PostgreSQL', {
    open: () => openDatabase(testDatabaseUrl, { schema }),
    cleanup: () => dropSchema(schema),
    sharedByProcesses: true,
  });
});
