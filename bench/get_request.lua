-- GET requests/{id}.json for random numbers among the preloaded requests.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local year = os.getenv("BENCH_YEAR")
local count = tonumber(os.getenv("BENCH_PRELOADED"))

request = function()
  return wrk.format("GET", string.format("/open311/v2/requests/%s-%06d.json", year, math.random(count)))
end
