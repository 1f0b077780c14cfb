#!/usr/bin/env bats
# realdumps.bats - tag and list on real dumps of Debian 12's kernel, crashed in a
# QEMU guest by tests/vm (tests/vmcores/README): the sidecar must say what the
# guest's uname -r, /sys/kernel/notes and the dump's own log say.

bats_require_minimum_version 1.5.0
load helpers

VM="$BATS_TEST_DIRNAME/../vmcores"

# info SCENARIO.KIND KEY: a value of the .info file written when the dump was made
info() { sed -n "s/^$2=//p" "$VM/$1.info"; }

# unpack FILE.xz NAME [DMESG]: DIR/NAME/vmcore (and vmcore-dmesg.txt); prints DIR/NAME
unpack() {
	local d="$BATS_TEST_TMPDIR/crash/kdc-guest-2026-11-22-00:00:00-$2"
	mkdir -p "$d"
	xz -dc "$VM/$1.xz" >"$d/vmcore"
	[ -z "${3:-}" ] || cp "$VM/$3" "$d/vmcore-dmesg.txt"
	echo "$d"
}

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
side() { jq -r "$1" "$2/vmcore.json"; }

@test "real sysrq dump: release, build-id, crash time, class, hash, format" {
	command -v xz >/dev/null || skip "no xz"
	d=$(unpack sysrq.kdump whole sysrq.dmesg.txt)
	run kdc tag "$d"
	[ "$status" -eq 0 ]
	[ "$(side .kernel.release "$d")" = "$(info sysrq.kdump release)" ]
	[ "$(side .kernel.build_id "$d")" = "$(info sysrq.kdump build_id)" ]
	[ "$(side .kernel.arch "$d")" = x86_64 ]
	[ "$(side .crash.time "$d")" = "$(iso "$(info sysrq.kdump crash_time)")" ]
	[ "$(side .crash.class "$d")" = sysrq ]
	[ "$(side .crash.panic_message "$d")" = "sysrq triggered crash" ]
	[ "$(side .vmcore.sha256 "$d")" = "$(info sysrq.kdump full_sha256)" ]
	[ "$(side .vmcore.size_bytes "$d")" = "$(info sysrq.kdump full_size_bytes)" ]
	[ "$(side .vmcore.complete "$d")" = true ]
	[ "$(side .vmcore.format "$d")" = kdump-compressed ]
	[ "$(side .vmcore.compression "$d")" = lzo ]
	[ "$(side .vmcore.dump_level "$d")" = 31 ]
	[ "$(side .vmcore.page_size "$d")" = 4096 ]
	[ "$(side .host.hostname "$d")" = kdc-guest ]
}

@test "real sysrq dump without a saved log: the story from makedumpfile --dump-dmesg" {
	command -v xz >/dev/null || skip "no xz"
	d=$(unpack sysrq.kdump nolog)
	run kdc tag --no-hash "$d"
	[ "$status" -eq 0 ]
	[ "$(side .collector.dmesg_source "$d")" = "makedumpfile --dump-dmesg" ]
	[ "$(side .crash.class "$d")" = sysrq ]
	# the same log makedumpfile gave in the capture kernel
	makedumpfile --dump-dmesg "$d/vmcore" "$BATS_TEST_TMPDIR/log" >/dev/null 2>&1
	cmp "$BATS_TEST_TMPDIR/log" "$VM/sysrq.dmesg.txt"
}

@test "real hung-task dump (head): the blocked touch named, incomplete said" {
	command -v xz >/dev/null || skip "no xz"
	d=$(unpack hungtask.kdump.head hung hungtask.dmesg.txt)
	run kdc tag "$d"
	[ "$status" -eq 0 ]
	[ "$(side .crash.class "$d")" = hung_task ]
	[ "$(side '[.crash.blocked_tasks[].comm] | index("touch") != null' "$d")" = true ]
	[ "$(side .crash.time "$d")" = "$(iso "$(info hungtask.kdump.head crash_time)")" ]
	[ "$(side .kernel.build_id "$d")" = "$(info hungtask.kdump.head build_id)" ]
	[ "$(side .vmcore.compression "$d")" = zlib ]
	[ "$(side .vmcore.complete "$d")" = false ]
}

