-- The yardstick (bench/Baseline.java): one insert, one durable commit per request.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
wrk.method = "POST"
wrk.path = "/insert"
wrk.headers["Content-Type"] = "text/plain"
wrk.body = "Large pothole in the right lane, about 40 cm wide"
