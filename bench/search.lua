-- wrk script: each request searches for the next query of a fixed mix (one word, two words, a phrase, a rare word),
-- against the filler articles DISPATCH_SEED_ARTICLES generates (see demo/Filler.java).
local queries = {
  "logistics", "readiness", "vehicles", "cyber",
  "cyber capital", "training garrison", "maintenance mountain", "procurement plains",
  "%22coastal+base%22", "%22eastern+flank%22", "%22routine+training+work%22", "%22island+garrison%22",
  "update+4711", "number+31337", "update+77777", "recruitment+update+12345",
}
local counter = 0

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/search?q=" .. q:gsub(" ", "+"))
end

function done(summary, latency, requests)
  io.write(string.format("p95 latency: %.2f ms, p99 %.2f ms, %d requests, %d errors (status %d)\n", latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status + summary.errors.timeout, summary.errors.status))
end
