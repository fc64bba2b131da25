#!/usr/bin/env bash
# Builds every fuzz target with libFuzzer + AddressSanitizer and reruns it over its committed seeds
# (Fuzz/Seeds/<target>/: hand-written inputs, kept as they are) and corpus (Fuzz/Corpus/<target>/:
# what campaigns found, minimized); any crash fails the script.
#
#   Fuzz/run.sh                      build, then replay every corpus (a quick regression check)
#   Fuzz/run.sh --minutes N          then fuzz each target for N minutes and merge what it found,
#                                    minimized, back into Fuzz/Corpus/<target>/ (inputs of at most
#                                    MAX_CORPUS_FILE bytes, default 2048, so the corpus stays small)
#   Fuzz/run.sh --minutes N fuzz-spec   only the targets named
#
# Builds take /tmp/swift-build.lock (override with SWIFT_BUILD_LOCK=...), as every Swift build on a
# shared machine should. Crash inputs land in Fuzz/.build/artifacts/<target>/; logs in Fuzz/.build/logs/.
set -euo pipefail

# Every fuzz target of Fuzz/Package.swift; each has Corpus/<name>/, and may have Seeds/<name>/ and
# Dictionaries/<name>.dict.
TARGETS=(fuzz-spec fuzz-config fuzz-multipart fuzz-client)
max_corpus_file=${MAX_CORPUS_FILE:-2048}

# libFuzzer options for a campaign: one job, 10 s per input at most, 4 GiB of memory at most.
FUZZ_OPTIONS=(-timeout=10 -rss_limit_mb=4096 -print_final_stats=1)

here=$(cd "$(dirname "$0")" && pwd)
minutes=0
selected=()
while (($#)); do
    case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) selected+=("$1"); shift ;;
    esac
done
((${#selected[@]})) || selected=("${TARGETS[@]}")

lock=${SWIFT_BUILD_LOCK:-/tmp/swift-build.lock}
# SwiftPM's own fuzzer sanitizer (Swift 6.2+) builds with -parse-as-library and renames the executable's
# entry point so libFuzzer's main links; `-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library`
# does not link on Linux (SwiftPM still asks for `--defsym main=fuzz_spec_main`). With Swift 6.3 it does
# not instrument the code for coverage, though, so the coverage flags libFuzzer needs are passed too.
build=(swift build --package-path "$here" --sanitize=fuzzer --sanitize=address
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp)
for target in "${selected[@]}"; do
    if command -v flock >/dev/null; then
        flock "$lock" "${build[@]}" --product "$target"
    else
        "${build[@]}" --product "$target"
    fi
done
bin=$("${build[@]}" --show-bin-path)

mkdir -p "$here/.build/logs"
for target in "${selected[@]}"; do
    corpus="$here/Corpus/$target"
    seeds="$here/Seeds/$target"
    artifacts="$here/.build/artifacts/$target/"
    mkdir -p "$corpus" "$seeds" "$artifacts"
    options=("${FUZZ_OPTIONS[@]}" -artifact_prefix="$artifacts")
    [[ -f "$here/Dictionaries/$target.dict" ]] && options+=(-dict="$here/Dictionaries/$target.dict")

    echo "== $target: replaying $(ls "$seeds" | wc -l) seeds and $(ls "$corpus" | wc -l) corpus inputs"
    "$bin/$target" "${options[@]}" -runs=0 "$corpus" "$seeds" 2>&1 | grep -E 'INITED|ERROR|SUMMARY' || true

    ((minutes > 0)) || continue
    work="$here/.build/work/$target"
    log="$here/.build/logs/$target-$(date +%Y%m%d-%H%M%S).log"
    mkdir -p "$work"
    echo "== $target: fuzzing for $minutes min (log: $log)"
    status=0
    "$bin/$target" "${options[@]}" -max_total_time=$((minutes * 60)) "$work" "$corpus" "$seeds" >"$log" 2>&1 \
        || status=$?
    grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$log" || true
    grep -E 'cov: .* ft: ' "$log" | tail -n 1 || true

    # Minimize: the smallest inputs (up to max_corpus_file bytes) that add features to the seeds'. The
    # seeds go into the merge's output first, so libFuzzer counts their features as already covered.
    echo "== $target: merging into a minimized Corpus/$target"
    candidates="$here/.build/candidates/$target"
    merged="$here/.build/merged/$target"
    rm -rf "$candidates" "$merged" && mkdir -p "$candidates" "$merged"
    # Hand-written inputs (a name that is not a content hash, such as fuzz-multipart's `minimal`) are kept
    # under their names: regression tests name them, and the merge would rename or drop them.
    keep="$here/.build/keep/$target"
    rm -rf "$keep" && mkdir -p "$keep"
    find "$corpus" -maxdepth 1 -regextype posix-extended -type f ! -regex '.*/[0-9a-f]{40}' -exec cp {} "$keep/" \;
    find "$corpus" "$work" -type f -size -$((max_corpus_file + 1))c -exec cp {} "$candidates/" \;
    cp "$seeds"/* "$merged/" 2>/dev/null || true
    "$bin/$target" "${options[@]}" -merge=1 "$merged" "$candidates" >"$log.merge" 2>&1
    tail -n 1 "$log.merge"
    for seed in "$seeds"/*; do rm -f "$merged/$(basename "$seed")"; done
    rm -rf "$corpus" && mv "$merged" "$corpus"
    for file in "$keep"/*; do
        [ -e "$file" ] || continue
        rm -f "$corpus/$(sha1sum <"$file" | cut -c1-40)"
        cp "$file" "$corpus/"
    done
    rm -rf "$work" "$candidates"
    if ((status != 0)); then
        echo "== $target: the campaign stopped with status $status; see $log and $artifacts" >&2
        exit "$status"
    fi
done
