-- Spreads wrk over the fleet: thread i connects to BENCH_BASE_PORT + i (mod BENCH_PORTS) on
-- BENCH_BIND. wrk connects all of a thread's connections to one address, so with -t2 the load
-- goes to two ports; the URL's port only names the first. Set by run.sh.
local base = tonumber(os.getenv("BENCH_BASE_PORT"))
local ports = tonumber(os.getenv("BENCH_PORTS")) or 1
local bind = os.getenv("BENCH_BIND") or "127.0.0.1"
local next_index = 0

function setup(thread)
  if base then
    local port = base + next_index % ports
    thread.addr = wrk.lookup(bind, tostring(port))[1]
    next_index = next_index + 1
  end
end
