-- Exact sliding window on Redis's clock, so every gateway counts the same time.
-- KEYS[1] support:limit:req:<key>, a sorted set of request ids scored by their time in microseconds.
-- ARGV: limit, window in microseconds, a unique id for this request.
-- Returns 0 when the request is allowed (and counted), otherwise the microseconds until the oldest
-- request in the window leaves it.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
