import { describe, expect, it } from 'vitest';
import { api, guest } from '../support/hearth.js';
import { hearthSuite } from '../support/suite.js';

const suite = hearthSuite();
const tag = `${process.pid}`;
const signUp = (username: string) => api(suite.server, 'POST', '/api/auth/guest', { body: { username } });

describe('names that look alike are one name', () => {
  it.each([
    ['a Cyrillic А', `Ann${tag}`, `\u0410nn${tag}`],
    ['full-width letters', `Max${tag}`, `\uFF2D\uFF41\uFF58${tag}`],
    ['a zero for an o', `Bob${tag}`, `B0b${tag}`],
    ['another case', `Eve${tag}`, `EVE${tag}`],
  ])('with %s, the second sign-up is CONFLICT', async (_what, first, second) => {
    expect((await signUp(first)).status).toBe(201);
    const res = await signUp(second);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('an accent is not a look-alike: Zoë and Zoe are two people', async () => {
    expect((await signUp(`Zoe${tag}`)).status).toBe(201);
    expect((await signUp(`Zoë${tag}`)).status).toBe(201);
  });

  it('public room names are unique the same way', async () => {
    const ann = await guest(suite.server);
    const first = await api(suite.server, 'POST', '/api/rooms', { token: ann.token, body: { name: `Lobby ${tag}` } });
    expect(first.status).toBe(201);
    const twin = await api(suite.server, 'POST', '/api/rooms', { token: ann.token, body: { name: `L\u043Ebby ${tag}` } });
    expect(twin.status).toBe(409);
  });
});

describe('invisible and format characters are refused', () => {
  it.each([
    ['a zero-width space', `Ann\u200B${tag}`],
    ['a right-to-left override', `\u202Enna${tag}`],
    ['a Hangul filler', `\u3164${tag}`],
    ['a halfwidth Hangul filler', `Ann\uFFA0${tag}`],
    ['a choseong filler', `\u115F`],
    ['only punctuation', '...'],
    ['only a space and a dash', ' - '],
  ])('a name with %s is BAD_REQUEST', async (_what, username) => {
    const res = await signUp(username);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('in room names and topics too; a room name must show a letter or digit', async () => {
    const ann = await guest(suite.server);
    const create = (body: Record<string, string>) => api(suite.server, 'POST', '/api/rooms', { token: ann.token, body });
    expect((await create({ name: `Den\u2066${tag}` })).status).toBe(400);
    expect((await create({ name: '\u3164\u3164' })).status).toBe(400);
    expect((await create({ name: '!!!' })).status).toBe(400);
    expect((await create({ name: `Den ${tag}`, topic: 'hi\u200Dthere' })).status).toBe(400);
    expect((await create({ name: `Den ${tag}`, topic: 'Plain words, émoji 🔥 fine' })).status).toBe(201);
  });
});
