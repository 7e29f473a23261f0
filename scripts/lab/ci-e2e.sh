#!/bin/bash
# The record lab for CI: for Debian 6.1, 6.12 and 7.3, fetch the kernel (fetch.sh), then record-e2e.sh: swiotrace record
# inside the guest, tracefs left as it was, no probe hit missed, validate 100 % on the host. Prints one line per kernel,
# "lab: KERNEL passed|failed|skipped (why)", and last "lab: N passed, N failed, N skipped". A kernel whose download or
# unpacking fails is skipped (the network, not swiotrace); root is needed (mknod, the guest's devices).
# Usage: ci-e2e.sh [WORKDIR]   (default ~/.cache/swiotrace-lab-ci; one folder per kernel under it)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${1:-$HOME/.cache/swiotrace-lab-ci}
kernels=("6.1.0-57-amd64 bookworm" "6.12.117+deb13-amd64 trixie" "7.3.4+deb13-amd64 trixie-backports")
passed=0 failed=0 skipped=0
# true when the console shows a kernel panic before the first recording started
boot_panic() { awk '/=== lab: swiotrace record/ { exit 1 } /Kernel panic/ { found = 1; exit 0 } END { exit !found }' "$1"; }
if [ "$(id -u)" -ne 0 ]; then
	echo "lab: skipped: not root (the initramfs needs mknod)"
	echo "lab: 0 passed, 0 failed, ${#kernels[@]} skipped"
	exit 0
fi
for entry in "${kernels[@]}"; do
	read -r kver suite <<<"$entry"
	export LAB_WORK=$WORK/$kver LAB_KVER=$kver LAB_SUITE=$suite
	if ! "$HERE/fetch.sh" > "$WORK.$kver.fetch.log" 2>&1; then
		echo "lab: $kver skipped (fetch failed: $(tail -1 "$WORK.$kver.fetch.log"))"
		skipped=$((skipped + 1))
		continue
	fi
	# a guest that panicked before recording began (a boot flake under TCG, not swiotrace's doing) is booted again once
	for attempt in 1 2; do
		"$HERE/record-e2e.sh" "$LAB_WORK/capture" > "$WORK.$kver.e2e.log" 2>&1 && { ok=1; break; }
		ok=0
		boot_panic "$LAB_WORK/run/console.log" || break
		echo "lab: $kver: the guest panicked before recording (attempt $attempt)"
	done
	if [ "$ok" = 1 ]; then
		echo "lab: $kver passed ($(grep -E '^(fio|mkfs): ' "$WORK.$kver.e2e.log" | paste -sd';'))"
		passed=$((passed + 1))
	else
		echo "lab: $kver failed:"; tail -15 "$WORK.$kver.e2e.log" | sed 's/^/lab:   /'
		failed=$((failed + 1))
	fi
done
echo "lab: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
