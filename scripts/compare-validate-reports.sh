#!/usr/bin/env bash
# Runs `swiotrace validate` (text and JSON) on every sample capture with two builds and diffs the reports
# byte for byte, exit codes included. Usage: compare-validate-reports.sh BASELINE.dll CANDIDATE.dll [OUTDIR]
set -u
baseline=$1 candidate=$2 out=${3:-$(mktemp -d)}
captures=$(cd "$(dirname "$0")/../samples/captures" && pwd)
mkdir -p "$out/baseline" "$out/candidate"
differ=0 compared=0
for capture in "$captures"/*/trace.txt "$captures"/*/trace.dat "$captures"/hang-*/console.log; do
    [ -f "$capture" ] || continue
    name=$(basename "$(dirname "$capture")")-$(basename "$capture")
    for format in text json; do
        for build in baseline candidate; do
            dll=$baseline; [ $build = candidate ] && dll=$candidate
            report=$out/$build/$name.$format
            [ $build = baseline ] && [ -s "$report" ] && continue   # a baseline already run is kept
            dotnet "$dll" validate "$capture" --format $format > "$report" 2> "$report.stderr"
            echo "exit $?" >> "$report"
        done
        compared=$((compared + 1))
        if ! cmp -s "$out/baseline/$name.$format" "$out/candidate/$name.$format"; then
            differ=$((differ + 1))
            echo "DIFFERS: $name ($format)"
            diff "$out/baseline/$name.$format" "$out/candidate/$name.$format" | head -20
        fi
    done
done
echo "$compared reports compared, $differ differ (reports in $out)"
[ $differ -eq 0 ]
