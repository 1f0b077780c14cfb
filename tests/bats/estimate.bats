#!/usr/bin/env bats
# estimate: crashkernel= as a sum read from the host's own kernel image and
# kdump initramfs, the other defaults beside it, the dump's size and time.

load helpers
bats_require_minimum_version 1.5.0

MiB=1048576

# A bzImage setup header (boot protocol 2.15) with init_size = $2 bytes, written to $1.
fake_bzimage() {
	python3 - "$1" "$2" <<'PY'
import struct, sys
h = bytearray(0x400)
h[0x1fe:0x200] = b"\x55\xaa"
h[0x202:0x206] = b"HdrS"
h[0x206:0x208] = struct.pack("<H", 0x020f)
h[0x260:0x264] = struct.pack("<I", int(sys.argv[2]))
open(sys.argv[1], "wb").write(bytes(h))
PY
}

@test "estimate: the sum reads init_size from the kernel image and the kdump initramfs unpacked" {
	prepare_root el7-ready
	local rel=3.10.0-1160.el7.x86_64 img=$BATS_TEST_DIRNAME/../unit/data/initrd/early-xz.img
	fake_bzimage "$ROOT/boot/vmlinuz-$rel" $((30 * MiB))
	cp "$img" "$ROOT/boot/initramfs-${rel}kdump.img"
	run --separate-stderr kdc --root "$ROOT" --json estimate
	[ "$status" = 0 ] || { echo "$stderr"; return 1; }
	[ "$(jq -r .schema <<<"$output")" = kdumpcheck.estimate/1 ]
	[ "$(jq '.terms[] | select(.name == "capture kernel") | .bytes' <<<"$output")" = $((30 * MiB)) ]
	jq -e '.terms[] | select(.name == "capture kernel") | .source | test("init_size of /boot/vmlinuz-")' <<<"$output"
	# the initramfs term is the image as loaded plus its files unpacked (the early cpio and the xz archive)
	local file unp
	file=$(stat -c %s "$img")
	[ "$(jq '.terms[] | select(.name == "initramfs") | .bytes' <<<"$output")" = $((file + 649728 + 772)) ]
	jq -e '.terms[] | select(.name == "initramfs") | .source | test("xz")' <<<"$output"
	# the recommendation: the sum of the terms, rounded up to 8 MiB, as a value the kernel parses
	local sum rec
	sum=$(jq '[.terms[].bytes] | add' <<<"$output")
	rec=$(jq .recommended_bytes <<<"$output")
	[ "$rec" -ge "$sum" ] && [ $((rec - sum)) -lt $((8 * MiB)) ] && [ $((rec % (8 * MiB))) = 0 ]
	[ "$(jq -r .recommended <<<"$output")" = "$((rec / MiB))M" ]
	# nr_cpus=1 of the capture command line: one CPU's per-CPU term
	[ "$(jq .capture_cpus <<<"$output")" = 1 ]
	# the other defaults for this 3.9 GiB host: crashkernel=auto on EL7 reserves 161M, the RHEL table 192M
	[ "$(jq -r '.defaults[] | select(.name == "el7-auto") | .value' <<<"$output")" = 161M ]
	[ "$(jq -r '.defaults[] | select(.name == "rhel-table") | .value' <<<"$output")" = 192M ]
	[ "$(jq -r '.defaults[] | select(.name == "debian") | .value' <<<"$output")" = 128M ]
	jq -e '.dump.expected_bytes > 0 and .dump.expected_seconds > 0' <<<"$output"
}

