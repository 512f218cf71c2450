-- wrk script: every request carries the API token from the TOKEN environment variable (docs/benchmarks.md).
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

-- THINK_MS: each connection waits about this long after an answer before its next request (uniformly 0.5–1.5 times
-- it, so that the fifty do not click in step), as a user reads a page before the next click. Unset or 0: requests back
-- to back (a stress test, not users). wrk does not count the wait as latency.
local think = tonumber(os.getenv("THINK_MS") or "0")
if think > 0 then
  math.randomseed(os.time())
  delay = function()
    return math.floor(think * (0.5 + math.random()))
  end
end

-- wrk counts answers of 400 and above here: a fast 401 or 500 is no result.
-- wrk's --latency table has no 95th percentile, the figure the goals are stated in.
done = function(summary, latency, requests)
  io.write(string.format("responses with status >= 400: %d\n", summary.errors.status))
  io.write(string.format("latency p95: %.2f ms\n", latency:percentile(95) / 1000))
end
