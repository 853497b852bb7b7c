-- GET of the URL given to wrk, as the caller of TOKEN.
local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")
setup = common.setup
done = common.done

function init(args)
  prepared = wrk.format("GET", nil, common.headers)
end

function request()
  return prepared
end
