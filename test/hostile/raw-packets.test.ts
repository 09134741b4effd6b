import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawSocket } from './raw-socket.js';
import { serverStillChats as stillChats, signedInRawSocket, startTarget, type Target } from './still-serving.js';

let target: Target;
beforeAll(async () => {
  target = await startTarget('raw');
});
afterAll(async () => target.server.stop());

const signedIn = () => signedInRawSocket(target.server.url, target.ann.token);
const serverStillChats = () => stillChats(target);

const hostileFrames: Array<[string, string | Buffer]> = [
  ['truncated JSON', '42["message:send",{"roomId":'],
  ['an event that is null', '42[null]'],
  ['an event that is a number', '42[7,{}]'],
  ['an empty event array', '42[]'],
  ['an event that is not an array', '42{"a":1}'],
  ['a binary placeholder without its attachment', `451-["message:send",{"_placeholder":true,"num":0}]`],
  ['an attachment count far too large', `499999999-["message:send",{"_placeholder":true,"num":0}]`],
  ['an unknown Socket.IO packet type', '49["x"]'],
  ['an unknown Engine.IO packet type', '9hello'],
  ['an ack for nothing', '43999["x"]'],
  ['a connect to a namespace that does not exist', '40/nowhere,'],
  ['a frame of 2 MB', `42["message:send",{"text":"${'x'.repeat(2 * 1024 * 1024)}"}]`],
  ['raw binary', Buffer.from([0xff, 0x00, 0xfe, 0x01])],
  ['a lone digit', '4'],
  ['an empty frame', ''],
];

describe('raw Engine.IO / Socket.IO packets over a plain WebSocket', () => {
  it.each(hostileFrames)('%s closes that socket or is ignored, and the server keeps chatting', async (_what, frame) => {
    const raw = await signedIn();
    try {
      raw.send(frame);
      await raw.closedWithin(300);
    } finally {
      raw.close();
    }
    await serverStillChats();
  });

  it('frames before the Socket.IO connect are refused without letting the socket in', async () => {
    const raw = await openRawSocket(target.server.url);
    try {
      for (const [, frame] of hostileFrames.slice(0, 6)) raw.send(frame);
      await raw.closedWithin(300);
      expect(raw.frames.some((f) => f.startsWith('40{"sid"'))).toBe(false);
    } finally {
      raw.close();
    }
    await serverStillChats();
  });
});
