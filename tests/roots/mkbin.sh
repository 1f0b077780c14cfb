#!/bin/sh
# mkbin.sh - regenerates the binary files of the fixture host roots.
#
# Git holds the results; run this only to change them (needs gcc, binutils
# and depmod on an x86_64 host):   sh tests/roots/mkbin.sh
#
# What it makes, per case (see the table at the end):
#   exe      a tiny static x86_64 ELF that exits 0 and whose bytes hold the
#            real program's version text (kexec, makedumpfile, crash ...):
#            the checks read versions from the bytes, they never run them
#   vmlinux  a small ELF with a GNU build-id note (-Wl,--build-id=0x<hex>)
#            and the kernel's banner, standing in for a debug vmlinux
#   notes    /sys/kernel/notes: the bare ELF notes the kernel exports
#            (Xen notes, the GNU build-id, on newer kernels the Linux
#            build-salt note), little-endian, each field 4-byte aligned
#   ko       an out-of-tree module: an ET_REL object whose .modinfo holds
#            license=, version=, vermagic= ... and no intree=Y
#   depmod   modules.dep and its .bin indexes for the modules of a release
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

CC=${CC:-gcc}
CFLAGS_EXE="-Os -static -nostdlib -fno-pie -no-pie -fno-ident -fno-asynchronous-unwind-tables"

# The tree a case keeps its files in: root/, or delta/ for a case built on
# another (tests/roots/README.md). PATHs given below are real paths, never
# through a link of the base (/usr/lib, not /lib): delta/ has no such link.
tree() {
	if [ -d "$HERE/$1/delta" ]; then
		printf '%s' "$HERE/$1/delta"
	else
		printf '%s' "$HERE/$1/root"
	fi
}

# The file PATH of CASE's tree, with its directory made.
dest() {
	mkdir -p "$(tree "$1")$(dirname "$2")"
	printf '%s' "$(tree "$1")$2"
}

# C string literal of a shell string (backslash and quote escaped).
cstr() {
	printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'
}

# exe CASE PATH TEXT...: a static ELF holding each TEXT as a NUL-terminated string.
exe() {
	c=$1 p=$2
	shift 2
	{
		i=0
		for s in "$@"; do
			printf 'static const char s%d[] __attribute__((used)) = "%s";\n' $i "$(cstr "$s")"
			i=$((i + 1))
		done
		printf 'void _start(void) { __asm__ volatile("mov $60, %%eax\\n\\txor %%edi, %%edi\\n\\tsyscall"); }\n'
	} >"$TMP/exe.c"
	# shellcheck disable=SC2086
	$CC $CFLAGS_EXE -Wl,--build-id=none -Wl,-z,noseparate-code -Wl,-z,norelro -s \
		-o "$(dest "$c" "$p")" "$TMP/exe.c"
	chmod 0755 "$(dest "$c" "$p")"
}

# vmlinux CASE PATH BUILDID BANNER: an ELF executable with that GNU build-id.
vmlinux() {
	printf 'const char linux_banner[] __attribute__((used)) = "%s\\n";\nvoid _start(void) { }\n' \
		"$(cstr "$4")" >"$TMP/vmlinux.c"
	# shellcheck disable=SC2086
	$CC $CFLAGS_EXE -Wl,--build-id=0x"$3" -Wl,-z,noseparate-code -o "$(dest "$1" "$2")" "$TMP/vmlinux.c"
	chmod 0644 "$(dest "$1" "$2")"
}

# Little-endian bytes of a 32-bit number.
le32() {
	v=$1
	printf "\\$(printf %03o $((v & 255)))\\$(printf %03o $(((v >> 8) & 255)))"
	printf "\\$(printf %03o $(((v >> 16) & 255)))\\$(printf %03o $(((v >> 24) & 255)))"
}

