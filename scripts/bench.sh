#!/usr/bin/env bash
# Whole-process benchmarks of swiotrace beside its peers, as the README's performance table shows them.
#
#   scripts/bench.sh [--runs N] [--out DIR] CAPTURE      one capture: every verb, the page-walk floor, trace-cmd report
#   scripts/bench.sh [--runs N] [--out DIR] --scale GIB  a GIB-sized trace.dat made by the benchmarks' writer from the
#                                                       bundled fio-mixed-6.1.0 (its events repeated, bounce addresses
#                                                       answered by the 6.1 allocator model), through inspect, replay and
#                                                       validate beside trace-cmd report
#   scripts/bench.sh --make-fio1m DIR                   writes the 1,032,594-event capture the README measures (108
#                                                       repetitions of fio-mixed-6.1.0, zstd) into DIR
#
# Builds the NativeAOT binary (the installed form) and the benchmarks tool from this clone. Each figure is the median of
# N runs (default 5) of /usr/bin/time; peak memory is the largest maximum resident set size among them. Prints a Markdown
# table with the ratios the performance goals are stated in, and the peers' versions.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=5 out=${TMPDIR:-/tmp}/swiotrace-bench scale="" capture="" make=""
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --scale) scale=$2; shift 2 ;;
        --make-fio1m) make=$2; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) capture=$1; shift ;;
    esac
done
[ -n "$capture$scale$make" ] || { echo "usage: scripts/bench.sh [--runs N] [--out DIR] CAPTURE | --scale GIB | --make-fio1m DIR" >&2; exit 2; }
command -v /usr/bin/time > /dev/null || { echo "bench.sh: /usr/bin/time is needed (Debian package time)" >&2; exit 2; }
mkdir -p "$out"

echo "building the NativeAOT binary and the benchmarks tool ..." >&2
dotnet publish "$root/cli" -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" > "$out/publish.log" 2>&1 || { tail -20 "$out/publish.log" >&2; exit 1; }
dotnet build "$root/tests/Swiotlb.Trace.Benchmarks" -c Release -o "$out/bench" > "$out/bench-build.log" 2>&1 || { tail -20 "$out/bench-build.log" >&2; exit 1; }
swiotrace=$out/aot/swiotrace
benchmarks=$out/bench/Swiotlb.Trace.Benchmarks
template=$root/samples/captures/fio-mixed-6.1.0

if [ -n "$make" ]; then
    "$benchmarks" capture-write "$template" "$make" 108 v7zstd
    exit 0
fi

# measure NAME COMMAND...: median wall seconds and peak KiB over the runs, kept in $seconds and $kib.
measure() {
    local name=$1; shift
    local times=() peak=0 i
    for i in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$out/time" "$@" > /dev/null 2> "$out/$name.stderr" || true
        read -r elapsed rss < <(tail -1 "$out/time")
        times+=("$elapsed")
        [ "$rss" -gt "$peak" ] && peak=$rss
    done
    seconds=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
    kib=$peak
    printf '%s\t%s\t%s\n' "$name" "$seconds" "$kib" >> "$out/results.tsv"
    echo "  $name: $seconds s, $((kib / 1024)) MiB" >&2
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
row() { printf '| %s | %s s | %s MiB | %s |\n' "$1" "$2" "$(( $3 / 1024 ))" "$4"; }

: > "$out/results.tsv"
if [ -n "$scale" ]; then
    repetitions=$(awk -v g="$scale" 'BEGIN { printf "%d", g * 1073741824 / 64680130 * 108 + 0.5 }')
    capture=$out/scale/trace.dat
    [ -f "$capture" ] || "$benchmarks" capture-write "$template" "$out/scale" "$repetitions" v7 >&2
fi
[ -e "$capture" ] || { echo "bench.sh: $capture: no such capture" >&2; exit 2; }
bytes=$(stat -c %s "$capture")
echo "measuring $capture ($bytes bytes), $runs runs each ..." >&2

measure walk "$benchmarks" tracedat-walk "$capture"; walk=$seconds walk_kib=$kib
measure trace-cmd trace-cmd report -i "$capture"; tracecmd=$seconds tracecmd_kib=$kib
measure inspect "$swiotrace" inspect "$capture"; inspect=$seconds inspect_kib=$kib
measure replay "$swiotrace" replay "$capture"; replay=$seconds replay_kib=$kib
measure validate "$swiotrace" validate "$capture"; validate=$seconds validate_kib=$kib
if [ -z "$scale" ]; then
    measure export "$swiotrace" export -o "$out/export" "$capture"; export=$seconds export_kib=$kib
    if command -v hyperfine > /dev/null; then
        hyperfine -N -w 3 -r 50 --export-json "$out/help.json" "$swiotrace --help" > /dev/null 2>&1
        help=$(grep -m1 '"median"' "$out/help.json" | tr -dc '0-9.' )
    else
        measure help "$swiotrace" --help; help=$seconds
    fi
fi
events=$("$swiotrace" inspect --format json "$capture" | grep -m1 '"eventsRead"' | tr -dc '0-9')

echo
echo "$(basename "$(dirname "$capture")")/$(basename "$capture"): $bytes bytes, $events events; medians of $runs runs on $(nproc) CPUs"
echo
echo "| run | time | peak memory | ratio |"
echo "|---|---|---|---|"
row "page walk (floor: decompress, walk, count)" "$walk" "$walk_kib" ""
row "trace-cmd report > /dev/null" "$tracecmd" "$tracecmd_kib" "$(ratio "$tracecmd" "$inspect")× inspect"
row "swiotrace inspect" "$inspect" "$inspect_kib" "$(ratio "$inspect" "$walk")× page walk"
row "swiotrace replay (2 models)" "$replay" "$replay_kib" "$(ratio "$replay" "$inspect")× inspect"
row "swiotrace validate" "$validate" "$validate_kib" "$(ratio "$validate" "$replay")× replay"
if [ -z "$scale" ]; then
    row "swiotrace export (parquet)" "$export" "$export_kib" "$(ratio "$export" "$replay")× replay"
    echo "| swiotrace --help | $help s | | start-up (hyperfine median of 50 where installed) |"
fi
echo
echo "peers: $(trace-cmd -h 2>&1 | grep -m1 version), $(dpkg-query -W -f='${Package} ${Version}, ' libzstd1 time 2>/dev/null), $(hyperfine --version 2>/dev/null || echo 'no hyperfine'), .NET $(dotnet --version)"
