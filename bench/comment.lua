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
  -- Authors and texts carry the second the run started, so a later run (or the measured run after a warm-up) never
  -- repeats one, however many requests a run makes. (Kept as text: a number this large would print rounded.)
  run = tostring(os.time())
  counter = 0
end

function request()
  counter = counter + 1
  local who = tid .. "x" .. run .. "x" .. counter
  local body = "comment=Benchmark+comment+number+" .. who .. "&author=Reader+" .. who ..
    "&email=reader" .. who .. "%40bench.example&url=&token=" .. token
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
