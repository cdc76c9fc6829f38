-- POST requests.json as an Open311 client does: form encoded, API key in the body, a point in the city.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local codes = {}
for code in string.gmatch(os.getenv("BENCH_SERVICE_CODES"), "[^,]+") do codes[#codes + 1] = code end
local key = os.getenv("BENCH_API_KEY")
-- With BENCH_WITH_EMAIL=1 every report leaves an email address, so it is also recorded in the outbox
-- and becomes an email delivery (not sent: the benchmark has no mail server, the worker retries later).
local with_email = os.getenv("BENCH_WITH_EMAIL") == "1"
local south, west, north, east = 33.75, -118.60, 34.30, -118.20
local counter = 0

request = function()
  counter = counter + 1
  local lat = south + math.random() * (north - south)
  local lon = west + math.random() * (east - west)
  local body = string.format(
    "api_key=%s&service_code=%s&lat=%.6f&long=%.6f&address_string=%d+S+Broadway&description=Benchmark+report+%d",
    key, codes[math.random(#codes)], lat, lon, 100 + counter % 9000, counter)
  if with_email then body = body .. string.format("&email=resident%d%%40example.org", counter) end
  return wrk.format("POST", "/open311/v2/requests.json",
    { ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" }, body)
end
