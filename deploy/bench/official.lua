-- GET /api/v1/officials/{id} of a random official among those listed in the file IDS, as the caller of TOKEN.
local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")
setup = common.setup
done = common.done

function init(args)
  math.randomseed(os.time() * 100 + (thread_id or 0))
  ids = {}
  for line in io.lines(os.getenv("IDS")) do
    ids[#ids + 1] = line
  end
end

function request()
  return wrk.format("GET", "/api/v1/officials/" .. ids[math.random(1, #ids)], common.headers)
end
