#!/bin/bash
# run.sh - the VM harness: a real crash-and-capture cycle of Debian's own
# kernel under QEMU, with our kdumpcheck binary in both kernels.
#
#   tests/vm/run.sh [SCENARIO...]         sysrq hungtask oops nospace uuid (default: these five)
#   tests/vm/run.sh grubfix               opt-in: a Debian 12 disk booted through GRUB 2, no
#                                         crashkernel=; kdumpcheck fix --apply, reboot, test, harvest
#   tests/vm/run.sh --debug [SCENARIO...] also open every dump with drgn and the -dbg vmlinux
#   tests/vm/run.sh --measure-crashkernel [--mems "512M 1G 2G"] [--cpus-list "1 2 4"]
#                   [--capture-initrd small|debian] [--start MIB] [--tsv FILE]
#   tests/vm/run.sh --capture-initrd debian  one sysrq cycle of a Debian 12 guest with kdump-tools
#   tests/vm/run.sh --vmcores DIR         write the small test dumps of tests/vmcores to DIR
#
# Options: --mem SIZE (guest RAM, default 512M; grubfix 1G), --crashkernel SIZE (default 160M),
# --cpus N (guest vCPUs, default 1), --capture-initrd small|debian (default small:
# our busybox capture.img; debian: a debootstrap image with kdump-tools, see
# debian-image.sh), --accel tcg|kvm (default: probe KVM, else TCG), --timeout SECONDS (per boot).
# Environment: KDC_VM_WORK (work directory, default build/vm), KDC_VM_KERNEL
# (kernel package, default what linux-image-amd64 depends on), KDC_VM_KVM_CPU
# (the -cpu of --accel kvm, default host,-arch-capabilities).
#
# Everything the host does: apt-get install of missing tools (as root),
# apt-get download + dpkg-deb -x of the kernel and tools into the work directory,
# build the initramfs images and the test module, run QEMU, read the results;
# for grubfix also (grub-image.sh) a loop device, mounts in a private mount
# namespace and a chroot to build and fill the guest's disk, detached on exit.
# kexec, sysrq and sysctl writes happen only inside the guest.
set -u
export LC_ALL=C

cd "$(dirname "$0")/../.." || exit 2
TOP=$PWD
VMDIR=$TOP/tests/vm
W=${KDC_VM_WORK:-$TOP/build/vm}
BIN=$TOP/kdumpcheck
# what runs on this machine's own root uses the shipped policy, never its /etc/kdumpcheck.conf
HOSTPOL=$TOP/conf/kdumpcheck.conf
MEM=512M
MEM_GIVEN=
GRUB_MEM=1G
CK=160M
ACCEL=
KVM_CPU=${KDC_VM_KVM_CPU:-host,-arch-capabilities}
QEMU_DISK=
TIMEOUT=240
# a Debian guest boots systemd twice (first and capture kernel) under TCG
DEB_TIMEOUT=720
DEBUG=0
MEASURE=0
MEMS="512M 1G 2G"
CPUS=1
CPUS_LIST=
CAPTURE_INITRD=small
START_MIB=
TSV=
VMCORES=
SCENARIOS=

usage() {
	sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'
	exit 64
}

while [ $# -gt 0 ]; do
	case $1 in
	--debug) DEBUG=1 ;;
	--measure-crashkernel) MEASURE=1 ;;
	--mems) MEMS=$2; shift ;;
	--mem) MEM=$2; MEM_GIVEN=1; shift ;;
	--cpus) CPUS=$2; shift ;;
	--cpus-list) CPUS_LIST=$2; shift ;;
	--capture-initrd) CAPTURE_INITRD=$2; shift ;;
	--start) START_MIB=$2; shift ;;
	--tsv) TSV=$2; shift ;;
	--crashkernel) CK=$2; shift ;;
	--accel) ACCEL=$2; shift ;;
	--timeout) TIMEOUT=$2; DEB_TIMEOUT=$2; shift ;;
	--vmcores) VMCORES=$2; shift ;;
	-h | --help) usage ;;
	sysrq | hungtask | oops | nospace | uuid | grubfix) SCENARIOS="$SCENARIOS $1" ;;
	*) echo "run.sh: unknown argument '$1'" >&2; usage ;;
	esac
	shift
done
# grubfix is opt-in (make check-vm-grub): four to five minutes of TCG boots
[ -n "$SCENARIOS" ] || SCENARIOS="sysrq hungtask oops nospace uuid"
[ -z "$MEM_GIVEN" ] || GRUB_MEM=$MEM
[ -n "$CPUS_LIST" ] || CPUS_LIST=$CPUS
case $CAPTURE_INITRD in small | debian) ;; *) echo "run.sh: --capture-initrd small|debian" >&2; usage ;; esac

# The uuid scenario's dump disk: an ext4 image made here, attached as virtio-blk.
DISK_UUID=6b1e3f2a-9c4d-4e7f-8a21-5d3c0b9e7f10
# A UUID no disk of the guest has (the negative case: failure_action dump_to_rootfs).
MISSING_UUID=0badc0de-0000-4000-8000-00000000dead

say() { printf '%s\n' "$*"; }
die() { say "vm: $*" >&2; exit 2; }

# now: wall-clock seconds with microseconds, without a fork.
now() { printf '%s' "$EPOCHREALTIME"; }

# secs A B: B - A in seconds, one decimal; "-" when either is missing.
secs() {
	if [ -z "$1" ] || [ -z "$2" ]; then printf -- '-'; return; fi
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fs", b - a }'
}

# ---------------------------------------------------------------- host tools

# ensure_tools: install what the harness needs and this machine lacks (root, apt-get).
ensure_tools() {
	local missing=""
	command -v qemu-system-x86_64 >/dev/null || missing="$missing qemu-system-x86"
	command -v cpio >/dev/null || missing="$missing cpio"
	command -v xz >/dev/null || missing="$missing xz-utils"
	command -v mke2fs >/dev/null || missing="$missing e2fsprogs"
	command -v jq >/dev/null || missing="$missing jq"
	command -v python3 >/dev/null || missing="$missing python3"
	command -v debugfs >/dev/null || missing="$missing e2fsprogs"
	case "$CAPTURE_INITRD $SCENARIOS " in
	debian* | *" grubfix "*)
		command -v zstd >/dev/null || missing="$missing zstd"
		command -v debootstrap >/dev/null || missing="$missing debootstrap"
		;;
	esac
	case "$SCENARIOS " in *" grubfix "*) command -v sfdisk >/dev/null || missing="$missing fdisk" ;; esac
	command -v makedumpfile >/dev/null || missing="$missing makedumpfile"
	command -v gcc >/dev/null || missing="$missing gcc"
	command -v make >/dev/null || missing="$missing make"
	command -v depmod >/dev/null || missing="$missing kmod"
	command -v gzip >/dev/null || missing="$missing gzip"
	command -v timeout >/dev/null || missing="$missing coreutils"
	if [ "$DEBUG" = 1 ]; then
		[ -x /usr/bin/drgn ] || missing="$missing python3-drgn"
	fi
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
		die "missing:$missing (run as root on Debian to install them)"
	fi
	say "vm: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null 2>&1 || true
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >"$W/apt-install.log" 2>&1 ||
		{ tail -n 20 "$W/apt-install.log"; die "apt-get install failed"; }
}

# candidate PKG: the version apt would download.
candidate() {
	apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2; exit }'
}

# deb PKG: path of PKG's .deb in the work directory, downloading it once.
deb() {
	local pkg=$1 ver file
	ver=$(candidate "$pkg")
	if [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
		apt-get update -qq >/dev/null 2>&1 || true
		ver=$(candidate "$pkg")
	fi
	[ -n "$ver" ] && [ "$ver" != "(none)" ] || die "apt knows no package $pkg"
	file="$W/debs/${pkg}_${ver/:/%3a}_"
	set -- "$file"*.deb
	if [ ! -f "$1" ]; then
		(cd "$W/debs" && apt-get download "$pkg=$ver") >>"$W/download.log" 2>&1 ||
			{ tail -n 5 "$W/download.log" >&2; die "apt-get download $pkg=$ver failed"; }
		set -- "$file"*.deb
	fi
	[ -f "$1" ] || die "no .deb for $pkg after download"
	printf '%s\n' "$1"
}

# missing_deps PKG: the packages PKG needs (recursively) that this machine lacks.
missing_deps() {
	local p
	for p in $(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
		--no-breaks --no-replaces --no-enhances "$1" 2>/dev/null | grep -E '^[a-z0-9]' | sort -u); do
		case $p in debconf* | cdebconf | perl* | libc6 | libgcc-s1 | gcc-*-base) continue ;; esac
		dpkg -s "$p" >/dev/null 2>&1 || printf '%s\n' "$p"
	done
}

