import { afterAll, beforeAll, describe } from 'vitest';
import { Fixture, type StoreTarget } from './contract/fixture.js';
import { messageContract } from './contract/messages.js';
import { messageChangeContract } from './contract/message-changes.js';
import { pagingContract } from './contract/paging.js';
import { roomContract } from './contract/rooms.js';
import { directRoomContract } from './contract/direct-rooms.js';
import { peopleContract } from './contract/people.js';
import { attentionContract } from './contract/attention.js';
import { userAndSessionContract } from './contract/users-sessions.js';
import { durabilityContract } from './contract/durability.js';
import { accountContract } from './contract/accounts.js';
import { accountSettingsContract } from './contract/account-settings.js';
import { accountSessionContract } from './contract/account-sessions.js';
import { fileContract } from './contract/files.js';

export type { StoreTarget } from './contract/fixture.js';

/** The behaviour every storage engine must show; each engine's test file runs it. */
export function describeStoreContract(engine: string, target: StoreTarget): void {
  describe(`${engine} stores`, () => {
    const fixture = new Fixture(target);
    beforeAll(() => fixture.open());
    afterAll(async () => {
      await fixture.database?.close();
      await target.cleanup();
    });

    userAndSessionContract(fixture);
    accountContract(fixture);
    accountSettingsContract(fixture);
    accountSessionContract(fixture);
    roomContract(fixture);
    directRoomContract(fixture);
    peopleContract(fixture);
    attentionContract(fixture);
    messageContract(fixture);
    messageChangeContract(fixture);
    pagingContract(fixture);
    durabilityContract(fixture);
    fileContract(fixture);
  });
}
