#!/usr/bin/env bats
# tag.bats - 'kdumpcheck tag' and 'list' on real makedumpfile output
# (tests/unit/data/vmcore/, see its mkdata.sh) in the RHEL and Debian layouts.

bats_require_minimum_version 1.5.0
load helpers

DATA="$BATS_TEST_DIRNAME/../unit/data"
BUILD_ID=7d5f9c3e1a2b4c6d8e0f1a2b3c4d5e6f70819203
REL=6.1.0-18-amd64

# rhel_dump NAME FILE: a RHEL-layout dump directory holding FILE as vmcore; prints its path.
rhel_dump() {
	local d="$BATS_TEST_TMPDIR/crash/$1"
	mkdir -p "$d"
	cp "$DATA/vmcore/$2" "$d/vmcore"
	echo "$d"
}

side() { jq -r "$1" "$2.json"; }

@test "tag: a kdump-compressed dump gets a sidecar with the dump's own facts" {
	d=$(rhel_dump 10.0.0.5-2024-05-31-16:08:40 kdump-zlib.vmcore)
	run kdc tag "$d"
	[ "$status" -eq 0 ]
	[[ "$output" == "tagged $d/vmcore: kernel $REL, crashed 2024-05-31T16:08:37Z"* ]]
	[ "$(stat -c %a "$d/vmcore.json")" = 600 ]
	[ "$(side .schema "$d/vmcore")" = kdumpcheck.vmcore/1 ]
	[ "$(side .vmcore.format "$d/vmcore")" = kdump-compressed ]
	[ "$(side .vmcore.compression "$d/vmcore")" = zlib ]
	[ "$(side .vmcore.dump_level "$d/vmcore")" = 31 ]
	[ "$(side .vmcore.page_size "$d/vmcore")" = 4096 ]
	[ "$(side .vmcore.complete "$d/vmcore")" = true ]
	[ "$(side .vmcore.size_bytes "$d/vmcore")" = "$(stat -c %s "$d/vmcore")" ]
	[ "$(side .vmcore.sha256 "$d/vmcore")" = "$(sha256sum "$d/vmcore" | cut -d' ' -f1)" ]
	[ "$(side .kernel.release "$d/vmcore")" = "$REL" ]
	[ "$(side .kernel.build_id "$d/vmcore")" = "$BUILD_ID" ]
	[ "$(side .kernel.arch "$d/vmcore")" = x86_64 ]
	[ "$(side .crash.time "$d/vmcore")" = 2024-05-31T16:08:37Z ]
	[ "$(side .host.hostname "$d/vmcore")" = deb12-guest ]
	# nothing else written beside it
	[ "$(ls -A "$d" | sort | tr '\n' ' ')" = "vmcore vmcore.json " ]
}

@test "tag: the crash story comes from vmcore-dmesg.txt" {
	d=$(rhel_dump 127.0.0.1-2024-05-31-16:08:40 kdump-lzo.vmcore)
	cp "$DATA/dmesg/deb12-hung-task.txt" "$d/vmcore-dmesg.txt"
	run kdc tag "$d/vmcore"
	[ "$status" -eq 0 ]
	[ "$(side .crash.class "$d/vmcore")" = hung_task ]
	[ "$(side '.crash.blocked_tasks | length' "$d/vmcore")" -ge 1 ]
	[ "$(side '.crash.blocked_tasks[0].pid | type' "$d/vmcore")" = number ]
	[ "$(side .collector.dmesg_source "$d/vmcore")" = "$d/vmcore-dmesg.txt" ]
	[ "$(side .vmcore.compression "$d/vmcore")" = lzo ]
}

@test "tag: Debian layout, dump.<ts> with dmesg.<ts>" {
	d="$BATS_TEST_TMPDIR/crash/202405311608"
	mkdir -p "$d"
	cp "$DATA/vmcore/kdump-none.vmcore" "$d/dump.202405311608"
	cp "$DATA/dmesg/deb12-sysrq.txt" "$d/dmesg.202405311608"
	run kdc tag "$d"
	[ "$status" -eq 0 ]
	[ -f "$d/dump.202405311608.json" ]
	[ "$(side .crash.class "$d/dump.202405311608")" = sysrq ]
	[ "$(side .vmcore.compression "$d/dump.202405311608")" = none ]
}