# fetch: kernel, headers and guest tools, unpacked under the work directory.
fetch() {
	local t0 kpkg p
	t0=$(now)
	mkdir -p "$W/debs"
	kpkg=${KDC_VM_KERNEL:-}
	if [ -z "$kpkg" ]; then
		kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-/ { print $2; exit }')
		if [ -z "$kpkg" ]; then
			apt-get update -qq >/dev/null 2>&1 || true
			kpkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/ { print $2; exit }')
		fi
	fi
	[ -n "$kpkg" ] || die "cannot resolve linux-image-amd64"
	REL=${kpkg#linux-image-}
	KPKG=$kpkg
	KVER=$(candidate "$kpkg")
	KDIR=$W/kernel-$REL
	if [ ! -f "$KDIR/boot/vmlinuz-$REL" ] || [ ! -f "$KDIR/lib/modules/$REL/modules.dep" ]; then
		rm -rf "$KDIR"
		dpkg-deb -x "$(deb "$kpkg")" "$KDIR" || die "cannot unpack $kpkg"
		depmod -b "$KDIR" "$REL" || die "depmod failed"
	fi
	HDIR=$W/headers-$REL
	if [ ! -f "$HDIR/.ok" ]; then
		rm -rf "$HDIR"
		local common kbuild
		common=$(apt-cache depends "linux-headers-$REL" | awk '/Depends: linux-headers-.*-common/ { print $2; exit }')
		kbuild=$(apt-cache depends "linux-headers-$REL" | awk '/Depends: linux-kbuild-/ { print $2; exit }')
		for p in "linux-headers-$REL" "$common" "$kbuild"; do
			dpkg-deb -x "$(deb "$p")" "$HDIR" || die "cannot unpack $p"
		done
		# The headers refer to /usr/src by absolute path: point them here.
		sed -i "s,/usr/src/,$HDIR/usr/src/,g" "$HDIR/usr/src/linux-headers-$REL/Makefile"
		touch "$HDIR/.ok"
	fi
	TOOLS=$W/tools
	if [ ! -f "$TOOLS/.ok" ]; then
		rm -rf "$TOOLS"
		for p in kexec-tools makedumpfile $( (missing_deps kexec-tools; missing_deps makedumpfile) | sort -u); do
			dpkg-deb -x "$(deb "$p")" "$TOOLS" || die "cannot unpack $p"
		done
		touch "$TOOLS/.ok"
	fi
	TOOLS_LIBPATH=$TOOLS/usr/lib/x86_64-linux-gnu:$TOOLS/lib/x86_64-linux-gnu
	# A static busybox for the guest, unpacked (installing busybox-static on
	# the host would replace its busybox package).
	BUSYBOX=$W/busybox/bin/busybox
	if [ ! -x "$BUSYBOX" ]; then
		rm -rf "$W/busybox"
		dpkg-deb -x "$(deb busybox-static)" "$W/busybox" || die "cannot unpack busybox-static"
		[ -x "$BUSYBOX" ] || die "busybox-static has no bin/busybox"
	fi
	T_FETCH=$(secs "$t0" "$(now)")
}

# ------------------------------------------------------------- guest images

# build_module: the oops test module, against the unpacked headers.
build_module() {
	MOD=$W/mod-$REL
	if [ ! -f "$MOD/kdc_oops.ko" ] || [ "$VMDIR/oops/kdc_oops.c" -nt "$MOD/kdc_oops.ko" ]; then
		rm -rf "$MOD"
		mkdir -p "$MOD"
		cp "$VMDIR/oops/kdc_oops.c" "$VMDIR/oops/Kbuild" "$MOD/"
		make -C "$HDIR/usr/src/linux-headers-$REL" M="$MOD" modules >"$W/module-build.log" 2>&1 ||
			{ tail -n 20 "$W/module-build.log"; die "building the oops test module failed"; }
	fi
}

# add_bin STAGE FILE DEST: FILE as STAGE/DEST, with every library ldd lists and the loader.
add_bin() {
	local stage=$1 file=$2 dest=$3 lib out
	install -D -m 0755 "$file" "$stage$dest"
	out=$(LD_LIBRARY_PATH=$TOOLS_LIBPATH ldd "$file" 2>&1)
	if printf '%s\n' "$out" | grep -q 'not found'; then
		printf '%s\n' "$out" >&2
		die "$file: a library is missing"
	fi
	for lib in $(printf '%s\n' "$out" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
		local rel=${lib#"$TOOLS"}
		[ -e "$stage$rel" ] || install -D -m 0755 "$(readlink -f "$lib")" "$stage$rel"
	done
}

# modules NAME...: module paths under lib/modules/REL in load order (dependencies first).
modules() {
	awk -v want="$*" '
	{
		sub(/:$/, "", $1); path = $1
		n = split(path, parts, "/"); name = parts[n]; sub(/\.ko(\.[a-z]+)?$/, "", name)
		deps[name] = ""
		for (i = NF; i >= 2; i--) deps[name] = deps[name] " " $i
		file[name] = path
		byname[path] = name
	}
	END {
		k = split(want, w, " ")
		for (i = 1; i <= k; i++) {
			if (!(w[i] in file)) { print "unknown-module-" w[i]; continue }
			m = split(deps[w[i]], d, " ")
			for (j = 1; j <= m; j++) if (!(d[j] in seen)) { seen[d[j]] = 1; print d[j] }
			if (!(file[w[i]] in seen)) { seen[file[w[i]]] = 1; print file[w[i]] }
		}
	}' "$KDIR/lib/modules/$REL/modules.dep"
}

# stage_common STAGE MODULE...: busybox, our binary, makedumpfile and the modules.
stage_common() {
	local stage=$1 m
	shift
	rm -rf "$stage"
	mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,etc,proc,sys,dev,tmp,run,mnt,out,boot,var/crash,var/lib,root}
	mkdir -p "$stage/lib/modules/$REL"
	install -m 0755 "$BUSYBOX" "$stage/bin/busybox"
	ln -s busybox "$stage/bin/sh"
	add_bin "$stage" "$BIN" /usr/sbin/kdumpcheck
	add_bin "$stage" "$TOOLS/usr/bin/makedumpfile" /usr/bin/makedumpfile
	for m in "$@"; do
		install -D -m 0644 "$KDIR/lib/modules/$REL/$m" "$stage/lib/modules/$REL/$m"
	done
	cat >"$stage/etc/os-release" <<-EOF
	PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
	NAME="Debian GNU/Linux"
	VERSION_ID="12"
	ID=debian
	EOF
	echo kdc-guest >"$stage/etc/hostname"
	echo "root:x:0:0:root:/root:/bin/sh" >"$stage/etc/passwd"
}

# cpio_of STAGE: a newc archive of STAGE on stdout, owned by root, in a stable order.
cpio_of() {
	(cd "$1" && find . -mindepth 1 | sort | cpio -o -H newc -R 0:0 --quiet)
}

# build_images: capture.img (gzip) and first.img (holds vmlinuz and capture.img).
build_images() {
	local t0 s m9 mfirst
	t0=$(now)
	IMG=$W/img
	mkdir -p "$IMG"
	m9=$(modules virtio_pci 9pnet_virtio 9p)
	mfirst="$m9 $(modules crc32c_generic ext4)"
	# the uuid scenario's disk in the capture kernel (Debian builds both as modules)
	mdisk=$(modules virtio_blk crc32c_generic ext4 | grep -v -x -F "$(printf '%s\n' $m9)")
	case "$m9 $mfirst $mdisk" in *unknown-module-*) die "a module is missing: $m9 $mfirst $mdisk" ;; esac

	s=$IMG/stage-capture
	# shellcheck disable=SC2086
	stage_common "$s" $m9 $mdisk
	# collect finds a UUID= target by libblkid (dlopen) when there is no udev, as here
	add_bin "$s" "$(readlink -f /lib/x86_64-linux-gnu/libblkid.so.1)" /lib/x86_64-linux-gnu/libblkid.so.1
	install -m 0755 "$VMDIR/init-capture.sh" "$s/init"
	{
		echo "REL='$REL'"
		echo "MODULES_CAPTURE='$(echo $m9)'"
		echo "MODULES_DISK='$(echo $mdisk)'"
		echo "DISK_UUID='$DISK_UUID'"
		echo "MISSING_UUID='$MISSING_UUID'"
	} >"$s/etc/kdc-vm.env"
	cpio_of "$s" | gzip -6 >"$IMG/capture.img" || die "cannot build capture.img"

	s=$IMG/stage-first
	# shellcheck disable=SC2086,SC2046
	stage_common "$s" $mfirst $(modules brd)
	add_bin "$s" "$TOOLS/sbin/kexec" /usr/sbin/kexec
	install -D -m 0644 "$MOD/kdc_oops.ko" "$s/lib/modules/$REL/extra/kdc_oops.ko"
	# The capture kernel and its initramfs reach the guest's /boot over a
	# read-only 9p share, so they do not take room in the first kernel's RAM.
	mkdir -p "$IMG/boot"
	install -m 0644 "$KDIR/boot/vmlinuz-$REL" "$IMG/boot/vmlinuz-$REL"
	install -m 0644 "$KDIR/boot/config-$REL" "$IMG/boot/config-$REL"
	install -m 0644 "$KDIR/boot/System.map-$REL" "$IMG/boot/System.map-$REL"
	install -m 0644 "$IMG/capture.img" "$IMG/boot/capture.img"
	install -m 0755 "$VMDIR/init-first.sh" "$s/init"
	{
		echo "REL='$REL'"
		echo "MODULES_FIRST='$(echo $mfirst)'"
		echo "MODULE_BRD='$(modules brd)'"
	} >"$s/etc/kdc-vm.env"
	cpio_of "$s" >"$IMG/first.img" || die "cannot build first.img"
	T_IMAGES=$(secs "$t0" "$(now)")
	CAPTURE_UNPACKED=$(du -sk --apparent-size "$IMG/stage-capture" | awk '{ print $1 }')
}

# ------------------------------------------------------------------- QEMU

# qemu_run DIR MEM APPEND TIMEOUT: boot the guest; serial log with host time stamps in DIR/serial.log.
qemu_run() {
	local dir=$1 mem=$2 append=$3 tmo=$4 accel_opts
	mkdir -p "$dir/share"
	if [ "$ACCEL" = kvm ]; then accel_opts="-accel kvm -cpu $KVM_CPU"; else accel_opts="-accel tcg"; fi
	T0=$(now)
	# shellcheck disable=SC2086
	(
		timeout --kill-after=5 "$tmo" qemu-system-x86_64 $accel_opts -m "$mem" -smp "$CPUS" \
			-display none -no-reboot -nodefaults -serial stdio -monitor none \
			-kernel "$KDIR/boot/vmlinuz-$REL" -initrd "$IMG/first.img" -append "$append" \
			-fsdev "local,id=out,path=$dir/share,security_model=none" \
			-device virtio-9p-pci,fsdev=out,mount_tag=kdcout \
			-fsdev "local,id=boot,path=$IMG/boot,security_model=none,readonly=on" \
			-device virtio-9p-pci,fsdev=boot,mount_tag=kdcboot $QEMU_DISK </dev/null 2>&1
		echo "KDC-HOST qemu-exit $?"
	) 2>&1 | while IFS= read -r line; do
		printf '%s %s\n' "$EPOCHREALTIME" "${line%$'\r'}"
	done >"$dir/serial.log"
	T_END=$(now)
}

# mark_time LOG NAME: host time of the first "KDC-MARK NAME" line.
mark_time() {
	awk -v n="$2" '$2 == "KDC-MARK" && $3 == n { print $1; exit }' "$1"
}

# mark_rest LOG NAME: the words after "KDC-MARK NAME".
mark_rest() {
	awk -v n="$2" '$2 == "KDC-MARK" && $3 == n { $1 = $2 = $3 = ""; sub(/^ +/, ""); print; exit }' "$1"
}

# probe_kvm: use KVM only when a short probe boot succeeds with it. The CPU
# models are tried in order: "host" first; where KVM cannot set the
# IA32_ARCH_CAPABILITIES MSR (0x10a) that "host" exposes (QEMU aborts with
# "failed to set MSR 0x10a"), "host,-arch-capabilities" is the same CPU
# without it. The verdict is kept in the work directory for this host
# kernel, QEMU and guest kernel, so only the first run pays for a probe
# that hangs (20 s).
KVM_CPUS="host host,-arch-capabilities"
probe_kvm() {
	if [ -n "$ACCEL" ]; then
		KVM_NOTE="accel $ACCEL (given)"
		[ "$ACCEL" != kvm ] || KVM_NOTE="$KVM_NOTE, -cpu $KVM_CPU"
		return
	fi
	ACCEL=tcg
	if [ ! -w /dev/kvm ]; then
		KVM_NOTE="TCG: /dev/kvm is not usable"
		return
	fi
	local d=$W/runs/kvm-probe cpu t why="" tried="" key cache=$W/kvm-probe.cache
	key="$(uname -r) $(qemu-system-x86_64 --version | head -n 1) $REL"
	if [ -f "$cache" ] && [ "$(head -n 1 "$cache")" = "$key" ]; then
		ACCEL=$(sed -n 2p "$cache")
		KVM_CPU=$(sed -n 3p "$cache")
		KVM_NOTE="$(sed -n 4p "$cache") (probed before, $cache)"
		return
	fi
	for cpu in $KVM_CPUS; do
		rm -rf "$d"
		ACCEL=kvm
		KVM_CPU=$cpu
		qemu_run "$d" 256M "console=ttyS0 panic=1 kdc.scenario=probe" 20
		t=$(mark_time "$d/serial.log" probe-ok)
		if [ -n "$t" ]; then
			KVM_NOTE="KVM -cpu $cpu: the probe boot reached /init in $(secs "$T0" "$t")${tried:+ (failed before:$tried)}"
			printf '%s\n' "$key" kvm "$cpu" "$KVM_NOTE" >"$cache"
			return
		fi
		why=$(grep -m 1 -o 'qemu-system-x86_64: error: .*' "$d/serial.log" | cut -c1-120)
		[ -n "$why" ] || why="no /init within 20 s"
		tried="$tried -cpu $cpu: $why;"
		# only the MSR failure has a CPU model to try next
		case $why in *"MSR 0x10a"*) ;; *) break ;; esac
	done
	ACCEL=tcg
	KVM_NOTE="TCG: every KVM probe boot failed ($tried)"
	printf '%s\n' "$key" tcg "" "$KVM_NOTE" >"$cache"
}

