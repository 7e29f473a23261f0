#!/usr/bin/env bash
# Runs swiotrace's report verbs (text and JSON) on every sample capture with two builds and diffs the reports byte for
# byte, exit codes included: a change meant to be invisible (a speed-up, a refactoring) must leave them all as they were.
# Usage: compare-reports.sh BASELINE.dll CANDIDATE.dll [OUTDIR]; VERBS="validate inspect replay" by default.
set -u
baseline=$1 candidate=$2 out=${3:-$(mktemp -d)}
verbs=${VERBS:-validate inspect replay}
captures=$(cd "$(dirname "$0")/../samples/captures" && pwd)
mkdir -p "$out/baseline" "$out/candidate"
differ=0 compared=0
for capture in "$captures"/*/trace.txt "$captures"/*/trace.dat "$captures"/*/perf-script.txt "$captures"/hang-*/console.log; do
    [ -f "$capture" ] || continue
    name=$(basename "$(dirname "$capture")")-$(basename "$capture")
    for verb in $verbs; do
        for format in text json; do
            for build in baseline candidate; do
                dll=$baseline; [ $build = candidate ] && dll=$candidate
                report=$out/$build/$name.$verb.$format
                [ $build = baseline ] && [ -s "$report" ] && continue   # a baseline already run is kept
                dotnet "$dll" "$verb" "$capture" --format $format > "$report" 2> "$report.stderr"
                echo "exit $?" >> "$report"
            done
            compared=$((compared + 1))
            # A replay's JSON states when it ran and for how long: those two fields are left out of the comparison.
            if ! cmp -s <(grep -v -E '"(started|elapsedSeconds|elapsed)"' "$out/baseline/$name.$verb.$format") \
                        <(grep -v -E '"(started|elapsedSeconds|elapsed)"' "$out/candidate/$name.$verb.$format"); then
                differ=$((differ + 1))
                echo "DIFFERS: $name $verb ($format)"
                diff "$out/baseline/$name.$verb.$format" "$out/candidate/$name.$verb.$format" | head -20
            fi
        done
    done
done
echo "$compared reports compared, $differ differ (reports in $out)"
[ $differ -eq 0 ]
