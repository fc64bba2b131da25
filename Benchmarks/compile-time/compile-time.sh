#!/usr/bin/env bash
# compile-time.sh: debug compile time and peak memory of GENERATED code, sora-codegen (ours) vs
# swift-openapi-generator 1.14.3 (theirs), on the same operations of the unmodified upstream OpenAI document
# (Tests/Upstream/openai/openapi.yaml).
#
# What it does, from scratch (all scratch lives in Benchmarks/.build-peer/, which .gitignore covers):
#   1. Builds our CLI (.build/release/sora-codegen) if it is missing, and clones + builds swift-openapi-generator
#      1.14.3's CLI in release (Benchmarks/.build-peer/swift-openapi-generator).
#   2. Generates, timing each whole generator process with /usr/bin/time -v (median of $RUNS):
#        videos   the Videos tag (10 operations)     ours: --tag Videos        theirs: filter.tags [Videos]
#        videos9  the Videos tag minus CreateVideoRemix (9 operations; theirs does not compile with it)
#                                                    ours: --operation x9      theirs: filter.operations x9
#        full     the whole document                 ours: no filter           theirs: no filter
#      Theirs cannot parse the unmodified document, so it reads a copy with the smallest workaround we found
#      (see patch_doc_for_theirs below); ours always reads the unmodified document.
#   3. Puts each output in its own SwiftPM package (tools 6.1, Swift 6 language mode, debug):
#        ours-*   -> target Ours*,   depends on SoraRuntime via .package(path: "../../..")
#        theirs-* -> target Theirs*, depends on OpenAPIRuntime (swift-openapi-runtime from 1.8.0)
#      Builds each package once fully (dependencies), then measures ONLY the generated target: $RUNS times
#      `touch Sources/<Target>/**/*.swift && swift build --target <Target>` under /usr/bin/time -v (wall time
#      and "Maximum resident set size", i.e. the largest process of the build), one extra run with every
#      swift-frontend wrapped in /usr/bin/time (to name the compiler's own peak), and one no-op build
#      (SwiftPM's fixed overhead, included in every wall time). (Deleting .build/debug/<Target>.build instead of
#      touching does not work: SwiftPM 6.3 keeps its cached build plan and fails on the missing
#      output-file-map.json.) A target that does not compile is reported
#      with its error count and first errors instead.
#   4. Prints a markdown table (also written to Benchmarks/.build-peer/compile-time/results.md).
#
# Environment:
#   SORA_BUILD_LOCK   when set, every swift build and every timed run (generations too, so that nothing else
#                     competes for the 2 cores) runs under `flock` on /tmp/swift-build.lock (or on the path given,
#                     when the value starts with /). The lock wait is never inside a timing.
#   RUNS              measured runs per number (default 3; the median is reported).
#   SKIP_FULL=1       skip the whole-document selection (its compiles take several minutes).
#   THEIRS_FULL_TIMEOUT  seconds allowed for the whole-document compile of theirs (default 3600).
#   FRESH=1           delete the scratch packages' .build folders first (dependencies are rebuilt).
#
# Usage (from anywhere): SORA_BUILD_LOCK=1 bash Benchmarks/compile-time/compile-time.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

SOG_VERSION=1.14.3
SOG_URL=https://github.com/apple/swift-openapi-generator
SPEC="$ROOT/Tests/Upstream/openai/openapi.yaml"
GOLDEN="$ROOT/Tests/Goldens/openai-videos"
PEER="$ROOT/Benchmarks/.build-peer"
SOG_DIR="$PEER/swift-openapi-generator"
SOG_BIN="$SOG_DIR/.build/release/swift-openapi-generator"
OURS_BIN="$ROOT/.build/release/sora-codegen"
WORK="$PEER/compile-time"          # generated code, logs, configs, the patched copy of the document
RUNS="${RUNS:-3}"
THEIRS_FULL_TIMEOUT="${THEIRS_FULL_TIMEOUT:-3600}"
# The 9 operations of the Videos tag that swift-openapi-generator's output compiles with (all but CreateVideoRemix).
VIDEOS9_OPS=(ListVideos createVideo CreateVideoCharacter GetVideoCharacter CreateVideoEdit CreateVideoExtend
    GetVideo DeleteVideo RetrieveVideoContent)

mkdir -p "$WORK/logs" "$WORK/gen"
RESULTS="$WORK/results.tsv"
: > "$RESULTS"

log() { printf '==> %s\n' "$*" >&2; }