# ----------------------------------------------------------- verification

# notes_build_id FILE: the GNU build-id in a /sys/kernel/notes copy.
notes_build_id() {
	od -An -v -tx1 "$1" | awk '
	{ for (i = 1; i <= NF; i++) b[n++] = $i }
	function le32(o) { return ("0x" b[o+3] b[o+2] b[o+1] b[o]) + 0 }
	function h2d(h,   d, i, c) { d = 0; for (i = 1; i <= length(h); i++) { c = index("0123456789abcdef", substr(h, i, 1)) - 1; d = d * 16 + c } return d }
	function u32(o) { return h2d(b[o+3] b[o+2] b[o+1] b[o]) }
	END {
		o = 0
		while (o + 12 <= n) {
			nsz = u32(o); dsz = u32(o + 4); type = u32(o + 8)
			name = ""
			for (i = 0; i < nsz - 1; i++) name = name sprintf("%c", h2d(b[o + 12 + i]))
			d = o + 12 + int((nsz + 3) / 4) * 4
			if (type == 3 && name == "GNU") {
				id = ""
				for (i = 0; i < dsz; i++) id = id b[d + i]
				print id; exit
			}
			o = d + int((dsz + 3) / 4) * 4
		}
	}'
}

# vmcoreinfo FILE KEY: a VMCOREINFO value read from the dump file's own header area.
vmcoreinfo() {
	head -c 16777216 "$1" | grep -a -o -m 1 "$2=[[:alnum:]._+-]*" | head -n 1 | cut -d= -f2-
}

# dump_format FILE: kdump-compressed, elf or flattened, from the magic.
dump_format() {
	local magic
	magic=$(head -c 16 "$1" | od -An -c | tr -d ' \n')
	case $magic in
	KDUMP*) echo kdump-compressed ;;
	177ELF*) echo elf ;;
	makedumpfile*) echo flattened ;;
	*) echo unknown ;;
	esac
}

# check_status JSON ID WANT: does check ID have status WANT in a check --json report?
check_status() {
	jq -r --arg id "$2" '.checks[] | select(.id == $id) | .status' "$1" 2>/dev/null
}

# crash_class DMESG: the crash class our own way (until 'tag' exists).
crash_class() {
	if grep -q 'sysrq: Trigger a crash' "$1"; then echo sysrq
	elif grep -q -e 'hung_task: blocked tasks' -e 'blocked for more than' "$1"; then echo hung_task
	elif grep -q -e 'Oops:' -e 'BUG: kernel NULL pointer dereference' "$1"; then echo oops
	else echo unknown; fi
}

# size_mib FILE: size in MiB, one decimal.
size_mib() { awk -v s="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MiB", s / 1048576 }'; }

PROBLEMS=""
problem() { PROBLEMS="$PROBLEMS$1"$'\n'; [ -n "${FAIL_PHASE:-}" ] || FAIL_PHASE=$2; }
note() { NOTES="$NOTES   $*"$'\n'; }

# check_sidecar JSON CLASS LABEL: the sidecar's release, build-id, class, crash
# time and (hung task) blocked task against what the guest said about itself.
check_sidecar() {
	local side=$1 want=$2 label=$3 rel bid cls t ct
	rel=$(jq -r '.kernel.release // empty' "$side")
	bid=$(jq -r '.kernel.build_id // empty' "$side")
	cls=$(jq -r '.crash.class // empty' "$side")
	t=$(jq -r '.crash.time // empty' "$side")
	ct=$( [ -n "$t" ] && date -u -d "$t" +%s 2>/dev/null)
	[ "$rel" = "$GUEST_REL" ] || problem "$label: kernel.release '$rel' is not the guest's '$GUEST_REL'" verify
	[ -n "$bid" ] && [ "${bid,,}" = "${GUEST_BID,,}" ] ||
		problem "$label: kernel.build_id '$bid' is not the guest kernel's '$GUEST_BID'" verify
	[ "$cls" = "$want" ] || problem "$label: crash.class '$cls', expected '$want'" verify
	if [ -z "$ct" ] || [ "$ct" -lt "${T0%.*}" ] || [ "$ct" -gt "$(( ${T_END%.*} + 1 ))" ]; then
		problem "$label: crash.time '$t' is not within the run ($(date -u -d "@${T0%.*}" +%FT%TZ)..$(date -u -d "@${T_END%.*}" +%FT%TZ))" verify
	fi
	if [ "$want" = hung_task ] && ! jq -e '[.crash.blocked_tasks[]?.comm] | index("touch")' "$side" >/dev/null; then
		problem "$label: crash.blocked_tasks does not name 'touch'" verify
	fi
}

# verify_dump FILE CLASS: the release, build-id, class, crash time (and blocked
# task) of one dump, with 'kdumpcheck tag' when it exists, else our own reading.
verify_dump() {
	local f=$1 want=$2 fmt rel bid ct cls dmesg side t
	fmt=$(dump_format "$f")
	if [ "$HOST_TAG" = 1 ]; then
		if [ -s "$f.json" ]; then
			# The sidecar 'collect' wrote in the capture kernel: judged as well.
			cp "$f.json" "$f.capture.json"
			check_sidecar "$f.capture.json" "$want" "$fmt dump, sidecar from collect"
		fi
		"$BIN" -c "$HOSTPOL" tag "$f" >"$f.tag.log" 2>&1 || { problem "kdumpcheck tag $f failed: $(tail -n 1 "$f.tag.log")" verify; return; }
		side=$f.json
		[ -s "$side" ] || { problem "no sidecar $side" verify; return; }
		check_sidecar "$side" "$want" "$fmt dump, sidecar from tag"
		rel=$(jq -r '.kernel.release // empty' "$side")
		bid=$(jq -r '.kernel.build_id // empty' "$side")
		cls=$(jq -r '.crash.class // empty' "$side")
		note "dump: $(basename "$f") $fmt $(size_mib "$f"), sidecar: release $rel, build-id ${bid:0:12}…, class $cls, complete $(jq -r '.vmcore.complete' "$side")$( [ "$want" = hung_task ] && printf ', blocked %s' "$(jq -r '[.crash.blocked_tasks[]? | "\(.comm):\(.pid)"] | join(" ")' "$side")")"
		return
	else
		rel=$(vmcoreinfo "$f" OSRELEASE)
		bid=$(vmcoreinfo "$f" BUILD-ID)
		ct=$(vmcoreinfo "$f" CRASHTIME)
		dmesg=$f.host-dmesg.txt
		if [ "$fmt" = flattened ]; then
			makedumpfile -R "$f.rearranged" <"$f" >"$f.host.log" 2>&1 &&
				makedumpfile --dump-dmesg "$f.rearranged" "$dmesg" >>"$f.host.log" 2>&1
			rm -f "$f.rearranged"
		else
			makedumpfile --dump-dmesg "$f" "$dmesg" >"$f.host.log" 2>&1
		fi
		[ -s "$dmesg" ] || { problem "makedumpfile --dump-dmesg on $f failed: $(tail -n 1 "$f.host.log")" verify; return; }
		cls=$(crash_class "$dmesg")
		if [ "$want" = hung_task ] && ! grep -q 'task touch:[0-9]* blocked for more than' "$dmesg"; then
			problem "the dump's dmesg names no blocked 'touch' task" verify
		fi
	fi
	[ "$rel" = "$GUEST_REL" ] || problem "$fmt dump: kernel.release '$rel' is not the guest's '$GUEST_REL'" verify
	[ -n "$bid" ] && [ "${bid,,}" = "${GUEST_BID,,}" ] ||
		problem "$fmt dump: build-id '$bid' is not the guest kernel's '$GUEST_BID'" verify
	[ "$cls" = "$want" ] || problem "$fmt dump: crash class '$cls', expected '$want'" verify
	if [ -z "$ct" ] || [ "$ct" -lt "${T0%.*}" ] || [ "$ct" -gt "$(( ${T_END%.*} + 1 ))" ]; then
		problem "$fmt dump: crash time '$ct' is not within the run (${T0%.*}..${T_END%.*})" verify
	fi
	note "dump: $(basename "$f") $fmt $(size_mib "$f"), release $rel, build-id ${bid:0:12}…, class $cls"
}

# ---------------------------------------------------------------- scenarios

# run_scenario NAME MEM CK [FORMATS] [EXTRA]: one crash-and-capture cycle; sets VERDICT.
run_scenario() {
	local name=$1 mem=$2 ck=$3 formats=${4:-kdump} extra=${5:-} dir log s
	dir=$W/runs/$name-$mem-$ck
	[ "$CPUS" = 1 ] || dir=$dir-${CPUS}cpu
	rm -rf "$dir"
	mkdir -p "$dir"
	log=$dir/serial.log
	FAIL_PHASE=""
	PROBLEMS=""
	NOTES=""
	QEMU_DISK=""
	if [ "$name" = uuid ]; then
		# no root needed: mkfs on a file
		truncate -s 64M "$dir/disk.img" &&
			mkfs.ext4 -q -F -U "$DISK_UUID" -L kdump "$dir/disk.img" >"$dir/mkfs.log" 2>&1 ||
			{ problem "mkfs.ext4 of the dump disk failed: $(tail -n 1 "$dir/mkfs.log")" setup; return 1; }
		QEMU_DISK="-drive file=$dir/disk.img,format=raw,if=virtio"
	fi
	qemu_run "$dir" "$mem" "console=ttyS0 crashkernel=$ck panic=1 kdc.scenario=$name kdc.formats=$formats $extra" "$TIMEOUT"
	local t_init t_kls t_kl t_crash t_cinit t_cstart t_cmain t_cdone
	t_init=$(mark_time "$log" first-init)
	t_kls=$(mark_time "$log" kexec-load-start)
	t_kl=$(mark_time "$log" kexec-loaded)
	t_crash=$(mark_time "$log" crash-trigger)
	t_cinit=$(mark_time "$log" capture-init)
	t_cstart=$(mark_time "$log" capture-start)
	t_cmain=$(mark_time "$log" capture-main)
	t_cdone=$(mark_time "$log" capture-done)
	PHASES="boot $(secs "$T0" "$t_init") · kexec load $(secs "$t_kls" "$t_kl") · crash→capture kernel $(secs "$t_crash" "$t_cinit") · capture $(secs "$t_cstart" "$t_cmain") · total $(secs "$T0" "$T_END")"
	DIR=$dir
	local sh=$dir/share gf
	gf=$(mark_rest "$log" guest-fail)
	if [ -z "$t_init" ]; then
		problem "the first kernel never reached /init" boot
	elif [ -n "$gf" ] && [ -z "$t_cinit" ]; then
		problem "guest: $gf" "${gf%% *}"
	elif [ -z "$t_kl" ]; then
		problem "kexec -p did not finish" kexec-load
	elif [ -z "$t_crash" ]; then
		problem "the crash was never triggered" setup
	elif [ -z "$t_cinit" ]; then
		local why
		why=$(grep -o 'Kernel panic - not syncing: .*' "$log" | tail -n 1)
		grep -q -i -e 'out of memory' -e 'oom-kill' "$log" && why="$why; out of memory"
		problem "the capture kernel never reached /init${why:+ ($why)}" crash
	elif [ -z "$t_cdone" ]; then
		problem "the capture kernel did not finish" capture
	fi
	if grep -q 'qemu-exit 124' "$log"; then problem "QEMU timed out after ${TIMEOUT}s" "${FAIL_PHASE:-timeout}"; fi
	[ -n "$FAIL_PHASE" ] && return 1
	GUEST_REL=$(cat "$sh/first/uname-r")
	GUEST_BID=$(notes_build_id "$sh/first/notes")
	return 0
}