@test "real oops dump (head): class oops, the out-of-tree module named, taint" {
	command -v xz >/dev/null || skip "no xz"
	d=$(unpack oops.kdump.head oops oops.dmesg.txt)
	run kdc tag --no-hash "$d"
	[ "$status" -eq 0 ]
	[ "$(side .crash.class "$d")" = oops ]
	[ "$(side '.crash.modules_out_of_tree | index("kdc_oops") != null' "$d")" = true ]
	[[ "$(side .crash.taint "$d")" == *O* ]]
	[ "$(side .crash.time "$d")" = "$(iso "$(info oops.kdump.head crash_time)")" ]
}

@test "real ELF and flattened dumps (heads) of the same crash" {
	command -v xz >/dev/null || skip "no xz"
	e=$(unpack sysrq.elf.head elf)
	f=$(unpack sysrq.flat.head flat)
	run kdc tag --no-hash "$e" "$f"
	[ "$status" -eq 0 ]
	[ "$(side .vmcore.format "$e")" = elf ]
	[ "$(side .vmcore.format "$f")" = flattened ]
	for d in "$e" "$f"; do
		[ "$(side .kernel.release "$d")" = "$(info sysrq.kdump release)" ]
		[ "$(side .kernel.build_id "$d")" = "$(info sysrq.kdump build_id)" ]
		[ "$(side .crash.time "$d")" = "$(iso "$(info sysrq.kdump crash_time)")" ]
		[ "$(side .vmcore.complete "$d")" = false ]
	done
}

@test "real dumps: list shows them all, the whole one complete" {
	command -v xz >/dev/null || skip "no xz"
	unpack sysrq.kdump whole sysrq.dmesg.txt >/dev/null
	unpack oops.kdump.head oops oops.dmesg.txt >/dev/null
	kdc tag --no-hash "$BATS_TEST_TMPDIR"/crash/*
	run kdc --json list "$BATS_TEST_TMPDIR/crash"
	[ "$status" -eq 0 ]
	[ "$(jq length <<<"$output")" -eq 2 ]
	[ "$(jq -r '.[] | select(.path | endswith("-whole/vmcore")) | .complete' <<<"$output")" = true ]
	[ "$(jq -r '.[] | select(.path | endswith("-oops/vmcore")) | .class' <<<"$output")" = oops ]
	# newest first: the oops came after the sysrq crash
	[[ "$(jq -r '.[0].path' <<<"$output")" == *-oops/vmcore ]]
}

@test "collect on a real dump: makedumpfile refilters it, the log is saved first, the sidecar is right" {
	command -v xz >/dev/null || skip "no xz"
	xz -dc "$VM/sysrq.kdump.xz" >"$BATS_TEST_TMPDIR/vmcore"
	# a root of its own: never this machine's kdump config (its MAKEDUMP_ARGS)
	mkdir -p "$BATS_TEST_TMPDIR/bare/etc"
	run kdc --root "$BATS_TEST_TMPDIR/bare" collect --vmcore "$BATS_TEST_TMPDIR/vmcore" --target "$BATS_TEST_TMPDIR/crash"
	[ "$status" -eq 0 ]
	d=$(ls -d "$BATS_TEST_TMPDIR"/crash/*/ | sed 's:/$::')
	cmp "$d/vmcore-dmesg.txt" "$VM/sysrq.dmesg.txt"
	[ "$(side .kernel.release "$d")" = "$(info sysrq.kdump release)" ]
	[ "$(side .kernel.build_id "$d")" = "$(info sysrq.kdump build_id)" ]
	[ "$(side .crash.class "$d")" = sysrq ]
	[ "$(side .crash.time "$d")" = "$(iso "$(info sysrq.kdump crash_time)")" ]
	[ "$(side .vmcore.complete "$d")" = true ]
	[ "$(side .collector.dmesg_source "$d")" = "$d/vmcore-dmesg.txt" ]
}