# Bytes of a hex string ("0a1b...").
hexbytes() {
	h=$1
	while [ -n "$h" ]; do
		b=${h%"${h#??}"}
		h=${h#??}
		printf "\\$(printf %03o 0x"$b")"
	done
}

# Zero bytes up to the next multiple of 4 after n bytes.
pad4() {
	r=$(($1 % 4))
	[ $r -eq 0 ] && return 0
	i=$r
	while [ $i -lt 4 ]; do
		printf '\000'
		i=$((i + 1))
	done
}

# note NAME TYPE DESCHEX: one Elf64_Nhdr note (namesz counts the NUL).
note() {
	nlen=$((${#1} + 1))
	dlen=$((${#3} / 2))
	le32 $nlen
	le32 $dlen
	le32 "$2"
	printf '%s\000' "$1"
	pad4 $nlen
	hexbytes "$3"
	pad4 $dlen
}

# Hex of a string plus its NUL.
strhex() {
	printf '%s' "$1" | od -An -tx1 | tr -d ' \n'
	printf '00'
}

# The Xen notes of a 3.10 / 2.6.32 x86_64 kernel (CONFIG_XEN=y), in link order.
xen_notes_old() {
	note Xen 6 "$(strhex linux)"
	note Xen 7 "$(strhex 2.6)"
	note Xen 5 "$(strhex xen-3.0)"
	note Xen 3 00000080ffffffff
	note Xen 4 0000000000000000
	note Xen 1 "$2"
	note Xen 2 00100081ffffffff
	note Xen 10 "$(strhex '!writable_page_tables|pae_pgdir_above_4gb')"
	note Xen 9 "$(strhex yes)"
	note Xen 8 "$(strhex generic)"
	note Xen 14 01000000
}

# notes CASE KIND BUILDID [SALT]: /sys/kernel/notes of an "el" or a "new" (6.x) kernel.
notes() {
	out=$(dest "$1" /sys/kernel/notes)
	case $2 in
	el6)
		{ xen_notes_old "$3" e0a1a081ffffffff; note GNU 3 "$3"; } >"$out" ;;
	el7)
		{ xen_notes_old "$3" 80c1a281ffffffff; note GNU 3 "$3"; } >"$out" ;;
	new)
		{
			note GNU 3 "$3"
			note Linux 256 "$(strhex "$4")"
			note Xen 6 "$(strhex linux)"
			note Xen 7 "$(strhex 2.6)"
			note Xen 5 "$(strhex xen-3.0)"
			note Xen 3 000000800fffffff
			note Xen 1 40f1c2b8ffffffff
			note Xen 2 00d02bb8ffffffff
			note Xen 10 "$(strhex '!writable_page_tables')"
			note Xen 9 "$(strhex yes)"
			note Xen 13 01000000000000000100000000000000
			note Xen 14 01000000
			note Xen 18 30f1c001
		} >"$out" ;;
	esac
	chmod 0444 "$out"
}

# ko CASE PATH MODINFO...: a module object with those .modinfo strings.
ko() {
	c=$1 p=$2
	shift 2
	{
		i=0
		for s in "$@"; do
			printf 'static const char mi%d[] __attribute__((section(".modinfo"), used, aligned(1))) = "%s";\n' \
				$i "$(cstr "$s")"
			i=$((i + 1))
		done
		printf 'int init_module(void) { return 0; }\nvoid cleanup_module(void) { }\n'
	} >"$TMP/ko.c"
	$CC -c -O2 -fno-ident -fno-asynchronous-unwind-tables -o "$(dest "$c" "$p")" "$TMP/ko.c"
	chmod 0644 "$(dest "$c" "$p")"
}

# depmod_case CASE RELEASE: the module indexes of that release.
# depmod reads BASEDIR/lib/modules: lend it one that holds the case's modules.
depmod_case() {
	d=$(tree "$1")/usr/lib/modules/$2
	[ -e "$d/modules.order" ] || : >"$d/modules.order"
	[ -e "$d/modules.builtin" ] || : >"$d/modules.builtin"
	mkdir -p "$TMP/depmod/lib"
	ln -s "$(tree "$1")/usr/lib/modules" "$TMP/depmod/lib/modules"
	depmod -b "$TMP/depmod" "$2" 2>/dev/null
	rm -rf "$TMP/depmod"
}

# ---------------------------------------------------------------------------
# The hosts.

EL7_REL=3.10.0-1160.el7.x86_64
EL7_ID=7d5b8e0f3ac1e2b94c6d8a1f0e3b2c4d5a6f7e81
EL7_OTHER_ID=0b1e5c3d9f7a2e6b8c4d1f0a3e5b7c9d2f4a6e80
EL7_BANNER="Linux version $EL7_REL (mockbuild@kbuilder.bsys.centos.org) (gcc version 4.8.5 20150623 (Red Hat 4.8.5-44) (GCC) ) #1 SMP Mon Oct 19 16:18:59 UTC 2020"
EL6_REL=2.6.32-754.35.1.el6.x86_64
EL6_ID=3f9c2a7e5b1d4c8e6a0f2b9d7c5e3a1f8b6d4c20
EL6_BANNER="Linux version $EL6_REL (mockbuild@x86-01.bsys.centos.org) (gcc version 4.4.7 20120313 (Red Hat 4.4.7-23) (GCC) ) #1 SMP Tue Nov 3 12:24:08 UTC 2020"
DEB_REL=6.1.0-18-amd64
DEB_ID=c4a8e21f9b3d57e06a1c8f4b2d9e7a35f0b6c1d8
DEB_BANNER="Linux version $DEB_REL (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)"
ARCH_REL=6.1.77-1-lts
ARCH_ID=5e2d8b0c7a9f41e3b6d0c2a8f4e6b1d9c3a7e052

MKD_EL7="makedumpfile: version 1.6.2 (released on 27 Jul 2017)"
MKD_EL6="makedumpfile: version 1.3.5 (released on 27 Nov 2009)"
MKD_DEB="makedumpfile: version 1.7.2 (released on 20 Oct 2022)"

# el7 CASE: the binaries of a CentOS 7.9 host with kexec-tools, crash and kernel-debuginfo.
el7() {
	exe "$1" /usr/sbin/kexec "kexec-tools 2.0.15" "Usage: kexec [OPTION]... [kernel]"
	exe "$1" /usr/sbin/makedumpfile "$MKD_EL7" "Usage:" "makedumpfile [OPTION] [-x VMLINUX|-i VMCOREINFO] VMCORE DUMPFILE"
	exe "$1" /usr/bin/crash "crash 7.2.3-11.el7_9.1" "Copyright (C) 2002-2017  Red Hat, Inc."
	exe "$1" /usr/libexec/abrt-hook-ccpp "abrt-hook-ccpp" "Usage: %s SIGNO CORE_SIZE_LIMIT DUMP_LOCATION PID UID GID TIME BINARY_NAME [HOSTNAME]"
	exe "$1" /usr/lib/systemd/systemd "systemd 219" "+PAM +AUDIT +SELINUX +IMA -APPARMOR +SMACK +SYSVINIT +UTMP +LIBCRYPTSETUP +GCRYPT +GNUTLS +ACL +XZ +LZ4 -SECCOMP +BLKID +ELFUTILS +KMOD +IDN"
	vmlinux "$1" /usr/lib/debug/lib/modules/$EL7_REL/vmlinux $EL7_ID "$EL7_BANNER"
	notes "$1" el7 $EL7_ID
}

# el6 CASE: the binaries of a CentOS 6.10 host with kexec-tools, crash and kernel-debuginfo.
el6() {
	exe "$1" /sbin/kexec "kexec-tools 2.0.0 released 19 July 2008" "Usage: kexec [OPTION]... [kernel]"
	exe "$1" /sbin/makedumpfile "$MKD_EL6" "Usage:" "makedumpfile [OPTION] [-x VMLINUX|-i VMCOREINFO] VMCORE DUMPFILE"
	exe "$1" /usr/bin/crash "crash 6.1.0-6.el6" "Copyright (C) 2002-2012  Red Hat, Inc."
	exe "$1" /sbin/init "init (upstart 0.6.5)"
	vmlinux "$1" /usr/lib/debug/lib/modules/$EL6_REL/vmlinux $EL6_ID "$EL6_BANNER"
	notes "$1" el6 $EL6_ID
}

# The el7-* and malformed-* cases are el7-ready plus a delta: they share its binaries.
el7 el7-ready

# The debuginfo of another build of the same release: the build-ids differ.
vmlinux el7-debuginfo-mismatch /usr/lib/debug/lib/modules/$EL7_REL/vmlinux $EL7_OTHER_ID "$EL7_BANNER"

# The NVIDIA driver from ELRepo (kmod-nvidia): proprietary, out of tree, unsigned.
ko el7-tainted /usr/lib/modules/$EL7_REL/extra/nvidia/nvidia.ko \
	"license=NVIDIA" "version=470.223.02" "supported=external" \
	"srcversion=1F3E7C0D2B9A8E4F6C5D3A2" "alias=pci:v000010DEd*sv*sd*bc03sc00i00*" \
	"alias=pci:v000010DEd*sv*sd*bc03sc02i00*" "depends=" "retpoline=Y" "rhelversion=7.9" \
	"vermagic=$EL7_REL SMP mod_unload modversions "
depmod_case el7-tainted $EL7_REL

for c in el6-ready el6-sysctl-runtime-only; do
	el6 $c
done
# No kexec-tools, crash or debuginfo: only what the kernel and init bring.
exe el6-no-kdump-installed /sbin/init "init (upstart 0.6.5)"
notes el6-no-kdump-installed el6 $EL6_ID

# Debian 12 with kdump-tools, crash and linux-image-amd64-dbg (merged /usr).
exe debian12-ready /usr/sbin/kexec "kexec-tools 2.0.25" "Usage: kexec [OPTION]... [kernel]"
exe debian12-ready /usr/bin/makedumpfile "$MKD_DEB" "Usage:" "makedumpfile [OPTION] [-x VMLINUX|-i VMCOREINFO] VMCORE DUMPFILE"
exe debian12-ready /usr/bin/crash "crash 8.0.2" "Copyright (C) 2002-2022  Red Hat, Inc."
exe debian12-ready /usr/lib/systemd/systemd "systemd 252 (252.22-1~deb12u1)"
vmlinux debian12-ready /usr/lib/debug/boot/vmlinux-$DEB_REL $DEB_ID "$DEB_BANNER"
notes debian12-ready new $DEB_ID $DEB_REL

# Arch Linux (linux-lts, kexec-tools, makedumpfile and crash from the AUR; /usr/sbin -> bin).
exe unknown-os /usr/bin/kexec "kexec-tools 2.0.28" "Usage: kexec [OPTION]... [kernel]"
exe unknown-os /usr/bin/makedumpfile "$MKD_DEB" "Usage:" "makedumpfile [OPTION] [-x VMLINUX|-i VMCOREINFO] VMCORE DUMPFILE"
exe unknown-os /usr/bin/crash "crash 8.0.4" "Copyright (C) 2002-2022  Red Hat, Inc."
exe unknown-os /usr/lib/systemd/systemd "systemd 255 (255.3-1-arch)"
exe unknown-os /usr/lib/systemd/systemd-coredump "systemd-coredump" "Process %s (%s) of user %s dumped core."
notes unknown-os new $ARCH_ID $ARCH_REL
