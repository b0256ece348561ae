-- wrk script: every request posts a distinct comment from a distinct author, with the form token in $TOKEN.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  token = os.getenv("TOKEN")
  -- Start from the clock, so a second run (or a warm-up) never repeats the first run's authors and texts.
  counter = (os.time() % 1000000) * 1000
end

function request()
  counter = counter + 1
  local who = tid .. "x" .. counter
  local body = "comment=Benchmark+comment+number+" .. who .. "&author=Reader+" .. who ..
    "&email=reader" .. who .. "%40bench.example&url=&token=" .. token
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
