#!/usr/bin/env bash
# Builds the Examples package (an app that depends on this repository by path and on the AsyncHTTPClient
# transport) with warnings as errors in its own code, then runs `make-video` against sora-mock: it must create a
# video, follow it to completion and download a non-empty file.
# Usage: scripts/examples-check.sh   (from anywhere; set SORA_MOCK=path/to/sora-mock to reuse a built server)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/start-mock.sh
. "$root/scripts/lib/start-mock.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/sora-examples-check-XXXXXX")
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> swift build in Examples/"
(cd "$root/Examples" && swift build 2>&1 | tee "$work/build.log")
if grep -q "Examples/Sources/.*warning:" "$work/build.log"; then
  echo "examples-check: the example built with warnings" >&2
  exit 1
fi

echo "==> make-video against sora-mock"
start_mock "$root" sk-examples 0.5 "$work/mock.log"
output=$(SORA_BASE_URL="$address/v1" SORA_API_KEY=sk-examples "$root/Examples/.build/debug/make-video" \
  "a lighthouse at dusk" "$work/out.mp4")
echo "$output"
echo "$output" | grep -q "^created video_"
echo "$output" | grep -q "^completed 100%$"
echo "$output" | grep -q "^saved [1-9][0-9]* bytes to $work/out.mp4$"
test -s "$work/out.mp4"

echo "==> without a token it exits 2 with its usage"
if SORA_API_KEY= "$root/Examples/.build/debug/make-video" p "$work/x.mp4" 2>"$work/usage.log"; then
  echo "examples-check: make-video ran without a token" >&2
  exit 1
fi
grep -q "^usage: SORA_API_KEY=" "$work/usage.log"
echo "examples-check: passed"
