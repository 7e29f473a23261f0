#!/bin/bash
# End to end: `swiotrace record` inside a Debian guest (LAB_KVER; the NativeAOT binary in the initramfs, with the glibc
# it links against), then `swiotrace validate` of the recorded capture on the host, which must match every mapping,
# with no probe hit missed (kprobe_profile's misses; as many unmaps and returns as maps) and tracefs left as it was (a snapshot
# before and after, in the guest). Needs fetch.sh first; builds the NativeAOT binary.
# Usage: record-e2e.sh DEST
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/env.sh"
DEST=${1:?usage: record-e2e.sh DEST}
REPO=$(cd "$HERE/../.." && pwd)
AOT=$LAB_WORK/aot
dotnet publish "$REPO/cli" -c Release -r linux-x64 -p:PublishAot=true -o "$AOT" > "$LAB_WORK/aot.log" 2>&1 || { tail -20 "$LAB_WORK/aot.log"; exit 1; }

B=$LAB_WORK/initramfs-record
rm -rf "$B" && mkdir -p "$B"/{bin,lib/modules,proc,sys,dev,tmp,out}
mknod "$B/dev/console" c 5 1
cp "$BUSYBOX" "$B/bin/busybox"
gcc -O2 -Wall -static -pthread -o "$B/bin/exhaust4" "$HERE/exhaust4.c"
cp "$AOT/swiotrace" "$B/bin/swiotrace"
# mkfs.xfs from the host release's xfsprogs (the issue's reproduction), downloaded and unpacked, not installed
X=$LAB_WORK/xfsprogs
if [ ! -x "$X/root/sbin/mkfs.xfs" ]; then
	mkdir -p "$X" && (cd "$X" && apt-get download xfsprogs libinih1 liburcu8 >/dev/null 2>&1 && for d in *.deb; do dpkg-deb -x "$d" root; done)
fi
cp "$X/root/sbin/mkfs.xfs" "$B/bin/mkfs.xfs"
# the shared libraries each binary links against, at the paths its loader looks in
XLIBS=$(find "$X/root" -name '*.so*' -printf '%h\n' | sort -u | paste -sd:)
for lib in $(ldd "$AOT/swiotrace" | grep -o '/[^ ]*') $(LD_LIBRARY_PATH=$XLIBS ldd "$X/root/sbin/mkfs.xfs" | grep -o '/[^ ]*'); do
	case $lib in "$X"/*) target=/lib/x86_64-linux-gnu/$(basename "$lib") ;; *) target=$lib ;; esac
	mkdir -p "$B$(dirname "$target")" && cp -L "$lib" "$B$target"
done
# the NVMe and virtio-blk drivers with every module they depend on (the depends= of each .modinfo), in load order:
# kernels differ in what is a module (6.1: t10-pi, crc64, virtio_pci; 6.12: nvme-keyring, nvme-auth)
declare -A needed=()
order=()
module_file() {
	local alias found
	for alias in "$1" "${1//_/-}" "${1//-/_}"; do
		found=$(find "$MODDIR" \( -name "$alias.ko" -o -name "$alias.ko.xz" \) -print -quit)
		[ -z "$found" ] || { echo "$found"; return 0; }
	done
}
module_depends() {
	case $1 in
	*.xz) xz -dc "$1" | strings | sed -n 's/^depends=//p' ;;
	*) strings "$1" | sed -n 's/^depends=//p' ;;
	esac
}
need() {
	local file dep
	[ -n "${needed[$1]:-}" ] && return 0
	needed[$1]=1
	file=$(module_file "$1")
	[ -n "$file" ] || return 0   # built in
	for dep in $(module_depends "$file" | tr ',' ' '); do need "$dep"; done
	order+=("$file")
}
for m in nvme virtio_pci virtio_blk; do need "$m"; done
for file in "${order[@]}"; do
	name=$(basename "${file%.xz}")
	case $file in *.xz) xz -dc "$file" > "$B/lib/modules/$name" ;; *) cp "$file" "$B/lib/modules/$name" ;; esac
	echo "$name" >> "$B/lib/modules/order"
done
install -m 755 "$HERE/init-record" "$B/init"
(cd "$B" && find . | "$BUSYBOX" cpio -o -H newc 2>/dev/null | gzip -1) > "$LAB_WORK/initramfs-record.cpio.gz"

# panic=-1: a guest that panics resets at once, and -no-reboot ends QEMU (no waiting for the timeout)
LAB_TIMEOUT=${LAB_TIMEOUT:-600} LAB_NVME_SIZE=1G LAB_INITRD=$LAB_WORK/initramfs-record.cpio.gz LAB_CMDLINE="console=ttyS0 swiotlb=force quiet log_buf_len=8M panic=-1" "$HERE/run.sh" "$DEST"

status=0
diff "$DEST/tracefs-before.txt" "$DEST/tracefs-after.txt" || { echo "record-e2e: tracefs was not restored" >&2; status=1; }
for run in fio mkfs; do
	C=$DEST/$run
	grep -q '^record exit 0$' "$C/record.stderr" || { echo "record-e2e: $run: record failed: $(cat "$C/record.stderr")" >&2; status=1; }
	grep -q 'the command exited with 0;' "$C/record.stderr" || { echo "record-e2e: $run: the traced command failed: $(head -3 "$C/record.stderr")" >&2; status=1; }
	awk 'NF >= 3 && $3 != 0 { bad = 1; print "record-e2e: probe " $1 " missed " $3 " hit(s)" > "/dev/stderr" } END { exit bad }' "$C/capture/kprobe_profile.txt" || status=1
	"$AOT/swiotrace" validate "$C/capture/trace.txt" > "$C/validate.txt" || { echo "record-e2e: $run: validate found mismatches" >&2; status=1; }
	# every map, return and unmap probe hit kept: the workload's I/O all completed, so the three counts are equal
	counts=$(for p in swmap swmapret swunmap; do grep -c " $p: " "$C/capture/trace.txt"; done | paste -sd' ')
	read -r maps returns unmaps <<<"$counts"
	[ "$maps" -gt 0 ] && [ "$maps" = "$returns" ] && [ "$maps" = "$unmaps" ] \
		|| { echo "record-e2e: $run: probe hits lost: $maps maps, $returns returns, $unmaps unmaps" >&2; status=1; }
	echo "$run: $maps maps, $returns returns, $unmaps unmaps;$(grep -E 'exact matches' "$C/validate.txt" | tr -s ' ')"
done
exit $status
