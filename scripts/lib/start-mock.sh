# Sourced by the check scripts: starts sora-mock on a free loopback port and waits until it listens.
#   start_mock ROOT TOKEN JOB_SECONDS LOG
# Uses $SORA_MOCK when set, else builds the package's sora-mock. Sets mock_pid (for the caller's cleanup trap) and
# address (`http://127.0.0.1:PORT`); returns non-zero when the mock does not start within 10 s.
start_mock() {
  local root=$1 token=$2 job_seconds=$3 log=$4
  local mock="${SORA_MOCK:-}"
  if [ -z "$mock" ]; then
    (cd "$root" && swift build --product sora-mock)
    mock="$root/.build/debug/sora-mock"
  fi
  "$mock" --port 0 --token "$token" --job-seconds "$job_seconds" >"$log" 2>&1 &
  mock_pid=$!
  for _ in $(seq 100); do
    grep -q "listening on" "$log" && break
    sleep 0.1
  done
  address=$(sed -n 's/^listening on //p' "$log")
  test -n "$address"
}