# judge NAME: the scenario's assertions on what the guest left in the share.
judge() {
	local name=$1 sh=$DIR/share st want f
	# The preflight in the first kernel, before and after kexec -p.
	for want in "check-before.json crashkernel.cmdline" "check-before.json crashkernel.reserved" \
		"check-after.json crashkernel.cmdline" "check-after.json crashkernel.reserved" "check-after.json kdump.loaded"; do
		set -- $want
		st=$(check_status "$sh/first/$1" "$2")
		[ "$st" = pass ] || problem "kdumpcheck check --json (${1%.json}): $2 is '${st:-missing}', expected pass" check
	done
	note "check: before kexec -p: $(jq -r '.summary | "pass \(.pass) warn \(.warn) fail \(.fail) skip \(.skip)"' "$sh/first/check-before.json" 2>/dev/null); after: $(jq -r '.summary | "pass \(.pass) warn \(.warn) fail \(.fail) skip \(.skip)"' "$sh/first/check-after.json" 2>/dev/null); kdump.loaded $(check_status "$sh/first/check-after.json" kdump.loaded)"
	note "$(cat "$sh/first/trigger" 2>/dev/null || echo "trigger: $name")"
	note "$(cat "$sh/capture/how" 2>/dev/null)"

	case $name in
	hungtask)
		note "$(cat "$sh/first/snapshot-how")"
		if [ -s "$sh/first/snapshot.json" ]; then
			jq -e '[.. | objects | select(.comm? == "touch") | to_entries[] | select(.key | test("stack")) | .value | select(length > 0)] | length > 0' \
				"$sh/first/snapshot.json" >/dev/null 2>&1 ||
				problem "snapshot JSON does not name the blocked 'touch' task with a kernel stack" snapshot
			note "snapshot: $(jq -r '[.tasks[]? | select(.comm == "touch") | "touch pid \(.pid) state \(.state) wchan \(.wchan), \(.stack | length) frames"] | first // "?"' "$sh/first/snapshot.json" 2>/dev/null)"
			if ls "$sh/first/var-crash/"snapshot-*.json >/dev/null 2>&1; then
				note "snapshot --save: $(cd "$sh/first/var-crash" && ls snapshot-*.json | head -n 1) in the dump directory"
			else
				problem "snapshot --save left no snapshot-*.json in the dump directory" snapshot
			fi
		elif grep -q '^comm: touch' "$sh/first/blocked-stack.txt" 2>/dev/null &&
			grep -q '^state: D' "$sh/first/blocked-stack.txt" &&
			[ "$(sed -n '/^stack:/,$p' "$sh/first/blocked-stack.txt" | wc -l)" -gt 2 ]; then
			note "blocked: touch in D state, stack $(sed -n '/^stack:/,$p' "$sh/first/blocked-stack.txt" | sed -n 2,4p | awk '{ print $2 }' | tr '\n' ' ')…"
		else
			problem "no record of the blocked 'touch' task with a kernel stack" snapshot
		fi
		;;
	esac

	if [ "$name" = uuid ]; then
		judge_uuid
		return
	fi

	if [ "$name" = nospace ]; then
		local rc
		rc=$(cat "$sh/capture/rc" 2>/dev/null)
		[ -n "$rc" ] && [ "$rc" != 0 ] || problem "the capture into a full target exited '${rc:-?}', expected a failure" capture
		if [ "$CAPTURE_VERB" = 1 ]; then
			# The outcome is judged (exit status, the dmesg kept, no complete
			# vmcore claimed); whether collect's message names the full target
			# is reported as a warning.
			grep -q 'failed' "$sh/capture/collect.log" ||
				problem "kdumpcheck collect does not say that the capture failed: $(tail -n 1 "$sh/capture/collect.log")" capture
			if find "$sh/capture/nospace-target" -type f -name vmcore | grep -q .; then
				problem "a vmcore was saved under its final name on a full target" capture
			fi
			grep -qi -e 'space' -e 'ENOSPC' -e 'full' "$sh/capture/collect.log" ||
				note "WARN: collect's message does not name the full target: $(tail -n 1 "$sh/capture/collect.log" | tr -d '\r' | sed 's/Checking.*%] .//' | cut -c1-160)…"
			f=$(find "$sh/capture/nospace-target" -name '*dmesg*' -size +0 | head -n 1)
		else
			grep -q 'No space left on device' "$sh/capture/makedumpfile.log" ||
				problem "makedumpfile does not report ENOSPC: $(tail -n 2 "$sh/capture/makedumpfile.log" | tr '\n' ' ')" capture
			f=$sh/capture/nospace-target/vmcore-dmesg.txt
		fi
		if [ -n "$f" ] && [ -s "$f" ] && grep -q 'sysrq: Trigger a crash' "$f"; then
			note "expected outcome: the capture failed on the full target (exit $rc; $(tail -n 1 "$sh/capture/nospace-df" | awk '{ print $2 " KiB, " $4 " KiB free" }')), the dmesg was saved ($(basename "$f"), $(stat -c %s "$f") bytes), kept: $(cd "$sh/capture/nospace-target" && find . -type f | sed 's,^\./,,' | tr '\n' ' ')"
		else
			problem "the dmesg was not saved on the full target" capture
		fi
		return
	fi

	local rc
	rc=$(cat "$sh/capture/rc" 2>/dev/null)
	[ "$rc" = 0 ] || problem "the capture exited '${rc:-?}': $(tail -n 2 "$sh/capture/"*.log 2>/dev/null | tr '\n' ' ' | cut -c1-300)" capture
	local class=$name
	case $name in hungtask) class=hung_task ;; nospace) class=sysrq ;; esac
	local found=0
	while IFS= read -r f; do
		found=1
		verify_dump "$f" "$class"
	done < <(find "$sh/capture" -type f \( -name vmcore -o -name 'vmcore.elf' -o -name 'vmcore.flat' \) | sort)
	[ "$found" = 1 ] || problem "no vmcore was written" capture
}

# judge_uuid: collect found the disk by UUID (libblkid), mounted it and wrote
# the dump there; the disk is read on the host without root (debugfs rdump)
# and its dump judged with list, tag and (harvest_check) the test verdict.
# Then the negative case: a UUID on no disk, failure_action dump_to_rootfs.
judge_uuid() {
	local sh=$DIR/share cj=$DIR/share/capture/collect.json rc f n
	rc=$(cat "$sh/capture/rc" 2>/dev/null)
	[ "$rc" = 0 ] || problem "kdumpcheck collect into the UUID target exited '${rc:-?}': $(tail -n 2 "$sh/capture/collect.log" | tr '\n' ' ' | cut -c1-300)" capture
	jq -e '.complete == true and .size_bytes > 0 and (.vmcore | startswith("/kdumproot/var/crash/")) and .target.used == "target" and .target.mounted_by_collect == true and .target.found_by == "libblkid" and (.target.device | startswith("/dev/vd"))' \
		"$cj" >/dev/null 2>&1 ||
		problem "collect's JSON does not say it found the disk by libblkid and mounted it: $(jq -c .target "$cj" 2>/dev/null | cut -c1-300)" capture
	note "collect: $(jq -r .target.reason "$cj" 2>/dev/null | cut -c1-200); unmounted after the sync"
	grep -q ' /kdumproot ' "$sh/capture/mounts-after" && problem "collect left /kdumproot mounted" capture
	# the disk, read without root
	rm -rf "$DIR/disk"
	mkdir -p "$DIR/disk"
	debugfs -R "rdump /var/crash $DIR/disk" "$DIR/disk.img" >"$DIR/debugfs.log" 2>&1 ||
		problem "debugfs rdump of the dump disk failed: $(tail -n 1 "$DIR/debugfs.log")" verify
	n=$(find "$DIR/disk/crash" -type f -name vmcore | wc -l)
	[ "$n" = 1 ] || { problem "the dump disk holds $n vmcore files under /var/crash, expected 1" verify; return; }
	f=$(find "$DIR/disk/crash" -type f -name vmcore)
	jq -e '.target.used == "target" and .target.mount == "/kdumproot" and .target.mounted_by_collect == true' "$f.json" >/dev/null 2>&1 ||
		problem "the sidecar on the disk has no target.used \"target\": $(jq -c .target "$f.json" 2>/dev/null | cut -c1-200)" verify
	"$BIN" -c "$HOSTPOL" --dump-dir "$DIR/disk/crash" --json list >"$DIR/list.json" 2>"$DIR/list.log" ||
		problem "kdumpcheck list of the disk's dumps failed: $(tail -n 1 "$DIR/list.log")" verify
	jq -e 'length == 1 and .[0].complete == true' "$DIR/list.json" >/dev/null 2>&1 ||
		problem "kdumpcheck list does not show one complete dump on the disk: $(cut -c1-200 "$DIR/list.json")" verify
	verify_dump "$f" sysrq
	HARVEST_FROM=$DIR/disk/crash
	# the negative case
	local cm=$sh/capture/collect-missing.json
	rc=$(cat "$sh/capture/rc-missing" 2>/dev/null)
	f=$(find "$sh/capture/rootfs-crash" -type f -name vmcore 2>/dev/null | head -n 1)
	if [ "$rc" = 0 ] && [ -n "$f" ] && jq -e '.target.used == "rootfs fallback" and .target.failure_action == "dump_to_rootfs"' "$cm" >/dev/null 2>&1; then
		note "missing UUID: $(jq -r .target.reason "$cm" | cut -c1-260); dump $(size_mib "$f") on the root filesystem's /var/crash"
	else
		problem "a UUID on no disk with failure_action dump_to_rootfs: exit '${rc:-?}', dump '${f:-none}', target $(jq -c .target "$cm" 2>/dev/null | cut -c1-200); $(tail -n 1 "$sh/capture/collect-missing.log")" capture
	fi
}

