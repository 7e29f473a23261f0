#!/usr/bin/env bash
# What inferring an unstated pool costs: for every bundled trace.txt, whole-process times (median of N runs, /usr/bin/time)
# of `validate` with the pool stated, of `validate` on a copy stripped of pool= and alone in a folder (no uname.txt,
# dmesg.txt: pool and kernel generation inferred), and of `replay` with the pool stated. Prints one row per capture:
# capture, validate stated, validate inferred, the difference, replay, and whether the difference stays within one replay.
# Usage: bench-inference.sh SWIOTRACE [RUNS]
set -u
swiotrace=$1 runs=${2:-5}
captures=$(cd "$(dirname "$0")/../samples/captures" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() {   # runs a command $runs times, prints the median elapsed seconds
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1
    done | median
}

printf '%-32s %10s %10s %10s %10s %s\n' capture stated inferred added replay within
for capture in "$captures"/*/trace.txt; do
    name=$(basename "$(dirname "$capture")")
    mkdir -p "$work/$name"
    sed -E 's/ pool=0x[0-9a-f]+//' "$capture" > "$work/$name/trace.txt"
    stated=$(seconds "$swiotrace" validate "$capture")
    inferred=$(seconds "$swiotrace" validate "$work/$name/trace.txt")
    replay=$(seconds "$swiotrace" replay "$capture")
    awk -v n="$name" -v s="$stated" -v i="$inferred" -v r="$replay" \
        'BEGIN { d = i - s; printf "%-32s %10.2f %10.2f %10.2f %10.2f %s\n", n, s, i, d, r, (d <= r ? "yes" : "no") }'
done
