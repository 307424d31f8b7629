-- Renews an open socket's lease, or grants it again after Redis lost it (restart, outage), so the
-- socket counts again. Never refuses: the socket is already open.
-- KEYS[1] support:limit:ws:<user>; ARGV: lease in milliseconds, socket id. Returns 1.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