# report NAME: phase timings, notes and the verdict of one scenario.
report() {
	local name=$1
	say "   $PHASES"
	printf '%s' "$NOTES"
	if [ -z "$PROBLEMS" ]; then
		say "PASS $name"
		PASSED=$((PASSED + 1))
	else
		printf '%s' "$PROBLEMS" | sed 's/^/   problem: /'
		say "   serial log tail ($DIR/serial.log):"
		tail -n 40 "$DIR/serial.log" | cut -d' ' -f2- | sed 's/^/   | /'
		say "FAIL $name (phase: ${FAIL_PHASE:-verify})"
		FAILED=$((FAILED + 1))
	fi
}

# host_verbs: which verbs our binary has on the host.
host_verbs() {
	HOST_TAG=0
	HOST_HARVEST=0
	"$BIN" help tag >/dev/null 2>&1 && HOST_TAG=1
	"$BIN" help harvest >/dev/null 2>&1 && HOST_HARVEST=1
	CAPTURE_VERB=0
	"$BIN" help collect >/dev/null 2>&1 && CAPTURE_VERB=1
	local v out=""
	for v in snapshot test collect tag harvest; do
		if "$BIN" help "$v" >/dev/null 2>&1; then out="$out $v: used;"; else
			case $v in
			snapshot) out="$out snapshot: not available yet, /proc/PID/stack of the blocked task recorded instead;" ;;
			test) out="$out test: not available yet, crashed with echo c > /proc/sysrq-trigger;" ;;
			collect) out="$out collect: not available yet, captured with plain makedumpfile;" ;;
			tag) out="$out tag: not available yet, checked with makedumpfile --dump-dmesg and the dump's VMCOREINFO;" ;;
			harvest) out="$out harvest: not available yet, skipped;" ;;
			esac
		fi
	done
	VERB_NOTE=$out
}

# harvest_check: when 'harvest' exists, run it on a root made of what the guest
# left: its dump directory (from the capture kernel) and /var/lib/kdumpcheck
# (the pending test of 'kdumpcheck test'), as the host would see them after reboot.
# With HARVEST_FROM (the uuid scenario) the dumps are not under the root but
# on the dump disk, as on a host whose target is mounted elsewhere: --dump-dir.
harvest_check() {
	[ "$HOST_HARVEST" = 1 ] || return 0
	local r=$DIR/harvest-root sh=$DIR/share rc dd
	rm -rf "$r"
	mkdir -p "$r/var/crash" "$r/var/lib/kdumpcheck" "$r/etc"
	dd=$r/var/crash
	[ -z "${HARVEST_FROM:-}" ] || dd=$DIR/harvest-dumps
	rm -rf "$DIR/harvest-dumps"
	mkdir -p "$dd"
	cp -a "${HARVEST_FROM:-$sh/capture/dump}/." "$dd/"
	cp -a "$sh/first/var-lib-kdumpcheck/." "$r/var/lib/kdumpcheck/"
	find "$dd" -name 'vmcore*.json' -delete
	find "$dd" -name 'vmcore.*' ! -name vmcore -type f -delete
	if [ -n "${HARVEST_FROM:-}" ]; then
		"$BIN" --root "$r" --dump-dir "$dd" harvest >"$DIR/harvest.log" 2>&1
	else
		"$BIN" --root "$r" harvest >"$DIR/harvest.log" 2>&1
	fi
	rc=$?
	[ "$rc" = 0 ] || problem "kdumpcheck harvest exited $rc: $(tail -n 2 "$DIR/harvest.log" | tr '\n' ' ')" harvest
	local side
	side=$(find "$dd" -name vmcore.json | head -n 1)
	if [ -n "$side" ]; then
		check_sidecar "$side" sysrq "sidecar from harvest"
	else
		problem "kdumpcheck harvest wrote no vmcore.json" harvest
	fi
	if [ -e "$sh/first/var-lib-kdumpcheck/test-pending" ] || grep -q '^test: kdumpcheck test' "$sh/first/trigger" 2>/dev/null; then
		local lt=$r/var/lib/kdumpcheck/last-test.json
		if [ -s "$lt" ]; then
			note "harvest: last-test.json $(jq -c '.' "$lt" | cut -c1-200)"
			jq -e '.. | strings | select(test("success"; "i"))' "$lt" >/dev/null 2>&1 ||
				problem "harvest's last-test.json does not record a success: $(jq -c . "$lt" | cut -c1-200)" harvest
		else
			problem "harvest wrote no last-test.json for the test of 'kdumpcheck test'" harvest
		fi
	fi
	note "harvest: $(grep -v '^$' "$DIR/harvest.log" | head -n 2 | tr '\n' ' ' | cut -c1-200)"
}

# --------------------------------------------------------------- debug (drgn)

# debug_fetch: the -dbg package's vmlinux only (about 860 MB download, once).
debug_fetch() {
	VMLINUX=$W/dbg-$REL/usr/lib/debug/boot/vmlinux-$REL
	[ -f "$VMLINUX" ] && return 0
	local t0
	t0=$(now)
	mkdir -p "$W/dbg-$REL"
	dpkg-deb --fsys-tarfile "$(deb "linux-image-$REL-dbg")" |
		tar -x -C "$W/dbg-$REL" "./usr/lib/debug/boot/vmlinux-$REL" || die "cannot extract vmlinux from the -dbg package"
	say "vm: fetched the debug vmlinux in $(secs "$t0" "$(now)")"
	rm -f "$W/debs/linux-image-$REL-dbg_"*.deb
}

# debug_dump FILE CLASS: open one dump with drgn and prove the crash can be analysed.
debug_dump() {
	local f=$1 class=$2 out
	# The test module's own .ko (built with debug info) lets drgn unwind through it.
	out=$(/usr/bin/drgn -q -c "$f" -s "$VMLINUX" -s "$MOD/kdc_oops.ko" "$VMDIR/drgn-check.py" "$class" 2>&1)
	local rc=$?
	printf '%s\n' "$out" >"$f.drgn.txt"
	if [ $rc -eq 0 ]; then
		note "drgn: $(basename "$f") $(printf '%s\n' "$out" | tail -n 1)"
	else
		problem "drgn on $(basename "$f"): $(printf '%s\n' "$out" | tail -n 3 | tr '\n' ' ')" debug
	fi
}

# ------------------------------------------------- the Debian kdump-tools guest

# debian_image: the Debian 12 root disk with kdump-tools (built once, cached).
debian_image() {
	local t0
	t0=$(now)
	bash "$VMDIR/debian-image.sh" "$W" "$KPKG" "$KVER" || die "cannot build the Debian guest image"
	DEB=$W/debian
	# shellcheck disable=SC1091
	. "$DEB/image.env"
	DEB_KERNEL=$DEB/boot/vmlinuz-$REL
	DEB_INITRD=$DEB/boot/initrd.img-$REL
	DEB_KDUMP_INITRD=$DEB/boot/kdump-initrd.img-$REL
	T_DEBIAN=$(secs "$t0" "$(now)")
}

# run_debian MEM CK: one cycle of the Debian guest: it boots its own root
# disk (a sparse copy of the image), kdump-tools loads the capture kernel
# with crashkernel=CK reserved, kdc-crash.service crashes it with sysrq,
# the capture kernel runs kdump-tools-dump.service; the host then reads
# /var/crash of the copy with debugfs. Sets DIR, PHASES, PROBLEMS.
run_debian() {
	local mem=$1 ck=$2 dir log accel_opts tmo=$DEB_TIMEOUT
	dir=$W/runs/debian-$mem-${CPUS}cpu-$ck
	rm -rf "$dir"
	mkdir -p "$dir"
	DIR=$dir
	log=$dir/serial.log
	FAIL_PHASE=""
	PROBLEMS=""
	NOTES=""
	cp --sparse=always "$DEB/root.img" "$dir/disk.img" || { problem "cannot copy the Debian image" setup; return 1; }
	if [ "$ACCEL" = kvm ]; then accel_opts="-accel kvm -cpu $KVM_CPU"; else accel_opts="-accel tcg"; fi
	T0=$(now)
	# shellcheck disable=SC2086
	(
		timeout --kill-after=5 "$tmo" qemu-system-x86_64 $accel_opts -m "$mem" -smp "$CPUS" \
			-display none -no-reboot -nodefaults -serial stdio -monitor none \
			-kernel "$DEB_KERNEL" -initrd "$DEB_INITRD" \
			-append "root=UUID=$ROOT_UUID ro console=ttyS0 crashkernel=$ck panic=1 kdc.crash=1" \
			-drive "file=$dir/disk.img,format=raw,if=virtio" </dev/null 2>&1
		echo "KDC-HOST qemu-exit $?"
	) 2>&1 | while IFS= read -r line; do
		printf '%s %s\n' "$EPOCHREALTIME" "${line%$'\r'}"
	done >"$log"
	T_END=$(now)
	local t_kl t_crash t_cap t_saved gf
	t_kl=$(mark_time "$log" kexec-loaded)
	t_crash=$(mark_time "$log" crash-trigger)
	t_cap=$(awk '$2 == "KDC-MARK" { m = 1 } m && /Linux version/ { print $1; exit }' "$log")
	t_saved=$(awk '/saved vmcore in/ { print $1; exit }' "$log")
	PHASES="boot+kdump-tools load $(secs "$T0" "$t_kl") · crash→capture kernel $(secs "$t_crash" "$t_cap") · capture kernel→dump saved $(secs "$t_cap" "$t_saved") · total $(secs "$T0" "$T_END")"
	gf=$(mark_rest "$log" guest-fail)
	if [ -n "$gf" ]; then
		problem "guest: $gf" "${gf%% *}"
	elif [ -z "$t_kl" ]; then
		problem "kdump-tools never said 'ready to kdump'" kexec-load
	elif [ -z "$t_crash" ]; then
		problem "the crash was never triggered" setup
	elif [ -z "$t_cap" ]; then
		problem "the capture kernel never started" crash
	fi
	if grep -q 'qemu-exit 124' "$log"; then problem "QEMU timed out after ${tmo}s" "${FAIL_PHASE:-timeout}"; fi
	# what landed in /var/crash, read without mounting
	mkdir -p "$dir/var-crash"
	debugfs -R "rdump /var/crash $dir/var-crash" "$dir/disk.img" >"$dir/debugfs.log" 2>&1
	(cd "$dir/var-crash/crash" 2>/dev/null && find . -type f -printf '%P %s\n' | sort) >"$dir/var-crash.txt"
	rm -f "$dir/disk.img"
	local f
	f=$(find "$dir/var-crash/crash" -type f -name 'dump.[0-9]*' -size +0 2>/dev/null | head -n 1)
	if [ -n "$f" ]; then
		local magic
		magic=$(head -c 12 "$f" | tr -d '\0')
		case $magic in
		makedumpfile* | KDUMP*) ;;
		*) problem "$(basename "$f") is no makedumpfile dump (starts '$magic')" verify ;;
		esac
		grep -qs 'sysrq: Trigger a crash' "$(dirname "$f")"/dmesg.* ||
			problem "the saved dmesg does not show the sysrq crash" verify
		[ -z "$(find "$dir/var-crash/crash" -name 'dump-incomplete*')" ] || problem "a dump-incomplete was left beside it" verify
		DUMP_NOTE="$(basename "$f") $(size_mib "$f")"
	else
		local why
		why=$(grep -o 'Kernel panic - not syncing: .*' "$log" | tail -n 1)
		grep -q -i -e 'out of memory' -e 'oom-kill' "$log" && why="${why:+$why; }out of memory"
		grep -q 'makedumpfile failed' "$log" && why="${why:+$why; }makedumpfile failed"
		problem "no complete dump in /var/crash ($(tr '\n' ' ' <"$dir/var-crash.txt" | cut -c1-120))${why:+: $why}" capture
	fi
	[ -z "$FAIL_PHASE" ]
}