@test "tag: ELF and flattened dumps" {
	for f in elf64-mkd.vmcore flat-zlib.vmcore; do
		cp "$DATA/vmcore/$f" "$BATS_TEST_TMPDIR/$f"
		run kdc tag "$BATS_TEST_TMPDIR/$f"
		[ "$status" -eq 0 ] || { echo "$output"; return 1; }
		[ "$(side .kernel.release "$BATS_TEST_TMPDIR/$f")" = "$REL" ]
	done
	[ "$(side .vmcore.format "$BATS_TEST_TMPDIR/elf64-mkd.vmcore")" = elf ]
	[ "$(side .kernel.arch "$BATS_TEST_TMPDIR/elf64-mkd.vmcore")" = x86_64 ]
	[ "$(side .vmcore.format "$BATS_TEST_TMPDIR/flat-zlib.vmcore")" = flattened ]
}

@test "tag: idempotent; --if-needed leaves a current sidecar untouched" {
	d=$(rhel_dump h-2024-05-31-16:08:40 kdump-zlib.vmcore)
	kdc tag "$d"
	jq 'del(.collector.tagged_at)' "$d/vmcore.json" >"$BATS_TEST_TMPDIR/first"
	sleep 1
	kdc tag "$d"
	jq 'del(.collector.tagged_at)' "$d/vmcore.json" >"$BATS_TEST_TMPDIR/second"
	cmp "$BATS_TEST_TMPDIR/first" "$BATS_TEST_TMPDIR/second"
	before=$(stat -c '%i %Y' "$d/vmcore.json")
	run kdc tag --if-needed "$d"
	[ "$status" -eq 0 ]
	[[ "$output" == "up to date $d/vmcore" ]]
	[ "$(stat -c '%i %Y' "$d/vmcore.json")" = "$before" ]
	# a newer vmcore makes it stale again
	touch -d '+1 minute' "$d/vmcore"
	run kdc tag --if-needed "$d"
	[[ "$output" == "tagged $d/vmcore"* ]]
}

@test "tag: --no-hash leaves sha256 null" {
	d=$(rhel_dump h-2024-05-31-16:08:40 kdump-zlib.vmcore)
	run kdc tag --no-hash "$d"
	[ "$status" -eq 0 ]
	[ "$(side .vmcore.sha256 "$d/vmcore")" = null ]
}

@test "tag: an incomplete dump is tagged complete: false with the reason" {
	d=$(rhel_dump h-2024-05-31-16:08:40 kdump-trunc-data.vmcore)
	mv "$d/vmcore" "$d/vmcore-incomplete"
	run kdc tag "$d"
	[ "$status" -eq 0 ]
	[ "$(side .vmcore.complete "$d/vmcore-incomplete")" = false ]
	[ "$(side .vmcore.incomplete_reason "$d/vmcore-incomplete")" != null ]
	d=$(rhel_dump h2-2024-05-31-16:08:40 kdump-trunc-desc.vmcore)
	run kdc tag "$d"
	[ "$(side .vmcore.complete "$d/vmcore")" = false ]
}

@test "tag: a foreign file is refused, nothing written, exit 1" {
	for f in foreign-text foreign-exec foreign-gzip foreign-random; do
		cp "$DATA/vmcore/$f" "$BATS_TEST_TMPDIR/$f"
		run --separate-stderr kdc tag "$BATS_TEST_TMPDIR/$f"
		[ "$status" -eq 1 ]
		[[ "$stderr" == "kdumpcheck: tag: $BATS_TEST_TMPDIR/$f: not a vmcore: "* ]]
		[ ! -e "$BATS_TEST_TMPDIR/$f.json" ]
	done
}

@test "tag: a missing path and a directory without a dump" {
	run --separate-stderr kdc tag "$BATS_TEST_TMPDIR/nope"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"nope: No such file or directory" ]]
	mkdir "$BATS_TEST_TMPDIR/empty"
	run --separate-stderr kdc tag "$BATS_TEST_TMPDIR/empty"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"empty: no vmcore there" ]]
	run --separate-stderr kdc tag
	[ "$status" -eq 64 ]
}

@test "tag: an unwritable directory keeps the dump and says nothing was written" {
	[ "$(id -u)" -ne 0 ] || skip "root writes anywhere"
	d=$(rhel_dump h-2024-05-31-16:08:40 kdump-zlib.vmcore)
	chmod 0500 "$d"
	run --separate-stderr kdc tag "$d"
	chmod 0700 "$d"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"nothing written"* ]]
}

