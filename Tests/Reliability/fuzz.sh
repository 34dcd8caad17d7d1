#!/usr/bin/env bash
# Fuzzes infoview's prompt parsers, pattern compiler, normaliser, coach and terminal sanitiser with
# libFuzzer (swiftc -sanitize=fuzzer,address), each for a while, and prints what each target did.
#
# Usage: Tests/Reliability/fuzz.sh [--minutes N] [--timeout SECONDS] [TARGET...]
#   TARGET: prompts patterns normaliser matcher terminal (default: all five, one after another)
#   --minutes N       how long each target runs (default 10; 0.5 is half a minute)
#   --timeout SECONDS an input that takes longer counts as a hang and stops the target (default 10)
#
# Everything goes under .build/fuzz/ (FUZZ_WORK to change it): the binary, each target's corpus
# (seeded from prompts/ and kept between runs), and crash-*, timeout-* or oom-* files for any
# input that failed; replay one with `FUZZ_TARGET=TARGET .build/fuzz/fuzz-infoview FILE`. Exit status 1 if any target
# found something. See FuzzHarness.swift for what each target feeds its input to and checks.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=${FUZZ_WORK:-$root/.build/fuzz}
minutes=10
timeout=10
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        prompts|patterns|normaliser|matcher|terminal) targets+=("$1"); shift ;;
        *) echo "usage: $0 [--minutes N] [--timeout SECONDS] [prompts|patterns|normaliser|matcher|terminal ...]" >&2; exit 2 ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(prompts patterns normaliser matcher terminal)
mkdir -p "$work"

# The prompts as the build embeds them.
# Building InfoviewCore builds the tool its plugin runs (named EmbedPromptsTool-tool when built for the plugin).
swift build --package-path "$root" --target InfoviewCore >/dev/null
tool=
for candidate in "$root/.build/debug/EmbedPromptsTool-tool" "$root/.build/debug/EmbedPromptsTool"; do
    if [ -x "$candidate" ]; then tool=$candidate; break; fi
done
[ -n "$tool" ] || { echo "fuzz.sh: the prompt embedding tool was not built" >&2; exit 1; }
"$tool" "$root/prompts" "$work/EmbeddedPrompts.swift"
mapfile -t sources < <(find "$root/Sources/InfoviewCore" -name '*.swift' -not -path '*/Store/*' | sort)
sources+=("$work/EmbeddedPrompts.swift" "$root/Sources/InfoviewCLI/TerminalText.swift" "$root/Tests/Reliability/FuzzHarness.swift")

# Seeds: the shipped files, their patterns and examples, and a few hostile texts.
python3 - "$root/prompts" "$work" <<'EOF'
import os, sys
prompts, work = sys.argv[1], sys.argv[2]
def seed(target, name, data):
    folder = os.path.join(work, "corpus-" + target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "seed-" + name), "wb") as file:
        file.write(data)
texts, patterns = [], []
for base, _, names in os.walk(prompts):
    for name in sorted(names):
        path = os.path.join(base, name)
        data = open(path, "rb").read()
        kind = {".flow": 0, ".messages": 1, ".rules": 2}.get(os.path.splitext(name)[1], 3)
        seed("prompts", name, bytes([kind]) + data)
        for line in data.decode("utf-8", "replace").splitlines():
            key, _, value = line.strip().partition(": ")
            if key in ("when", "unless", "is", "context"):
                patterns.append(value)
            elif key in ("example", "not", "say", "ask"):
                texts.append(value.split(" << ")[0])
for index, pattern in enumerate(patterns[:400]):
    seed("patterns", str(index), pattern.encode())
hostile = [
    "\x1b]0;title\x07Are you hiring?", "\x1b[31mred\x1b[0m \x9b2J", "\x1b[201~ pasted end", "\u202eevil\u202c",
    "a\x00b", "".join(chr(c) for c in range(32)) + "\x7f" + "".join(chr(c) for c in range(0x80, 0xa0)),
    "word " * 2000, "Can I send you my CV?\n" * 200,
]
for index, text in enumerate(texts[:600] + hostile):
    data = text.encode("utf-8", "surrogatepass")
    seed("normaliser", str(index), data)
    seed("matcher", str(index), bytes([index % 8]) + data)
    seed("terminal", str(index), bytes([index % 100]) + data)
seed("terminal", "invalid-utf8", b"\x28\xff\xfe\xc3\x28\xe2\x82\x28\xf0\x90\x28")
EOF

binary=$work/fuzz-infoview
echo "== building $binary" >&2
if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name InfoviewCore \
    "${sources[@]}" -o "$binary" >"$work/build.log" 2>&1; then
    grep -E 'error' "$work/build.log" >&2 || tail -20 "$work/build.log" >&2
    exit 1
fi

status=0
for target in "${targets[@]}"; do
    mkdir -p "$work/crashes-$target"
    case $target in
        prompts) max_len=200000 ;;
        patterns) max_len=400 ;;
        *) max_len=65536 ;;
    esac
    log=$work/fuzz-$target.log
    echo "== $target: running for $minutes minutes (log: $log)" >&2
    set +e
    FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$binary" "$work/corpus-$target" \
        -max_total_time="$(awk "BEGIN { print int($minutes * 60) }")" -timeout="$timeout" -rss_limit_mb=4096 -max_len=$max_len \
        -print_final_stats=1 -artifact_prefix="$work/crashes-$target/" >"$log" 2>&1
    code=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [ -n "$runs" ] || runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
    seconds=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    found=$(find "$work/crashes-$target" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) | wc -l)
    corpus=$(find "$work/corpus-$target" -type f | wc -l)
    echo "$target: ${runs:-0} executions (${seconds} a second), corpus $corpus inputs, exit $code, failing inputs kept: $found"
    if [ "$code" -ne 0 ] || [ "$found" -ne 0 ]; then
        status=1
        grep -m1 -E 'ERROR|Fatal error|fatal error|deadly signal|timeout' "$log" >&2 || true
    fi
done
exit $status
