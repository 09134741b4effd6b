import { script } from './scripts.js';

/*
 * Keys (P is the installation's prefix):
 *   P presence:user:<userId>  hash socketId → process id: every socket of a user, on any process
 *   P presence:proc:<pid>     hash socketId → userId: the sockets of one process, to sweep when it dies
 *   P presence:alive:<pid>    a process's heartbeat, with a TTL: when it expires, the process is dead
 *   P presence:procs          set of process ids that registered
 * A socket counts while its process is alive, so a crashed process's sockets stop counting when its
 * heartbeat expires, even before anyone sweeps them. Scripts touch user keys they derive from data;
 * that is fine on one Redis (not on Redis Cluster, which Hearth does not support).
 */

// live(userKey): the user's sockets on processes that are alive (this one always is).
const live = `
local aliveCache = {}
local function live(userKey, alivePrefix, selfPid)
  local entries = redis.call('HGETALL', userKey)
  local count = 0
  for i = 2, #entries, 2 do
    local pid = entries[i]
    if aliveCache[pid] == nil then
      aliveCache[pid] = pid == selfPid or redis.call('EXISTS', alivePrefix .. pid) == 1
    end
    if aliveCache[pid] then count = count + 1 end
  end
  return count
end
`;

/** KEYS: userKey, procKey. ARGV: socketId, pid, userId, alivePrefix. Returns the live socket count. */
export const connectScript = script(`${live}
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return live(KEYS[1], ARGV[4], ARGV[2])
`);

/** KEYS: userKey, procKey. ARGV: socketId, pid, alivePrefix. Returns 1 when that was the last live socket. */
export const disconnectScript = script(`${live}
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
if live(KEYS[1], ARGV[3], ARGV[2]) == 0 then return 1 end
return 0
`);

/** KEYS: userKeys. ARGV: alivePrefix, pid. Returns 1 or 0 per user. */
export const onlineScript = script(`${live}
local result = {}
for i, key in ipairs(KEYS) do
  if live(key, ARGV[1], ARGV[2]) > 0 then result[i] = 1 else result[i] = 0 end
end
return result
`);

/** KEYS: procs, aliveKey. ARGV: pid, ttlMs. Returns 1 when the registration had lapsed (or is new). */
export const heartbeatScript = script(`
local lapsed = redis.call('EXISTS', KEYS[2]) == 0
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
redis.call('SADD', KEYS[1], ARGV[1])
if lapsed then return 1 end
return 0
`);

/**
 * KEYS: procs, aliveKey, procKey of the dead process. ARGV: its pid, userKeyPrefix, alivePrefix,
 * the sweeper's pid. Forgets the process's sockets unless it is alive after all; returns the users
 * left with no live socket (possibly repeated).
 */
export const reapScript = script(`${live}
if redis.call('EXISTS', KEYS[2]) == 1 then return {} end
redis.call('SREM', KEYS[1], ARGV[1])
local entries = redis.call('HGETALL', KEYS[3])
redis.call('DEL', KEYS[3])
local gone = {}
for i = 1, #entries, 2 do
  local userKey = ARGV[2] .. entries[i + 1]
  if redis.call('HDEL', userKey, entries[i]) == 1 and live(userKey, ARGV[3], ARGV[4]) == 0 then
    table.insert(gone, entries[i + 1])
  end
end
return gone
`);
