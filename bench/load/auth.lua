-- wrk script: every request carries the API token from the TOKEN environment variable (docs/benchmarks.md).
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

-- wrk counts answers of 400 and above here: a fast 401 or 500 is no result.
done = function(summary, latency, requests)
  io.write(string.format("responses with status >= 400: %d\n", summary.errors.status))
end
