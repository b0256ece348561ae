-- wrk script: every request asks for the page wrk was given with a query no reader asked for before, so the page
-- cache misses each time (a distinct key) and the page is rendered, compressed and stored anew.
local prefix
local counter = 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  prefix = tostring(math.random(1, 1e9))
end

function request()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "?r=" .. prefix .. "-" .. counter)
end