# ------------------------------------------- grubfix: fix through a real GRUB 2

# The grubfix scenario boots a partitioned Debian 12 disk through SeaBIOS and
# the real GRUB 2 (grub-install'ed i386-pc, no -kernel), three times, one QEMU
# start per boot with -no-reboot: the guest's own reboot (systemctl reboot, the
# capture kernel's reboot) ends QEMU and the next boot is a fresh start from the
# disk. kdc-grubfix.service in the guest (tests/vm/grubfix-guest.sh) does one
# step per boot and leaves its results in /var/lib/kdc-grubfix on the disk; the
# host reads them between boots with debugfs at the partition's offset (no
# mount, no loop device). See grub-image.sh for the disk.

# grub_mark LOG NAME: host time of the first line holding "KDC-MARK NAME"
# (anywhere in the line: a serial getty's login prompt may come first).
grub_mark() {
	awk -v n="KDC-MARK $2" '{ i = index($0, n); if (i) { r = substr($0, i + length(n), 1); if (r == "" || r == " ") { print $1; exit } } }' "$1"
}

# grub_mark_rest LOG NAME: the words after "KDC-MARK NAME".
grub_mark_rest() {
	awk -v n="KDC-MARK $2" '{ i = index($0, n); if (i) { r = substr($0, i + length(n)); if (r == "" || r ~ /^ /) { sub(/^ +/, "", r); print r; exit } } }' "$1"
}

# grub_boot N: boot the disk once; serial log with host time stamps in
# DIR/serial-bootN.log (appended to DIR/serial.log). Sets BT0 and BTEND.
grub_boot() {
	local n=$1 log=$DIR/serial-boot$1.log accel_opts
	if [ "$ACCEL" = kvm ]; then accel_opts="-accel kvm -cpu $KVM_CPU"; else accel_opts="-accel tcg"; fi
	BT0=$(now)
	# shellcheck disable=SC2086
	(
		timeout --kill-after=5 "$DEB_TIMEOUT" qemu-system-x86_64 $accel_opts -m "$GRUB_MEM" -smp "$CPUS" \
			-display none -no-reboot -nodefaults -serial stdio -monitor none \
			-drive "file=$DIR/disk.img,format=raw,if=virtio" </dev/null 2>&1
		echo "KDC-HOST qemu-exit $?"
	) 2>&1 | while IFS= read -r line; do
		printf '%s %s\n' "$EPOCHREALTIME" "${line%$'\r'}"
	done >"$log"
	BTEND=$(now)
	{ echo "$BT0 KDC-HOST ==== boot $n"; cat "$log"; } >>"$DIR/serial.log"
	if grep -q 'KDC-HOST qemu-exit 124' "$log"; then
		problem "boot $n: QEMU timed out after ${DEB_TIMEOUT}s" "boot$n"
		return 1
	fi
	if ! grep -q "Booting \`Debian GNU/Linux'" "$log"; then
		problem "boot $n: GRUB did not boot its default entry (no \"Booting \`Debian GNU/Linux'\" on the serial line)" "boot$n"
		return 1
	fi
	if [ -z "$(grub_mark "$log" "boot$n-driver")" ]; then
		problem "boot $n: the guest's kdc-grubfix.service never ran" "boot$n"
		return 1
	fi
	return 0
}

# grub_read PATH DEST: PATH of the disk's root filesystem into DEST (debugfs rdump).
grub_read() {
	mkdir -p "$2"
	debugfs -R "rdump $1 $2" "$DIR/disk.img?offset=$GRUB_OFFSET" >>"$DIR/debugfs.log" 2>&1
}

# grub_linux_line CFG: the linux line of the first menu entry of a grub.cfg
# (the default entry: GRUB_DEFAULT=0), its words after the kernel path.
grub_linux_line() {
	awk '$1 == "linux" { $1 = $2 = ""; sub(/^ +/, ""); print; exit }' "$1"
}

