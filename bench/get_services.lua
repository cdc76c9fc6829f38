-- GET services.json, the call every Open311 client makes first.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
request = function()
  return wrk.format("GET", "/open311/v2/services.json")
end
