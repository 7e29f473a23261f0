#!/bin/bash
# Step 1: fetch what the lab needs, without installing anything on the host.
#  - Debian trixie kernel linux-image-6.12.117+deb13-amd64-unsigned 6.12.117-1 (vmlinuz, modules)
#  - QEMU (qemu-system-x86 of the host's Debian release) and the libraries it needs, extracted
#    into $LAB_WORK/root and run from there with LD_LIBRARY_PATH (so a broken or foreign dpkg
#    state on the host does not matter)
#  - busybox-static
# The trixie kernel comes through a private apt sources list ($LAB_SOURCES, state in
# $LAB_WORK/apt): apt-get download only.
set -euo pipefail
LAB_WORK=${LAB_WORK:-$HOME/.cache/swiotrace-lab}
KVER=${LAB_KVER:-6.12.117+deb13-amd64}   # another kernel: LAB_KVER=6.1.0-57-amd64 LAB_SUITE=bookworm
case $KVER in
7.*) KPKGS="linux-binary-unsigned-$KVER linux-modules-$KVER" ;;   # 7.x: image and modules apart, no /boot
*) KPKGS="linux-image-$KVER-unsigned" ;;
esac
mkdir -p "$LAB_WORK"/{debs,root,kimg,apt/lists/partial,apt/cache/archives/partial}
cd "$LAB_WORK"

SRC=${LAB_SOURCES:-$LAB_WORK/apt/sources.list}
if [ ! -s "$SRC" ]; then
	SUITE=${LAB_SUITE:-trixie}
	echo "deb http://deb.debian.org/debian $SUITE main" > "$SRC"
	case $SUITE in *-backports) ;; *) echo "deb http://deb.debian.org/debian-security $SUITE-security main" >> "$SRC" ;; esac
fi
APT=(apt-get -o Dir::Etc::SourceList="$SRC" -o Dir::Etc::SourceParts=/dev/null
	-o Dir::State::Lists="${LAB_APT_LISTS:-$LAB_WORK/apt/lists}" -o Dir::Cache="${LAB_APT_CACHE:-$LAB_WORK/apt/cache}")
for KPKG in $KPKGS; do
	if ! ls "$KPKG"_*.deb >/dev/null 2>&1; then
		[ -n "${LAB_APT_LISTS:-}" ] || [ -n "${updated:-}" ] || { "${APT[@]}" update -q; updated=1; }
		"${APT[@]}" download "$KPKG"
	fi
done

# host-release packages (the host's own apt configuration)
HOSTPKGS="qemu-system-x86 qemu-system-common qemu-system-data seabios ipxe-qemu libaio1 libcapstone4
libfdt1 libfuse3-3 libibverbs1 libpmem1 librdmacm1 libslirp0 liburing2 libvdeplug2 libndctl6 libdaxctl1
libnl-3-200 libnl-route-3-200 busybox-static"
cd debs
for p in $HOSTPKGS; do
	ls "${p}"_*.deb >/dev/null 2>&1 || apt-get download "$p"
done
cd ..
for d in debs/*.deb; do dpkg-deb -x "$d" root; done
for KPKG in $KPKGS; do
	[ -e "kimg/.$KPKG" ] || { dpkg-deb -x "$KPKG"_*.deb kimg && touch "kimg/.$KPKG"; }
done
for image in kimg/boot/vmlinuz-$KVER kimg/usr/lib/modules/$KVER/vmlinuz.unsigned; do [ -f "$image" ] && break; done
ls -l "$image" root/usr/bin/qemu-system-x86_64 root/bin/busybox