# Runs a command under the shared build lock when SORA_BUILD_LOCK is set (the other engineer builds too).
locked() {
    if [[ -n "${SORA_BUILD_LOCK:-}" ]]; then
        local lock=/tmp/swift-build.lock
        [[ "$SORA_BUILD_LOCK" == /* ]] && lock="$SORA_BUILD_LOCK"
        flock "$lock" "$@"
    else
        "$@"
    fi
}

# timed OUT CMD...: runs CMD (under the lock, outside the timing) with stdout+stderr to OUT and /usr/bin/time -v's
# report to OUT.time; returns CMD's status.
timed() {
    local out=$1; shift
    locked /usr/bin/time -v -o "$out.time" "$@" > "$out" 2>&1
}
# Wall seconds and peak RSS (KB) from a /usr/bin/time -v report.
wall_of() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"; }
rss_of() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mb() { awk -v k="$1" 'BEGIN { if (k == "" || k == "-") print "-"; else printf "%.0f", k / 1024 }'; }

# record SELECTION GENERATOR KEY VALUE: one measurement, read back by the table at the end.
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$RESULTS"; }
get() { awk -F'\t' -v s="$1" -v g="$2" -v k="$3" '$1 == s && $2 == g && $3 == k { v = $4 } END { print (v == "" ? "-" : v) }' "$RESULTS"; }

# ---------------------------------------------------------------------------------------------------------------
# 1. The two generator CLIs.
# ---------------------------------------------------------------------------------------------------------------
if [[ ! -x "$OURS_BIN" ]]; then
    log "building sora-codegen (release)"
    locked swift build -c release --product sora-codegen > "$WORK/logs/build-sora-codegen.log" 2>&1
fi
if [[ ! -d "$SOG_DIR/.git" ]]; then
    log "cloning swift-openapi-generator"
    git clone -q "$SOG_URL" "$SOG_DIR"
fi
if [[ "$(git -C "$SOG_DIR" describe --tags --exact-match 2>/dev/null || true)" != "$SOG_VERSION" ]]; then
    git -C "$SOG_DIR" fetch -q --tags origin || true
    git -C "$SOG_DIR" -c advice.detachedHead=false checkout -q "$SOG_VERSION"
fi
log "building swift-openapi-generator $SOG_VERSION (release; a no-op when already built)"
(cd "$SOG_DIR" && locked swift build -c release --product swift-openapi-generator) > "$WORK/logs/build-sog.log" 2>&1 \
    || { tail -30 "$WORK/logs/build-sog.log" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# 2. Generation.
# ---------------------------------------------------------------------------------------------------------------
# swift-openapi-generator 1.14.3 stops on the unmodified document before its filter applies (it parses the whole
# document first), so it reads a copy with three workarounds, none of which touches a Videos operation:
#   a) seed.minimum/maximum are written as +-9223372036854776000 (Int64 bounds rounded through a double):
#      "Expected an Integer literal but found a floating point value (9.223372036854776e+18)". Written as the
#      exact Int64 bounds instead.
#   b) 7 schemas use OpenAPI 3.0's `minimum: X` + `exclusiveMinimum: true` in a 3.1 document: "Expected
#      `exclusiveMinimum` value ... to be parsable as Double". Rewritten to 3.1's `exclusiveMinimum: X`.
#   c) Its document filter keeps `webhooks` but drops the components they reference, and the validation after the
#      filter then fails ("Failed to satisfy: JSONSchema reference points to this document and can be found in
#      components/schemas at path: .webhooks.batch_cancelled..."). The generator never reads webhooks, so the
#      top-level `webhooks:` section is removed (this changes nothing in unfiltered generation).
patch_doc_for_theirs() {
    perl -0pe '
        s/^(\s+)minimum: (\S+)\n((?:\1[\w-]+: .*\n)*?)\1exclusiveMinimum: true\n/$1exclusiveMinimum: $2\n$3/mg;
        s/^(\s+minimum: )-9223372036854776000$/${1}-9223372036854775808/m;
        s/^(\s+maximum: )9223372036854776000$/${1}9223372036854775807/m;
    ' "$SPEC" | awk '/^[^ #]/ { skip = ($0 ~ /^webhooks:/) } !skip'
}
THEIRS_SPEC="$WORK/openapi.theirs.yaml"
patch_doc_for_theirs > "$THEIRS_SPEC"
diff "$SPEC" "$THEIRS_SPEC" > "$WORK/openapi.theirs.diff" || true

# Their configurations: types + client, public, default naming strategy (defensive).
printf 'generate:\n  - types\n  - client\naccessModifier: public\nfilter:\n  tags:\n    - Videos\n' > "$WORK/config-videos.yaml"
{
    printf 'generate:\n  - types\n  - client\naccessModifier: public\nfilter:\n  operations:\n'
    printf '    - %s\n' "${VIDEOS9_OPS[@]}"
} > "$WORK/config-videos9.yaml"
printf 'generate:\n  - types\n  - client\naccessModifier: public\n' > "$WORK/config-full.yaml"

ours_args() {
    case $1 in
        videos) echo "--tag Videos" ;;
        videos9) printf -- '--operation %s ' "${VIDEOS9_OPS[@]}" ;;
        full) echo "" ;;
    esac
}

# generate GENERATOR SELECTION OUTDIR: RUNS timed generations into OUTDIR (the last one is kept).
generate() {
    local gen=$1 sel=$2 out=$3 i walls="" rsss="" status=0
    for ((i = 1; i <= RUNS; i++)); do
        rm -rf "$out" && mkdir -p "$out"
        local lg="$WORK/logs/generate-$gen-$sel.log"
        if [[ $gen == ours ]]; then
            # Run outside the repository root: its sora-codegen.yaml would otherwise be read.
            # shellcheck disable=SC2046
            (cd "$WORK/gen" && timed "$lg" "$OURS_BIN" --no-cache --spec "$SPEC" $(ours_args "$sel") --output "$out") || status=$?
        else
            (cd "$WORK/gen" && timed "$lg" "$SOG_BIN" generate "$THEIRS_SPEC" --config "$WORK/config-$sel.yaml" --output-directory "$out") || status=$?
        fi
        if ((status != 0)); then
            log "$gen $sel: generation failed (status $status), see $lg"
            record "$sel" "$gen" gen_status "failed ($status)"
            return 1
        fi
        walls+="$(wall_of "$lg.time")"$'\n'
        rsss+="$(rss_of "$lg.time")"$'\n'
    done
    record "$sel" "$gen" gen_wall "$(printf '%s' "$walls" | median)"
    record "$sel" "$gen" gen_rss "$(printf '%s' "$rsss" | median)"
    record "$sel" "$gen" gen_warnings "$(grep -ciE '(^|: )warning' "$lg" || true)"
    local files lines bytes
    files=$(find "$out" -name '*.swift' | wc -l)
    read -r lines bytes _ < <(find "$out" -name '*.swift' -print0 | sort -z | xargs -0 cat | wc -lc)
    record "$sel" "$gen" files "$files"
    record "$sel" "$gen" lines "$lines"
    record "$sel" "$gen" bytes "$bytes"
}

# Operations per selection, counted in the document's paths (webhooks are not operations).
ops_full=$(awk '/^webhooks:/ { exit } /^      operationId:/ { n++ } END { print n }' "$SPEC")
record videos - ops 10
record videos9 - ops 9
record full - ops "$ops_full"

SELECTIONS=(videos videos9)
[[ "${SKIP_FULL:-}" == 1 ]] || SELECTIONS+=(full)
for sel in "${SELECTIONS[@]}"; do
    for gen in ours theirs; do
        log "generating $sel with $gen"
        generate "$gen" "$sel" "$WORK/gen/$gen-$sel" || true
    done
done
# The committed golden is what the `ours` Videos package compiles: check that the CLI still produces it
# (only the header line, which names the spec path as given, may differ).
if diff -r -I '^// DO NOT EDIT. Generated by sora-codegen from ' "$GOLDEN" "$WORK/gen/ours-videos" > "$WORK/logs/golden.diff"; then
    record videos ours golden "same as Tests/Goldens/openai-videos"
else
    record videos ours golden "DIFFERS from Tests/Goldens/openai-videos (logs/golden.diff)"
fi

# ---------------------------------------------------------------------------------------------------------------
# 3. One package per generated output; compile measurements of the generated target only.
# ---------------------------------------------------------------------------------------------------------------
FRONTEND="$(dirname "$(readlink -f "$(command -v swiftc)")")/swift-frontend"
FE_WRAP="$WORK/frontend-wrapper.sh"
cat > "$FE_WRAP" <<EOF
#!/usr/bin/env bash
# Runs swift-frontend under /usr/bin/time, appending "peakKB wallSeconds" to \$FE_LOG.
exec /usr/bin/time -a -o "\$FE_LOG" -f '%M %e' "$FRONTEND" "\$@"
EOF
chmod +x "$FE_WRAP"

# make_package GENERATOR SELECTION TARGET: Benchmarks/.build-peer/<gen>-<sel>/ with Sources/<TARGET>.
make_package() {
    local gen=$1 sel=$2 target=$3 dir="$PEER/$1-$2" dep product
    mkdir -p "$dir/Sources"
    rm -rf "${dir:?}/Sources/$target"
    if [[ "${FRESH:-}" == 1 ]]; then rm -rf "$dir/.build"; fi
    if [[ $gen == ours ]]; then
        dep='.package(path: "../../..")'
        product='.product(name: "SoraRuntime", package: "main")'
        if [[ $sel == videos ]]; then
            cp -R "$GOLDEN" "$dir/Sources/$target"          # the committed golden, as the brief asks
        else
            cp -R "$WORK/gen/$gen-$sel" "$dir/Sources/$target"
        fi
    else
        dep='.package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0")'
        product='.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")'
        cp -R "$WORK/gen/$gen-$sel" "$dir/Sources/$target"
    fi
    cat > "$dir/Package.swift" <<EOF
// swift-tools-version: 6.1
// Generated by Benchmarks/compile-time/compile-time.sh: $gen's output for the "$sel" selection.
import PackageDescription

let package = Package(
    name: "$gen-$sel",
    platforms: [.macOS(.v15), .iOS(.v18)],
    dependencies: [$dep],
    targets: [.target(name: "$target", dependencies: [$product])],
    swiftLanguageModes: [.v6]
)
EOF
    echo "$dir"
}

# check_recompiled LOG TARGET DIR: a measured build must have compiled every file of the target again.
check_recompiled() {
    local compiled files
    compiled=$(grep -c "Compiling $2 " "$1" || true)
    files=$(find "$3/Sources/$2" -name '*.swift' | wc -l)
    if ((compiled < files)); then
        log "$1: compiled $compiled of $files files of $2; the measurement is not a full rebuild"
        exit 1
    fi
}

# measure_compile GENERATOR SELECTION TARGET
measure_compile() {
    local gen=$1 sel=$2 target=$3 dir i walls="" rsss="" status=0 lg
    dir=$(make_package "$gen" "$sel" "$target")
    lg="$WORK/logs/compile-$gen-$sel"
    log "$gen $sel: building the package once (dependencies and $target)"
    local -a first=(swift build --target "$target")
    [[ $gen-$sel == theirs-full ]] && first=(timeout "$THEIRS_FULL_TIMEOUT" "${first[@]}")
    (cd "$dir" && locked /usr/bin/time -v -o "$lg-first.log.time" "${first[@]}" > "$lg-first.log" 2>&1) || status=$?
    if ((status != 0)); then
        # Does not compile: the count of distinct errors and the first ones, verbatim.
        local errs
        errs=$(grep -E '^/.*:[0-9]+:[0-9]+: error: ' "$lg-first.log" | awk '!seen[$0]++' || true)
        record "$sel" "$gen" compile "FAILS (status $status)"
        record "$sel" "$gen" errors "$(printf '%s' "$errs" | grep -c . || true)"
        record "$sel" "$gen" fail_wall "$(wall_of "$lg-first.log.time")"
        record "$sel" "$gen" fail_rss "$(rss_of "$lg-first.log.time")"
        printf '%s\n' "$errs" | head -5 | sed "s|$dir/||" > "$WORK/first-errors-$gen-$sel.txt"
        log "$gen $sel: does not compile; first errors in $WORK/first-errors-$gen-$sel.txt"
        return 0
    fi
    record "$sel" "$gen" compile ok
    record "$sel" "$gen" compile_warnings "$(grep -cE '^/.*:[0-9]+:[0-9]+: warning: ' "$lg-first.log" || true)"
    for ((i = 1; i <= RUNS; i++)); do
        log "$gen $sel: measured compile $i/$RUNS"
        find "$dir/Sources/$target" -name '*.swift' -exec touch {} +
        (cd "$dir" && locked /usr/bin/time -v -o "$lg-$i.log.time" swift build --target "$target" > "$lg-$i.log" 2>&1)
        check_recompiled "$lg-$i.log" "$target" "$dir"
        walls+="$(wall_of "$lg-$i.log.time")"$'\n'
        rsss+="$(rss_of "$lg-$i.log.time")"$'\n'
    done
    record "$sel" "$gen" compile_wall "$(printf '%s' "$walls" | median)"
    record "$sel" "$gen" compile_rss "$(printf '%s' "$rsss" | sort -g | tail -1)"
    # SwiftPM's fixed cost, part of every wall time above: a build with nothing to do (before the
    # wrapped run below: a changed environment makes SwiftPM plan the build again, which takes seconds).
    (cd "$dir" && locked /usr/bin/time -v -o "$lg-noop.log.time" swift build --target "$target" > "$lg-noop.log" 2>&1)
    record "$sel" "$gen" noop_wall "$(wall_of "$lg-noop.log.time")"
    # Which process was the largest: the same compile with every swift-frontend timed on its own.
    find "$dir/Sources/$target" -name '*.swift' -exec touch {} +
    : > "$lg-frontends.txt"
    (cd "$dir" && FE_LOG="$lg-frontends.txt" SWIFT_DRIVER_SWIFT_FRONTEND_EXEC="$FE_WRAP" \
        locked swift build --target "$target" > "$lg-wrapped.log" 2>&1)
    check_recompiled "$lg-wrapped.log" "$target" "$dir"
    record "$sel" "$gen" frontend_rss "$(awk '$1 ~ /^[0-9]+$/ { if ($1 > m) m = $1 } END { print m }' "$lg-frontends.txt")"
}

for sel in "${SELECTIONS[@]}"; do
    case $sel in videos) suffix=Videos ;; videos9) suffix=Videos9 ;; full) suffix=Full ;; esac
    for gen in ours theirs; do
        if [[ "$(get "$sel" "$gen" gen_wall)" == - ]]; then continue; fi   # not generated
        if [[ $gen == ours ]]; then target="Ours$suffix"; else target="Theirs$suffix"; fi
        measure_compile "$gen" "$sel" "$target"
    done
done

# ---------------------------------------------------------------------------------------------------------------
# 4. The table.
# ---------------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "-" }'; }
{
    echo "swift-openapi-generator $SOG_VERSION vs sora-codegen ($(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- Sources || echo ', dirty tree')), $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), $(nproc) cores; debug, Swift 6 mode; times are medians of $RUNS runs, build memory the largest of them"
    echo "sora-codegen binary: $OURS_BIN, built $(date -r "$OURS_BIN" '+%F %T')"
    echo
    echo "| selection | ops | generator | files | lines | bytes | generate s | generate MB | debug compile s | no-op build s | peak build MB | largest swift-frontend MB | result |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for sel in "${SELECTIONS[@]}"; do
        for gen in ours theirs; do
            result=$(get "$sel" "$gen" compile)
            if [[ $result == FAILS* ]]; then
                result="does not compile: $(get "$sel" "$gen" errors) errors (failed after $(get "$sel" "$gen" fail_wall) s, $(mb "$(get "$sel" "$gen" fail_rss)") MB)"
            elif [[ $result == - ]]; then
                result="generation: $(get "$sel" "$gen" gen_status)"
            fi
            printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$sel" "$(get "$sel" - ops)" "$gen" \
                "$(get "$sel" "$gen" files)" "$(get "$sel" "$gen" lines)" "$(get "$sel" "$gen" bytes)" \
                "$(get "$sel" "$gen" gen_wall)" "$(mb "$(get "$sel" "$gen" gen_rss)")" \
                "$(get "$sel" "$gen" compile_wall)" "$(get "$sel" "$gen" noop_wall)" \
                "$(mb "$(get "$sel" "$gen" compile_rss)")" "$(mb "$(get "$sel" "$gen" frontend_rss)")" "$result"
        done
    done
    echo
    echo "| ours / theirs | lines | bytes | generate s | debug compile s | compile minus no-op | peak build MB |"
    echo "|---|---|---|---|---|---|---|"
    for sel in "${SELECTIONS[@]}"; do
        ow=$(get "$sel" ours compile_wall) tw=$(get "$sel" theirs compile_wall)
        on=$(get "$sel" ours noop_wall) tn=$(get "$sel" theirs noop_wall)
        net=$(awk -v a="$ow" -v b="$on" -v c="$tw" -v d="$tn" 'BEGIN { if (a ~ /^[0-9.]+$/ && c ~ /^[0-9.]+$/ && c - d > 0) printf "%.2f", (a - b) / (c - d); else print "-" }')
        printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$sel" \
            "$(ratio "$(get "$sel" ours lines)" "$(get "$sel" theirs lines)")" \
            "$(ratio "$(get "$sel" ours bytes)" "$(get "$sel" theirs bytes)")" \
            "$(ratio "$(get "$sel" ours gen_wall)" "$(get "$sel" theirs gen_wall)")" \
            "$(ratio "$ow" "$tw")" "$net" \
            "$(ratio "$(get "$sel" ours compile_rss)" "$(get "$sel" theirs compile_rss)")"
    done
    echo
    echo "ours videos package: $(get videos ours golden)"
    for f in "$WORK"/first-errors-*.txt; do
        [[ -e $f ]] || continue
        echo
        echo "First errors, $(basename "$f" .txt | sed 's/^first-errors-//'):"
        sed 's/^/    /' "$f"
    done
} | tee "$WORK/results.md"
