import { describe } from 'vitest';
import { openDatabase } from '../../src/server/storage/database.js';
import { dropSchema, postgresUnavailable, testDatabaseUrl, throwawaySchemaName } from '../support/postgres.js';
import { describeStoreContract } from './stores.contract.js';

const unavailable = await postgresUnavailable();
const schema = throwawaySchemaName('storage');
const freshSchemas: string[] = [];

describe.skipIf(unavailable !== undefined)('PostgreSQL', () => {
  describeStoreContract('PostgreSQL', {
    open: () => openDatabase(testDatabaseUrl, { schema }),
    freshDatabase: () => {
      const fresh = throwawaySchemaName('storage');
      freshSchemas.push(fresh);
      return () => openDatabase(testDatabaseUrl, { schema: fresh });
    },
    cleanup: async () => {
      for (const name of [schema, ...freshSchemas]) await dropSchema(name);
    },
    sharedByProcesses: true,
  });
});
