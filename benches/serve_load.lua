-- wrk script for benches/serve_load.sh: each connection cycles through a mix
-- of searches (term, AND, phrase, filtered, with facets), facet counts and
-- timelines, and counts the answers that are not 200.
local paths = {
  "/api/search?q=regering",
  "/api/search?q=minister%20AND%20Amsterdam",
  "/api/search?q=%22de%20regering%22",
  "/api/search?q=politie&kind=article",
  "/api/search?q=Nederland&facets=true",
  "/api/search?q=school&offset=10",
  "/api/facets?q=minister&field=location&field=person",
  "/api/timeline?query=Regering%3Dregering&query=Politie%3Dpolitie&by=month",
  "/api/timeline?q=Amsterdam&by=week&bursts=true",
  "/api/search?q=*",
}
local counter = 0

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 3
end

function init(args)
  n = offset or 0
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

local bad = 0
function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end
