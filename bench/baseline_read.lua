-- The yardstick (bench/Baseline.java): one primary-key read per request, random preloaded numbers.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local year = os.getenv("BENCH_YEAR")
local count = tonumber(os.getenv("BENCH_PRELOADED"))

request = function()
  return wrk.format("GET", string.format("/read/%s-%06d", year, math.random(count)))
end
