-- wrk script: every request carries the API token from the TOKEN environment variable (docs/benchmarks.md).
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

-- wrk counts answers of 400 and above here: a fast 401 or 500 is no result.
-- wrk's --latency table has no 95th percentile, the figure the goals are stated in.
done = function(summary, latency, requests)
  io.write(string.format("responses with status >= 400: %d\n", summary.errors.status))
  io.write(string.format("latency p95: %.2f ms\n", latency:percentile(95) / 1000))
end