@test "estimate: text names every term and where it came from; crashkernel.size uses the same sum" {
	prepare_root el7-ready
	run kdc --root "$ROOT" estimate
	[ "$status" = 0 ]
	local rec
	rec=$(sed -n '1s/^crashkernel=\([0-9]*M\) recommended.*/\1/p' <<<"$output")
	[ -n "$rec" ]
	for t in "capture kernel" "initramfs" "kernel at run time" "per-CPU" "capture tools" "makedumpfile" "margin" "el7-auto"; do
		grep -q "^  $t " <<<"$output" || { echo "no $t"; echo "$output"; return 1; }
	done
	# a fixture's kernel image is not a real one: the term says it is assumed
	grep -q "capture kernel.*assumed" <<<"$output"
	run kdc --root "$ROOT" --json check
	[ "$(jq -r '.checks[] | select(.id == "crashkernel.size") | .expected' <<<"$output" | sed 's/^>= \([0-9.]*[MG]\).*/\1/')" != "" ]
	jq -r '.checks[] | select(.id == "crashkernel.size") | .message' <<<"$output" | grep -q "recommended"
}

@test "estimate: nr_cpus absent from the capture command line counts every possible CPU; maxcpus still makes areas for all" {
	prepare_root el7-ready
	printf '0-15\n' >"$ROOT/sys/devices/system/cpu/possible"
	mkdir -p "$ROOT/etc/sysconfig"
	printf 'KDUMP_COMMANDLINE_APPEND="irqpoll reset_devices"\n' >"$ROOT/etc/sysconfig/kdump"
	run --separate-stderr kdc --root "$ROOT" --json estimate
	[ "$(jq .capture_cpus <<<"$output")" = 16 ]
	printf 'KDUMP_COMMANDLINE_APPEND="irqpoll maxcpus=1 reset_devices"\n' >"$ROOT/etc/sysconfig/kdump"
	run --separate-stderr kdc --root "$ROOT" --json estimate
	[ "$(jq .capture_cpus <<<"$output")" = 16 ]
	printf 'KDUMP_COMMANDLINE_APPEND="irqpoll nr_cpus=2 reset_devices"\n' >"$ROOT/etc/sysconfig/kdump"
	run --separate-stderr kdc --root "$ROOT" --json estimate
	[ "$(jq .capture_cpus <<<"$output")" = 2 ]
	jq -e '.terms[] | select(.name == "per-CPU") | .source | test("KDUMP_COMMANDLINE_APPEND of /etc/sysconfig/kdump")' <<<"$output"
}

@test "estimate: an nfs or ssh target adds the network term; a RAM size unknown is an error" {
	prepare_root el7-nfs-target
	run --separate-stderr kdc --root "$ROOT" --json estimate
	jq -e '[.terms[].name] | index("network") != null' <<<"$output"
	prepare_root el7-ready
	rm -f "$ROOT/proc/meminfo"
	run --separate-stderr kdc --root "$ROOT" estimate
	[ "$status" = 1 ]
	[[ "$stderr" == "kdumpcheck: estimate: no /proc/meminfo under this root: RAM size unknown" ]]
}

@test "crashkernel.size: a stock EL7 host, crashkernel=auto on 4 GiB that reserved 161M, is not too small: the sum says 161M is enough" {
	prepare_root el7-ready
	sed -i 's/crashkernel=[^ ]*/crashkernel=auto/' "$ROOT/proc/cmdline"
	echo $((161 * 1048576)) >"$ROOT/sys/kernel/kexec_crash_size"
	sed -i 's/^  25000000-34ffffff : Crash kernel$/  25000000-2f0fffff : Crash kernel/' "$ROOT/proc/iomem"
	run --separate-stderr kdc --root "$ROOT" --json check
	[ "$(jq -r '.checks[] | select(.id == "crashkernel.reserved") | .status' <<<"$output")" = pass ]
	[ "$(jq -r '.checks[] | select(.id == "crashkernel.size") | .status' <<<"$output")" = pass ] ||
		{ jq -r '.checks[] | select(.id == "crashkernel.size") | .message' <<<"$output"; return 1; }
	run --separate-stderr kdc --root "$ROOT" --json estimate
	[ "$(jq -r '.defaults[] | select(.name == "el7-auto") | .value' <<<"$output")" = 161M ]
	[ "$(jq .recommended_bytes <<<"$output")" -le $((161 * 1048576)) ]
}
