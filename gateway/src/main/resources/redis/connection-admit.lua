-- Admits one more socket of a user while fewer than the maximum hold a live lease.
-- KEYS[1] support:limit:ws:<user>, a sorted set of socket ids scored by lease expiry (ms, Redis's clock).
-- ARGV: maximum, lease in milliseconds, socket id. Returns 1 when admitted (lease granted), else 0.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) and not redis.call('ZSCORE', KEYS[1], ARGV[3]) then
  return 0
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
