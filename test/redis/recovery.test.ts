import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Recovery, type Connection } from '../../src/server/redis/recovery.js';

/** A connection the test drops and brings back, as node-redis reports it. */
class FakeConnection extends EventEmitter implements Connection {
  isReady = true;
  drop(): void {
    this.isReady = false;
    this.emit('error', new Error('Socket closed unexpectedly'));
  }
  restore(): void {
    this.isReady = true;
    this.emit('ready');
  }
}

describe('knowing when Redis is back for a process', () => {
  it('is back only once every connection is: commands, stream reader and subscriber', () => {
    let recoveries = 0;
    const recovery = new Recovery(() => recoveries++);
    const [commands, reader, subscriber] = [new FakeConnection(), new FakeConnection(), new FakeConnection()];
    for (const connection of [commands, reader, subscriber]) recovery.watch(connection);
    for (const connection of [commands, reader, subscriber]) connection.drop();
    commands.restore();
    subscriber.restore();
    expect(recoveries).toBe(0);
    reader.restore();
    expect(recoveries).toBe(1);
  });

  it('says nothing when connections become ready without an outage, and once per outage', () => {
    let recoveries = 0;
    const recovery = new Recovery(() => recoveries++);
    const [commands, reader] = [new FakeConnection(), new FakeConnection()];
    recovery.watch(commands);
    recovery.watch(reader);
    reader.restore();
    expect(recoveries).toBe(0);
    reader.drop();
    reader.restore();
    commands.restore();
    expect(recoveries).toBe(1);
  });
});
