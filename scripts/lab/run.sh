#!/bin/bash
# Step 3: boot the guest once (TCG, 4 CPUs, 1 GiB, nice -n 10), emulated NVMe disk at
# 0000:00:04.0 (the workload's target) and a virtio-blk disk at 0000:00:05.0 (the capture is
# written there as a tar), then unpack the capture into DEST.
# Usage: run.sh DEST [TPC [ITERS]]   (threads per CPU, I/Os per thread; default 4 16)
# LAB_CMDLINE and LAB_INITRD replace the kernel command line and the initramfs (record-e2e.sh uses both).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/env.sh"
DEST=${1:?usage: run.sh DEST [TPC [ITERS]]}
TPC=${2:-4}; ITERS=${3:-16}
R=$LAB_WORK/run
rm -rf "$R" && mkdir -p "$R"
truncate -s "${LAB_NVME_SIZE:-256M}" "$R/nvme.img"
truncate -s 64M "$R/out.img"
CMDLINE=${LAB_CMDLINE:-"console=ttyS0 swiotlb=1024,4,force quiet log_buf_len=8M lab.tpc=$TPC lab.iters=$ITERS"}
QARGS=(-L "$QEMU_DATA" -machine pc,accel=tcg -cpu max -smp 4 -m 1G
	-nographic -no-reboot -vga none -nic none
	-kernel "$VMLINUZ" -initrd "${LAB_INITRD:-$LAB_WORK/initramfs.cpio.gz}" -append "$CMDLINE"
	-drive file="$R/nvme.img",if=none,id=nvm,format=raw -device nvme,serial=deadbeef,drive=nvm,addr=04.0
	-drive file="$R/out.img",if=none,id=out,format=raw -device virtio-blk-pci,drive=out,addr=05.0)
start=$(date +%s)
nice -n 10 timeout ${LAB_TIMEOUT:-1800} "$QEMU" "${QARGS[@]}" > "$R/console.log" 2>&1 < /dev/null || echo "qemu exit $?"
took=$(( $(date +%s) - start ))
echo "guest ran $took s"
tail -5 "$R/console.log"
mkdir -p "$DEST"
tar -xf "$R/out.img" -C "$R"
cp -r "$R"/out/* "$DEST"/
cp "$R/console.log" "$DEST/console.log"
{
	echo "host: $("$QEMU" --version | head -1)"
	echo "qemu-system-x86_64 ${QARGS[*]}" | sed "s|$LAB_WORK|\$LAB_WORK|g"
	echo "guest wall time: $took s (boot to power-off, TCG, nice -n 10)"
} > "$DEST/qemu.txt"
ls -l "$DEST"
