-- wrk script: every connection runs whole interview sessions back to back — create (six
-- questions, so the session is still open), five
-- answers each with its own input_id, end — so the daemon does what a candidate makes it do.
-- Run with as many threads as connections (-t N -c N): wrk keeps Lua state per thread, and
-- one connection per thread is what makes that state one session's.
-- THINK_MIN_MS / THINK_MAX_MS: a pause before each answer (0: closed loop).

local answers = {
  "It uses middleware that checks a CSRF token in every form submitted with POST.",
  "The ORM maps models to database tables and builds SQL queries from querysets.",
  "Migrations record model changes; makemigrations writes them and migrate applies them.",
  "A blueprint groups routes, templates and static files so an app can be split up.",
  "Dependency injection with Depends gives each path operation its database session.",
}
local threads = {}
local next_thread = 1

function setup(thread)
  thread:set("number", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local think_min = tonumber(os.getenv("THINK_MIN_MS") or "0")
local think_max = tonumber(os.getenv("THINK_MAX_MS") or "0")
local json = {["Content-Type"] = "application/json"}
local step, id, token, asked, input = "create", nil, nil, 0, 0
answered, sessions, errors = 0, 0, 0

function init(args)
  math.randomseed(number * 7919)
end

function delay()
  if step == "answer" and think_max > 0 then return math.random(think_min, think_max) end
  return 0
end

function request()
  if step == "create" then
    return wrk.format("POST", "/v1/sessions", json, '{"count": 6, "follow_up": false}')
  end
  local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}
  if step == "answer" then
    input = input + 1
    local body = string.format('{"text": "%s", "input_id": "w%d-%d"}', answers[asked + 1], number, input)
    return wrk.format("POST", "/v1/sessions/" .. id .. "/input", headers, body)
  end
  return wrk.format("DELETE", "/v1/sessions/" .. id, headers)
end

function response(status, headers, body)
  if status >= 300 then
    errors = errors + 1
    step = "create"  -- start afresh rather than repeat a refused call for ever
    return
  end
  if step == "create" then
    id = body:match('"id":"(%x+)"')
    token = body:match('"token":"([^"]+)"')
    step, asked = "answer", 0
  elseif step == "answer" then
    answered = answered + 1
    asked = asked + 1
    if asked == 5 then step = "end" end
  else
    sessions = sessions + 1
    step = "create"
  end
end

function done(summary, latency, requests)
  local total_answered, total_sessions, total_errors = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_answered = total_answered + thread:get("answered")
    total_sessions = total_sessions + thread:get("sessions")
    total_errors = total_errors + thread:get("errors")
  end
  local seconds = summary.duration / 1e6
  -- One line for bench/serve_wrk.sh to read.
  io.write(string.format("RESULT answered=%d sessions=%d errors=%d http_errors=%d elapsed=%.3f p50_ms=%.2f p99_ms=%.2f\n",
    total_answered, total_sessions, total_errors, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
