#!/bin/bash
# Step 2: build the initramfs: static busybox, the static exhaust4 workload (gcc -static),
# the kernel's nvme/nvme-core/nvme-auth/nvme-keyring/virtio_blk modules (decompressed: busybox
# insmod does not read .ko.xz) and ./init.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/env.sh"
B=$LAB_WORK/initramfs
rm -rf "$B" && mkdir -p "$B"/{bin,lib/modules,proc,sys,dev,tmp,out}
mknod "$B/dev/console" c 5 1
cp "$BUSYBOX" "$B/bin/busybox"
gcc -O2 -Wall -static -pthread -o "$B/bin/exhaust4" "$HERE/exhaust4.c"
for m in drivers/nvme/common/nvme-keyring drivers/nvme/common/nvme-auth drivers/nvme/host/nvme-core \
	drivers/nvme/host/nvme drivers/block/virtio_blk; do
	xz -dc "$MODDIR/$m.ko.xz" > "$B/lib/modules/$(basename $m).ko"
done
install -m 755 "$HERE/init" "$B/init"
(cd "$B" && find . | "$BUSYBOX" cpio -o -H newc 2>/dev/null | gzip -1) > "$LAB_WORK/initramfs.cpio.gz"
ls -l "$LAB_WORK/initramfs.cpio.gz"