# run_grubfix: the scenario. Sets DIR, PHASES, PROBLEMS, NOTES.
run_grubfix() {
	local t0 g r st rec before after ck b
	t0=$(now)
	DIR=$W/runs/grubfix-$GRUB_MEM-${CPUS}cpu
	rm -rf "$DIR"
	mkdir -p "$DIR"
	: >"$DIR/serial.log"
	FAIL_PHASE=""
	PROBLEMS=""
	NOTES=""
	PHASES="(no boot)"
	bash "$VMDIR/grub-image.sh" "$W" "$KPKG" "$KVER" || { problem "cannot build the GRUB disk image" setup; return 1; }
	# shellcheck disable=SC1091
	GRUB_OFFSET=$(. "$W/grub/image.env" && echo "$PART_OFFSET")
	cp --sparse=always "$W/grub/base.img" "$DIR/disk.img" || { problem "cannot copy the GRUB disk image" setup; return 1; }
	bash "$VMDIR/grub-image.sh" --install "$DIR/disk.img" "$TOP" >"$DIR/install.log" 2>&1 ||
		{ problem "installing kdumpcheck into the disk failed: $(tail -n 1 "$DIR/install.log")" setup; return 1; }
	local tsetup
	tsetup=$(secs "$t0" "$(now)")
	g=$W/grub/grub.cfg
	r=$DIR/guest

	# ---- boot 1: check, fix --apply, sysctl -p, reboot
	grub_boot 1 || return 1
	local l1=$DIR/serial-boot1.log b1t0=$BT0 b1end=$BTEND
	grub_read /var/lib/kdc-grubfix "$DIR/boot1"
	r=$DIR/boot1/kdc-grubfix
	[ -n "$(grub_mark "$l1" reboot)" ] || { problem "boot 1: the guest did not get to its reboot: $(grub_mark_rest "$l1" guest-fail)" fix; return 1; }
	if grep -q 'crashkernel=' "$r/boot1-cmdline"; then
		problem "boot 1: /proc/cmdline already has crashkernel=: $(cat "$r/boot1-cmdline")" boot1
	fi
	st=$(check_status "$r/boot1-check.json" crashkernel.reserved)
	[ "$st" = fail ] || problem "boot 1: check --json: crashkernel.reserved is '${st:-missing}', expected fail" check
	note "boot 1 (no crashkernel=): check --json $(jq -r '.summary | "pass \(.pass) warn \(.warn) fail \(.fail) skip \(.skip)"' "$r/boot1-check.json" 2>/dev/null); crashkernel.reserved $st ($(jq -r '.checks[] | select(.id == "crashkernel.reserved") | .message' "$r/boot1-check.json")), crashkernel.cmdline $(check_status "$r/boot1-check.json" crashkernel.cmdline), crashkernel.persistent $(check_status "$r/boot1-check.json" crashkernel.persistent), kdump.loaded $(check_status "$r/boot1-check.json" kdump.loaded)"
	rec=$(jq -r '.recommended // empty' "$r/boot1-estimate.json")
	[ -n "$rec" ] || problem "boot 1: estimate --json recommends nothing" check
	# fix --json --apply
	local frc
	frc=$(cat "$r/fix.json.rc" 2>/dev/null)
	[ "$frc" = 0 ] || problem "fix --json --apply exited '${frc:-?}': $(tail -n 2 "$r/fix.json.err" 2>/dev/null | tr '\n' ' ')" fix
	if ! jq -e '.schema == "kdumpcheck.fix/1" and .refused == null' "$r/fix.json" >/dev/null 2>&1; then
		problem "fix --json: not a kdumpcheck.fix/1 document without refusal: $(head -c 200 "$r/fix.json")" fix
	else
		jq -e '[.changes[] | select(.applied != true or .error != null)] | length == 0' "$r/fix.json" >/dev/null ||
			problem "fix --apply: changes not applied: $(jq -c '[.changes[] | select(.applied != true or .error != null) | {check, path, argv, error}]' "$r/fix.json" | cut -c1-300)" fix
		jq -e '[.changes[] | select(.kind == "file" and .path == "/etc/default/grub.d/kdump-tools.cfg" and .applied)] | length == 1' "$r/fix.json" >/dev/null ||
			problem "fix --apply did not write /etc/default/grub.d/kdump-tools.cfg" fix
		jq -e '[.changes[] | select(.kind == "command" and .argv == ["update-grub"] and .applied)] | length == 1' "$r/fix.json" >/dev/null ||
			problem "fix --apply did not run update-grub" fix
		note "fix --json --apply: exit $frc, $(jq -r '[.changes[] | if .kind == "file" then "wrote \(.path)" else (.argv | join(" ")) end] | join("; ")' "$r/fix.json")"
	fi
	local want="GRUB_CMDLINE_LINUX_DEFAULT=\"\$GRUB_CMDLINE_LINUX_DEFAULT crashkernel=$rec\""
	if [ "$(cat "$r/kdump-tools.cfg" 2>/dev/null)" != "$want" ]; then
		problem "/etc/default/grub.d/kdump-tools.cfg is '$(head -c 200 "$r/kdump-tools.cfg" 2>/dev/null)', expected '$want'" fix
	fi
	# update-grub (grub-mkconfig) in the guest regenerated grub.cfg: the default
	# entry's linux line is the one built on the host plus crashkernel=, every
	# other word as it was
	before=$(grub_linux_line "$g")
	after=$(grub_linux_line "$r/grub.cfg.after-fix")
	if [ "$(echo $after)" != "$(echo $before crashkernel=$rec)" ]; then
		problem "grub.cfg after fix: default entry's kernel arguments '$after', expected '$(echo $before) crashkernel=$rec'" fix
	else
		note "update-grub in the guest: default entry now '$(echo $after)' (was '$(echo $before)')"
	fi
	# the sysctl drop-in, given to the real sysctl
	if jq -e '[.changes[]? | select(.path == "/etc/sysctl.d/90-kdumpcheck.conf")] | length > 0' "$r/fix.json" >/dev/null 2>&1; then
		local src
		src=$(grep -E '^[[:space:]]*[a-z]' "$r/90-kdumpcheck.conf" 2>/dev/null | sed 's/[[:space:]]*=[[:space:]]*/ = /')
		if [ "$(cat "$r/sysctl-p.out.rc" 2>/dev/null)" != 0 ] || [ -s "$r/sysctl-p.out.err" ]; then
			problem "sysctl -p /etc/sysctl.d/90-kdumpcheck.conf exited '$(cat "$r/sysctl-p.out.rc" 2>/dev/null)': $(head -c 200 "$r/sysctl-p.out.err" 2>/dev/null)" sysctl
		elif [ -z "$src" ] || [ "$(cat "$r/sysctl-p.out")" != "$src" ]; then
			problem "sysctl -p set '$(tr '\n' ' ' <"$r/sysctl-p.out")', the drop-in says '$(printf '%s' "$src" | tr '\n' ' ')'" sysctl
		else
			note "sysctl -p /etc/sysctl.d/90-kdumpcheck.conf: exit 0, set $(tr '\n' ',' <"$r/sysctl-p.out" | sed 's/,$//; s/ = /=/g')"
		fi
	else
		note "fix wrote no /etc/sysctl.d/90-kdumpcheck.conf (nothing for sysctl -p)"
	fi
	if [ -n "$PROBLEMS" ]; then
		PHASES="boot 1 $(secs "$b1t0" "$b1end")"
		return 1
	fi

	# ---- boot 2: crashkernel= in effect, kdump-tools loads, kdumpcheck test crashes it
	grub_boot 2 || return 1
	local l2=$DIR/serial-boot2.log b2t0=$BT0 b2end=$BTEND
	grub_read /var/lib/kdc-grubfix "$DIR/boot2"
	r=$DIR/boot2/kdc-grubfix
	ck=$(tr ' ' '\n' <"$r/boot2-cmdline" | grep '^crashkernel=' | tail -n 1)
	[ "$ck" = "crashkernel=$rec" ] ||
		problem "boot 2: /proc/cmdline has '${ck:-no crashkernel=}', expected crashkernel=$rec (what estimate recommended): $(cat "$r/boot2-cmdline")" boot2
	for b in crashkernel.reserved crashkernel.persistent kdump.loaded; do
		st=$(check_status "$r/boot2-check.json" "$b")
		[ "$st" = pass ] || problem "boot 2: check --json: $b is '${st:-missing}', expected pass ($(jq -r --arg id "$b" '.checks[] | select(.id == $id) | .message' "$r/boot2-check.json" 2>/dev/null))" check
	done
	note "boot 2 ($ck): check --json $(jq -r '.summary | "pass \(.pass) warn \(.warn) fail \(.fail) skip \(.skip)"' "$r/boot2-check.json" 2>/dev/null); crashkernel.reserved $(check_status "$r/boot2-check.json" crashkernel.reserved) ($(jq -r '.checks[] | select(.id == "crashkernel.reserved") | .observed' "$r/boot2-check.json")), crashkernel.persistent $(check_status "$r/boot2-check.json" crashkernel.persistent) ($(jq -r '.checks[] | select(.id == "crashkernel.persistent") | .message' "$r/boot2-check.json")), kdump.loaded $(check_status "$r/boot2-check.json" kdump.loaded); estimate now $(jq -r '.recommended' "$r/boot2-estimate.json")"
	local t_kl t_crash t_cap t_saved gf
	t_kl=$(grub_mark "$l2" kexec-loaded)
	t_crash=$(grub_mark "$l2" crash-trigger)
	t_cap=$(awk -v t="$t_crash" 't != "" && $1 >= t && /Linux version/ { print $1; exit }' "$l2")
	t_saved=$(awk '/saved vmcore in/ { print $1; exit }' "$l2")
	gf=$(grub_mark_rest "$l2" guest-fail)
	if [ -n "$gf" ]; then
		problem "boot 2: $gf" crash
	elif [ -z "$t_crash" ]; then
		problem "boot 2: kdumpcheck test was never run" crash
	elif [ -z "$t_cap" ]; then
		problem "boot 2: the capture kernel never started" crash
	elif [ -z "$t_saved" ]; then
		problem "boot 2: kdump-tools in the capture kernel did not say 'saved vmcore'" capture
	fi
	local b2phases
	b2phases="boot 2 $(secs "$b2t0" "$b2end") (to kdump-tools loaded $(secs "$b2t0" "$t_kl"), crash→capture kernel $(secs "$t_crash" "$t_cap"), capture kernel→dump saved $(secs "$t_cap" "$t_saved"))"
	if [ -n "$PROBLEMS" ]; then
		PHASES="boot 1 $(secs "$b1t0" "$b1end") · $b2phases"
		return 1
	fi

	# ---- boot 3: kdumpcheck-harvest.service, last-test.json
	grub_boot 3 || return 1
	local l3=$DIR/serial-boot3.log b3t0=$BT0 b3end=$BTEND
	grub_read /var/lib/kdc-grubfix "$DIR/boot3"
	grub_read /var/crash "$DIR/disk"
	grub_read /var/lib/kdumpcheck "$DIR/disk"
	r=$DIR/boot3/kdc-grubfix
	PHASES="setup $tsetup · boot 1 $(secs "$b1t0" "$b1end") (GRUB→driver $(secs "$(awk '/Booting `Debian/ { print $1; exit }' "$l1")" "$(grub_mark "$l1" boot1-driver)"), fix --apply $(secs "$(grub_mark "$l1" fix-start)" "$(grub_mark "$l1" fix-done)")) · $b2phases · boot 3 $(secs "$b3t0" "$b3end") (to harvest done $(secs "$b3t0" "$(grub_mark "$l3" harvest)")) · total $(secs "$t0" "$(now)")"
	grep -q '^Result=success' "$r/harvest-unit.txt" && grep -q '^ExecMainStatus=0' "$r/harvest-unit.txt" ||
		problem "kdumpcheck-harvest.service: $(tr '\n' ' ' <"$r/harvest-unit.txt")" harvest
	note "boot 3: kdumpcheck-harvest.service $(tr '\n' ' ' <"$r/harvest-unit.txt"); $(grep -m 1 -o 'harvest /.*' "$r/harvest-journal.txt")"
	local cd=$DIR/disk/crash f side lt=$DIR/disk/kdumpcheck/last-test.json
	(cd "$cd" 2>/dev/null && find . -type f -printf '%P %s\n' | sort) >"$DIR/var-crash.txt"
	f=$(find "$cd" -type f -name 'dump.[0-9]*' ! -name '*.json' -size +0 2>/dev/null | head -n 1)
	if [ -z "$f" ]; then
		problem "no dump in /var/crash ($(tr '\n' ' ' <"$DIR/var-crash.txt" | cut -c1-160))" capture
	else
		case $(head -c 12 "$f" | tr -d '\0') in
		makedumpfile* | KDUMP*) ;;
		*) problem "$(basename "$f") is no makedumpfile dump" verify ;;
		esac
		[ -z "$(find "$cd" -name 'dump-incomplete*')" ] || problem "a dump-incomplete was left in /var/crash" verify
		grep -qs 'sysrq: Trigger a crash' "$(dirname "$f")"/dmesg.* || problem "the saved dmesg does not show the sysrq crash" verify
		side=$f.json
		if [ -s "$side" ]; then
			GUEST_REL=$(cat "$DIR/boot2/kdc-grubfix/boot2-uname-r")
			GUEST_BID=$(notes_build_id "$DIR/boot2/kdc-grubfix/boot2-notes")
			T0=$b2t0 T_END=$b2end
			check_sidecar "$side" sysrq "sidecar from kdumpcheck-harvest.service"
			jq -e '.vmcore.complete == true' "$side" >/dev/null || problem "the sidecar says the dump is not complete" verify
			note "dump: ${f#"$cd/"} $(jq -r '.vmcore.format' "$side") $(size_mib "$f"), sidecar: release $(jq -r .kernel.release "$side"), build-id $(jq -r .kernel.build_id "$side" | cut -c1-12)…, class $(jq -r .crash.class "$side"), complete $(jq -r .vmcore.complete "$side"), dump level $(jq -r .vmcore.dump_level "$side")"
		else
			problem "no sidecar $(basename "$f").json beside the dump (harvest did not tag it)" harvest
		fi
		if [ -s "$lt" ]; then
			jq -e --arg p "/var/crash/${f#"$cd/"}" '.verdict == "success" and .dump.path == $p and .dump.complete == true' "$lt" >/dev/null ||
				problem "last-test.json does not say the dump was created: $(jq -c . "$lt" | cut -c1-300)" harvest
			note "last-test.json: $(jq -c . "$lt")"
		else
			problem "no /var/lib/kdumpcheck/last-test.json" harvest
		fi
	fi
	st=$(check_status "$r/boot3-check.json" kdump.tested)
	[ "$st" = pass ] || problem "boot 3: check --json: kdump.tested is '${st:-missing}', expected pass" check
	note "boot 3: check --json $(jq -r '.summary | "pass \(.pass) warn \(.warn) fail \(.fail) skip \(.skip)"' "$r/boot3-check.json" 2>/dev/null); kdump.tested $st ($(jq -r '.checks[] | select(.id == "kdump.tested") | .message' "$r/boot3-check.json"))"
	[ -z "$PROBLEMS" ]
}

# ------------------------------------------------- crashkernel= measurement

# bzimage_init_size FILE: the init_size field of the bzImage setup header
# (boot protocol 2.10 and later): the linear memory the kernel needs to boot.
bzimage_init_size() {
	local ver
	ver=$(od -An -t u2 -j $((0x206)) -N 2 "$1" | tr -d ' ')
	if [ "$ver" -ge $((0x020a)) ]; then
		od -An -t u4 -j $((0x260)) -N 4 "$1" | tr -d ' '
	else
		echo 0
	fi
}

# tsv_merge FILE ROW: ROW replaces the line of FILE with the same initrd,
# ram_mib and cpus (the first three columns); the header and notes stay.
TSV_HEADER=$'initrd\tram_mib\tcpus\tcapture_nr_cpus\tkernel_release\tbzimage_bytes\tkernel_init_size\tinitrd_bytes\tinitrd_unpacked_bytes\tmin_mib\tworks\tfails'
tsv_merge() {
	local file=$1 row=$2 tmp
	tmp=$file.tmp.$$
	{
		echo "$TSV_HEADER"
		{
			[ -f "$file" ] && awk -F '\t' -v r="$row" 'BEGIN { split(r, k, "\t") }
				NR == 1 || /^#/ { next }
				!($1 == k[1] && $2 == k[2] && $3 == k[3])' "$file"
			printf '%s\n' "$row"
		} | sort -t "$(printf '\t')" -k1,1r -k2,2n -k3,3n
		if [ -f "$file" ]; then grep '^#' "$file"; fi
		true
	} >"$tmp" && mv "$tmp" "$file"
}

# mib SIZE: 512M, 1G, 2048 -> MiB
mib() {
	case $1 in
	*G) echo $((${1%G} * 1024)) ;;
	*M) echo "${1%M}" ;;
	*) echo "$1" ;;
	esac
}

# --------------------------------------------------------------------- main