@test "tag: the judged host's debuginfo and machine-id" {
	r="$BATS_TEST_TMPDIR/root"
	mkdir -p "$r/usr/lib/debug/lib/modules/$REL" "$r/etc" "$r/var/crash"
	echo 0123456789abcdef0123456789abcdef >"$r/etc/machine-id"
	printf 'void _start(void) {}\n' >"$BATS_TEST_TMPDIR/s.c"
	gcc -nostdlib -Wl,--build-id=0x$BUILD_ID -o "$r/usr/lib/debug/lib/modules/$REL/vmlinux" "$BATS_TEST_TMPDIR/s.c"
	mkdir "$r/var/crash/127.0.0.1-2024-05-31-16:08:40"
	cp "$DATA/vmcore/kdump-zlib.vmcore" "$r/var/crash/127.0.0.1-2024-05-31-16:08:40/vmcore"
	run kdc --root "$r" tag "$r/var/crash/127.0.0.1-2024-05-31-16:08:40"
	[ "$status" -eq 0 ]
	v="$r/var/crash/127.0.0.1-2024-05-31-16:08:40/vmcore"
	[ "$(side .debuginfo.vmlinux "$v")" = "$r/usr/lib/debug/lib/modules/$REL/vmlinux" ]
	[ "$(side .debuginfo.build_id_match "$v")" = true ]
	[ "$(side .analysis.crash_command "$v")" = "crash $r/usr/lib/debug/lib/modules/$REL/vmlinux $v" ]
	[ "$(side .host.machine_id "$v")" = 0123456789abcdef0123456789abcdef ]
	# another build's debuginfo: a mismatch, said so
	gcc -nostdlib -Wl,--build-id=0x1111111111111111111111111111111111111111 \
		-o "$r/usr/lib/debug/lib/modules/$REL/vmlinux" "$BATS_TEST_TMPDIR/s.c"
	kdc --root "$r" tag "$v"
	[ "$(side .debuginfo.build_id_match "$v")" = false ]
	# a dump from elsewhere: no machine-id guessed
	cp "$DATA/vmcore/kdump-zlib.vmcore" "$BATS_TEST_TMPDIR/other.vmcore"
	kdc --root "$r" tag "$BATS_TEST_TMPDIR/other.vmcore"
	[ "$(side .host.machine_id "$BATS_TEST_TMPDIR/other.vmcore")" = null ]
}

@test "tag --json prints the sidecars" {
	d=$(rhel_dump h-2024-05-31-16:08:40 kdump-zlib.vmcore)
	run kdc --json tag "$d"
	[ "$status" -eq 0 ]
	[ "$(jq -r '.[0].kernel.release' <<<"$output")" = "$REL" ]
}

@test "list: newest first, sidecar or headers, incomplete and untagged flagged" {
	c="$BATS_TEST_TMPDIR/crash"
	rhel_dump a-2024-05-31-16:08:40 kdump-zlib.vmcore >/dev/null
	rhel_dump b-2024-06-01-10:00:00 elf64-mkd.vmcore >/dev/null
	rhel_dump c-2024-06-02-10:00:00 kdump-trunc-data.vmcore >/dev/null
	mv "$c/c-2024-06-02-10:00:00/vmcore" "$c/c-2024-06-02-10:00:00/vmcore-incomplete"
	kdc tag "$c/a-2024-05-31-16:08:40"
	mkdir "$c/not-a-dump"
	run kdc --json list "$c"
	[ "$status" -eq 0 ]
	[ "$(jq length <<<"$output")" -eq 3 ]
	[ "$(jq -r '.[] | select(.path | contains("/a-")) | .tagged' <<<"$output")" = true ]
	[ "$(jq -r '.[] | select(.path | contains("/b-")) | .tagged' <<<"$output")" = false ]
	[ "$(jq -r '.[] | select(.path | contains("/c-")) | .complete' <<<"$output")" = false ]
	[ "$(jq -r '.[] | select(.path | contains("/a-")) | .host' <<<"$output")" = deb12-guest ]
	run kdc list "$c"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == TIME* ]]
	[ "${#lines[@]}" -eq 4 ]
	[[ "$output" == *" NO "* ]]
}

@test "list: the dump directory of the judged host by default" {
	prepare_root el7-ready
	mkdir -p "$ROOT/var/crash/127.0.0.1-2024-05-31-16:08:40"
	cp "$DATA/vmcore/kdump-zlib.vmcore" "$ROOT/var/crash/127.0.0.1-2024-05-31-16:08:40/vmcore"
	run kdc --root "$ROOT" --json list
	[ "$status" -eq 0 ]
	[ "$(jq length <<<"$output")" -eq 1 ]
	run kdc --root "$ROOT" list "$BATS_TEST_TMPDIR/none"
	[ "$status" -eq 1 ]
}
