#!/usr/bin/env bash
# Property-based API testing of sora-mock against spec/sora-2.yaml with schemathesis: a fixed seed and a
# small budget (about a minute), failing on any server error (5xx) and on any wrong answer to an
# unsupported method (405 without a correct `Allow`). Run from anywhere.
#
#   scripts/schemathesis.sh                      # builds sora-mock (debug) first
#   SORA_MOCK=.build/debug/sora-mock scripts/schemathesis.sh
#   SCHEMATHESIS_EXAMPLES=200 SCHEMATHESIS_SEED=7 scripts/schemathesis.sh   # a longer or other run
#
# Exit status: 0 no findings, 1 findings (or schemathesis failed), 2 the mock did not start.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${SCHEMATHESIS_VERSION:-4.32.5}"
seed="${SCHEMATHESIS_SEED:-20260101}"
examples="${SCHEMATHESIS_EXAMPLES:-100}"

if ! command -v schemathesis >/dev/null 2>&1; then
  python3 -m pip install --quiet "schemathesis==$version" ||
    python3 -m pip install --quiet --user --break-system-packages "schemathesis==$version"
fi

mock="${SORA_MOCK:-}"
if [ -z "$mock" ]; then
  swift build --product sora-mock
  mock="$(swift build --show-bin-path)/sora-mock"
fi

work="$(mktemp -d)"
token="st-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
"$mock" --port 0 --token "$token" --job-seconds 0.5 >"$work/mock.out" 2>"$work/mock.err" &
mock_pid=$!
cleanup() {
  kill "$mock_pid" 2>/dev/null || true
  wait "$mock_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

address=""
for _ in $(seq 1 100); do
  address="$(sed -n 's/^listening on //p' "$work/mock.out" | head -n 1)"
  [ -n "$address" ] && break
  kill -0 "$mock_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$address" ]; then
  echo "schemathesis.sh: sora-mock did not start" >&2
  cat "$work/mock.err" >&2
  exit 2
fi

echo "==> schemathesis $(schemathesis --version | awk '{print $NF}') against $address/v1 (seed $seed, $examples examples)"
status=0
schemathesis --config-file scripts/schemathesis.toml --no-color run spec/sora-2.yaml \
  --url "$address/v1" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,unsupported_method,allow_header_conformance \
  --seed "$seed" \
  --max-examples "$examples" \
  --workers 2 \
  --request-timeout 10 \
  --suppress-health-check all || status=$?

if ! kill -0 "$mock_pid" 2>/dev/null; then
  echo "schemathesis.sh: sora-mock died during the run" >&2
  cat "$work/mock.err" >&2
  exit 1
fi
exit "$status"