mkdir -p "$W"
[ -x "$BIN" ] || die "no ./kdumpcheck: run make first"
ensure_tools
fetch
build_module
build_images
probe_kvm
host_verbs
DEB_NOTE=
if [ "$CAPTURE_INITRD" = debian ]; then
	debian_image
	DEB_NOTE="; Debian image $T_DEBIAN (kdump initrd $(size_mib "$DEB_KDUMP_INITRD"))"
fi
say "vm: kernel $KPKG $KVER ($REL); fetch+unpack $T_FETCH, images $T_IMAGES (capture.img $(size_mib "$IMG/capture.img"), first.img $(size_mib "$IMG/first.img"))$DEB_NOTE; $KVM_NOTE"
say "vm: verbs:$VERB_NOTE"
PASSED=0
FAILED=0

if [ "$MEASURE" = 1 ]; then
	# The smallest crashkernel= that still yields a complete dump, per guest
	# RAM size and vCPU count, in 8 MiB steps: start at a guess (the last
	# minimum found, else --start, else 112M for small, 192M for debian), step
	# down (or up) by 8, 16, 32... MiB until the outcome flips, then bisect
	# the gap to 8 MiB, assuming a size that works makes every larger one
	# (up to what the guest can reserve) work. Usually 2-3 boots per size.
	OUT=$W/crashkernel-min.txt
	[ -n "$TSV" ] || TSV=$W/crashkernel-min.tsv
	if [ "$CAPTURE_INITRD" = debian ]; then
		CK_KERNEL=$DEB_KERNEL
		CK_INITRD=$DEB_KDUMP_INITRD
		guess=${START_MIB:-192}
	else
		CK_KERNEL=$KDIR/boot/vmlinuz-$REL
		CK_INITRD=$IMG/capture.img
		guess=${START_MIB:-112}
	fi
	read -r initrd_bytes initrd_unpacked _ < <(python3 "$VMDIR/initrd-size.py" "$CK_INITRD") ||
		die "cannot read the capture initrd $CK_INITRD"
	bz_bytes=$(stat -c %s "$CK_KERNEL")
	init_size=$(bzimage_init_size "$CK_KERNEL")
	say "vm: measuring crashkernel= with the $CAPTURE_INITRD capture initrd ($initrd_bytes bytes, $initrd_unpacked unpacked), kernel $bz_bytes bytes, init_size $init_size; results: $TSV"
	# try MEM MB: one sysrq cycle; 0 when a complete dump was written.
	try() {
		local why f ok=1 attempt
		for attempt in 1 2; do
			if [ "$CAPTURE_INITRD" = debian ]; then
				run_debian "$1" "$2M" && ok=0
			elif run_scenario sysrq "$1" "$2M" && [ "$(cat "$DIR/share/capture/rc" 2>/dev/null)" = 0 ] &&
				f=$(find "$DIR/share/capture/dump" -type f -name vmcore | head -n 1) && [ -s "$f" ]; then
				DUMP_NOTE=$(size_mib "$f")
				ok=0
			fi
			# A first kernel that never got as far as loading the capture
			# kernel (a TCG soft lockup at boot on a busy host, say) says
			# nothing about the reservation: once more. A failed load does.
			[ "$ok" = 1 ] && [ "$attempt" = 1 ] && [ -z "$(mark_time "$DIR/serial.log" kexec-loaded)" ] &&
				[ -z "$(mark_rest "$DIR/serial.log" guest-fail)" ] &&
				! grep -q -e 'Memory for crashkernel is not reserved' -e 'crashkernel reservation failed' "$DIR/serial.log" || break
			say "   $1 guest, $CPUS vCPU, crashkernel=$2M: the first kernel never loaded the capture kernel ($(printf '%s' "$PROBLEMS" | head -n 1)); once more"
			echo "$CAPTURE_INITRD $1 ${CPUS}cpu $2M retry $(printf '%s' "$PROBLEMS" | head -n 1)" >>"$OUT"
		done
		NR=$(grep 'Command line:.*elfcorehdr=' "$DIR/serial.log" | grep -o 'nr_cpus=[0-9]*' | tail -n 1 | cut -d= -f2)
		[ -n "$NR" ] && CAP_NR=$NR
		if [ "$ok" = 0 ]; then
			say "   $1 guest, $CPUS vCPU, crashkernel=$2M: dump written ($DUMP_NOTE); $PHASES"
			echo "$CAPTURE_INITRD $1 ${CPUS}cpu $2M ok $PHASES" >>"$OUT"
			WORKS="$WORKS $2"
			return 0
		fi
		why=$(printf '%s' "$PROBLEMS" | head -n 1)
		grep -q -i 'crashkernel reservation failed' "$DIR/serial.log" && why="$why (reservation failed)"
		grep -q 'Memory for crashkernel is not reserved' "$DIR/serial.log" && why="$why (kexec: not reserved)"
		grep -q -e 'Could not find a free area' -e 'locate_hole failed' "$DIR/serial.log" && why="$why (kexec: no room for the segments)"
		grep -q -i -e 'out of memory' -e 'oom-kill' -e 'oom_reaper' "$DIR/serial.log" && case $why in *"out of memory"*) ;; *) why="$why (out of memory seen)" ;; esac
		say "   $1 guest, $CPUS vCPU, crashkernel=$2M: no dump: $why; $PHASES"
		echo "$CAPTURE_INITRD $1 ${CPUS}cpu $2M fail $why" >>"$OUT"
		FAILS="$FAILS $2"
		return 1
	}
	for CPUS in $CPUS_LIST; do
		for mem in $MEMS; do
			WORKS="" FAILS="" CAP_NR=0
			ram=$(mib "$mem")
			cap=$((ram - 64))
			[ "$cap" -le 1024 ] || cap=1024
			g=$(((guess + 7) / 8 * 8))
			[ "$g" -le "$cap" ] || g=$((cap / 8 * 8))
			lo="" hi=""
			if try "$mem" "$g"; then
				hi=$g step=8
				while :; do
					c=$((hi - step))
					if [ "$c" -lt 16 ]; then lo=$c; break; fi
					if try "$mem" "$c"; then hi=$c step=$((step * 2)); else lo=$c; break; fi
				done
			else
				lo=$g step=8
				while :; do
					c=$((lo + step))
					[ "$c" -le "$cap" ] || break
					if try "$mem" "$c"; then hi=$c; break; else lo=$c step=$((step * 2)); fi
				done
			fi
			if [ -z "$hi" ]; then
				say "MIN $mem guest, $CPUS vCPU: nothing up to ${cap}M worked"
				echo "$CAPTURE_INITRD $mem ${CPUS}cpu MIN none" >>"$OUT"
				min=0
			else
				while [ $((hi - lo)) -gt 8 ]; do
					mid=$((lo + (hi - lo) / 16 * 8))
					if try "$mem" "$mid"; then hi=$mid; else lo=$mid; fi
				done
				min=$hi
				guess=$hi
				say "MIN $mem guest, $CPUS vCPU: crashkernel=${min}M ($CAPTURE_INITRD initrd $initrd_bytes bytes, $initrd_unpacked unpacked)"
				echo "$CAPTURE_INITRD $mem ${CPUS}cpu MIN ${min}M" >>"$OUT"
			fi
			csv() { printf '%s\n' $1 | sort -n -u | paste -s -d, -; }
			tsv_merge "$TSV" "$(printf '%s\t' "$CAPTURE_INITRD" "$ram" "$CPUS" "$CAP_NR" "$REL" "$bz_bytes" "$init_size" \
				"$initrd_bytes" "$initrd_unpacked" "$min" "$(csv "$WORKS")")$(csv "$FAILS")"
		done
	done
	exit 0
fi

if [ "$CAPTURE_INITRD" = debian ]; then
	say "== debian ($MEM guest, $CPUS vCPU, crashkernel=$CK, $ACCEL): kdump-tools, sysrq"
	run_debian "$MEM" "$CK" && note "dump: $DUMP_NOTE; /var/crash: $(tr '\n' ' ' <"$DIR/var-crash.txt")"
	report debian
	say "$PASSED passed, $FAILED failed"
	[ "$FAILED" = 0 ]
	exit
fi

if [ -n "$VMCORES" ]; then
	mkdir -p "$VMCORES"
	for name in sysrq hungtask oops; do
		formats=kdump compress=kdc.capture=makedumpfile
		[ "$name" = sysrq ] && formats=all
		[ "$name" = hungtask ] && compress="$compress kdc.compress=zlib"
		say "== $name ($MEM guest, crashkernel=$CK, $ACCEL) for $VMCORES"
		if run_scenario "$name" "$MEM" "$CK" "$formats" "$compress"; then judge "$name"; fi
		report "$name"
		[ -z "$PROBLEMS" ] || continue
		sh=$DIR/share
		cp "$sh/capture/dump/vmcore" "$VMCORES/$name.kdump"
		cp "$sh/capture/dump/vmcore-dmesg.txt" "$VMCORES/$name.dmesg.txt"
		if [ "$name" = sysrq ]; then
			cp "$sh/capture/vmcore.elf" "$VMCORES/sysrq.elf"
			cp "$sh/capture/vmcore.flat" "$VMCORES/sysrq.flat"
		fi
		{
			echo "scenario=$name"
			echo "release=$GUEST_REL"
			echo "build_id=$GUEST_BID"
			echo "kernel_package=$KPKG $KVER"
			echo "guest_mem=$MEM"
			echo "crashkernel=$CK"
			echo "crash_time=$(vmcoreinfo "$VMCORES/$name.kdump" CRASHTIME)"
			echo "makedumpfile=$(dpkg-deb -f "$(deb makedumpfile)" Version)"
		} >"$VMCORES/$name.info"
	done
	say "$PASSED passed, $FAILED failed"
	[ "$FAILED" = 0 ]
	exit
fi

if [ "$DEBUG" = 1 ]; then
	debug_fetch
fi
for name in $SCENARIOS; do
	if [ "$name" = grubfix ]; then
		say "== grubfix ($GRUB_MEM guest, $CPUS vCPU, no crashkernel= at first, $ACCEL): GRUB 2, fix --apply, reboot, test, harvest"
		if run_grubfix; then
			rm -f "$DIR/disk.img"
		else
			note "the guest's disk is kept: $DIR/disk.img (partition at offset ${GRUB_OFFSET:-1048576})"
		fi
		report grubfix
		continue
	fi
	say "== $name ($MEM guest, crashkernel=$CK, $ACCEL)"
	formats=kdump
	[ "$DEBUG" = 1 ] && formats=all
	if run_scenario "$name" "$MEM" "$CK" "$formats"; then
		HARVEST_FROM=
		judge "$name"
		case $name in sysrq | uuid) harvest_check ;; esac
		if [ "$DEBUG" = 1 ] && [ "$name" != nospace ]; then
			class=$name
			[ "$name" = hungtask ] && class=hung_task
			while IFS= read -r f; do debug_dump "$f" "$class"; done < <(find "$DIR/share/capture" -type f \( -name vmcore -o -name vmcore.elf \) | sort)
		fi
	fi
	report "$name"
done
say "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
