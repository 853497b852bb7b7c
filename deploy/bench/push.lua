-- POST /api/v1/sync/push: a device (a new clientId each request) pushes PER_REQUEST findings recorded offline in
-- the inspection INSPECTION about the unit UNIT, as the inspector of TOKEN.
local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")
setup = common.setup
done = common.done

function init(args)
  math.randomseed(os.time() * 100 + (thread_id or 0))
  inspection = os.getenv("INSPECTION")
  unit = os.getenv("UNIT")
  per_request = tonumber(os.getenv("PER_REQUEST"))
  headers = { ["Authorization"] = common.headers["Authorization"], ["Content-Type"] = "application/json",
              ["Accept"] = "application/json" }
end

function request()
  local mutations = {}
  for n = 1, per_request do
    mutations[n] = string.format(
      '{"mutationId":%d,"entity":"FINDING","id":"%s","data":{"inspectionId":"%s","unitId":"%s",'
        .. '"category":"INACTION","severity":"MINOR","title":"上班时间脱岗 %d","observedAt":"2026-01-05T09:30:00+08:00"}}',
      n, common.uuid(), inspection, unit, n)
  end
  local body = '{"clientId":"' .. common.uuid() .. '","mutations":[' .. table.concat(mutations, ",") .. ']}'
  return wrk.format("POST", nil, headers, body)
end
