-- GET requests.json returning a full page of 1000 requests.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
request = function()
  return wrk.format("GET", "/open311/v2/requests.json?page_size=1000")
end
