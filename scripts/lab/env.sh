# sourced by the lab scripts: where things are, and how QEMU is run
LAB_WORK=${LAB_WORK:-$HOME/.cache/swiotrace-lab}
KVER=${LAB_KVER:-6.12.117+deb13-amd64}
KDIR=$LAB_WORK/kimg
MODDIR=$KDIR/usr/lib/modules/$KVER/kernel
[ -d "$MODDIR" ] || MODDIR=$KDIR/lib/modules/$KVER/kernel   # bookworm's packages keep /lib
VMLINUZ=$KDIR/boot/vmlinuz-$KVER
[ -f "$VMLINUZ" ] || VMLINUZ=$KDIR/usr/lib/modules/$KVER/vmlinuz.unsigned   # 7.x: linux-binary-unsigned, no /boot
if [ -x "$LAB_WORK/root/usr/bin/qemu-system-x86_64" ]; then
	QEMU=$LAB_WORK/root/usr/bin/qemu-system-x86_64
	QEMU_DATA=$LAB_WORK/root/usr/share/qemu
	LD_LIBRARY_PATH=$(find -L "$LAB_WORK/root" -name '*.so*' -printf '%h\n' | sort -u | paste -sd:)
	export LD_LIBRARY_PATH
else
	QEMU=$(command -v qemu-system-x86_64)
	QEMU_DATA=/usr/share/qemu
fi
BUSYBOX=$LAB_WORK/root/bin/busybox
[ -x "$BUSYBOX" ] || BUSYBOX=/bin/busybox
