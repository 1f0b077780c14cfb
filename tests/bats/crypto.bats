#!/usr/bin/env bats
# crypto.bats - libcrypto is opened by the paths that hash and by nothing
# else: the binary does not link it; check and collect run the same without
# it (as in a capture initramfs that carries none); tag says why it cannot
# hash; a hashed known_hosts entry it cannot check is "not verified", never
# passed or failed on a guess.

bats_require_minimum_version 1.5.0
load helpers

DATA="$BATS_TEST_DIRNAME/../unit/data"
IMG="$DATA/vmcore/elf64-x86_64.vmcore"

@test "the binary does not link libcrypto" {
	run ldd "$KDC"
	[ "$status" -eq 0 ]
	[[ "$output" == *libc.so* ]]
	[[ "$output" != *libcrypto* ]]
}

# checks CASE [LOADER...]: the case's checks as "id status message" lines, the
# dump target's free space (it moves between runs) left out.
checks() {
	local c=$1 conf
	shift
	conf=$(case_policy "$c")
	"$@" ${KDC_WRAP:-} "$KDC" --root "$ROOT" ${conf:+-c "$conf"} check --json |
		jq -r '.checks[] | select(.id != "kdump.target") | "\(.id) \(.status) \(.message)"'
}

@test "without libcrypto: check gives the same report" {
	local c
	for c in el7-ready el6-ready debian12-ready el7-tainted; do
		prepare_root "$c"
		checks "$c" >"$BATS_TEST_TMPDIR/with"
		checks "$c" without_libcrypto >"$BATS_TEST_TMPDIR/without"
		[ "$(wc -l <"$BATS_TEST_TMPDIR/with")" -gt 20 ]
		diff "$BATS_TEST_TMPDIR/with" "$BATS_TEST_TMPDIR/without"
	done
}

@test "without libcrypto: collect saves the dump and its sidecar (no sha256 there); tag then adds it" {
	local t=$BATS_TEST_TMPDIR/crash d
	mkdir -p "$BATS_TEST_TMPDIR/bare/etc"
	run -0 without_libcrypto "$KDC" --root "$BATS_TEST_TMPDIR/bare" collect --vmcore "$IMG" --target "$t"
	d=$(ls -d "$t"/*/ | sed 's:/$::')
	[ -f "$d/vmcore" ]
	[ "$(jq -r .vmcore.complete "$d/vmcore.json")" = true ]
	[ "$(jq -r .vmcore.sha256 "$d/vmcore.json")" = null ]
	run -0 kdc tag "$d"
	[ "$(jq -r .vmcore.sha256 "$d/vmcore.json")" = "$(sha256sum "$d/vmcore" | cut -d' ' -f1)" ]
}

@test "without libcrypto: tag says why in one line and writes nothing; --no-hash tags the headers" {
	local d=$BATS_TEST_TMPDIR/crash/10.0.0.5-2024-05-31-16:08:40
	mkdir -p "$d"
	cp "$DATA/vmcore/kdump-zlib.vmcore" "$d/vmcore"
	run --separate-stderr without_libcrypto "$KDC" tag "$d"
	[ "$status" -ne 0 ]
	[ "$(wc -l <<<"$stderr")" = 1 ]
	[[ "$stderr" == *"$d/vmcore"*"no sha256: libcrypto could not be loaded ("*"(tag --no-hash leaves it out)" ]]
	[ ! -e "$d/vmcore.json" ]
	run -0 without_libcrypto "$KDC" tag --no-hash "$d"
	[ "$(jq -r .vmcore.sha256 "$d/vmcore.json")" = null ]
	[ "$(jq -r .vmcore.complete "$d/vmcore.json")" = true ]
}

@test "without libcrypto: a hashed known_hosts entry is not verified, not passed or failed" {
	local msg
	prepare_root el7-ssh-target
	grep -q '^|1|' "$ROOT/root/.ssh/known_hosts"
	run kdc --root "$ROOT" check --json
	[ "$status" -le 2 ]
	msg=$(jq -r '.checks[] | select(.id == "kdump.remote") | .message' <<<"$output")
	[[ "$msg" != *libcrypto* ]]
	run without_libcrypto "$KDC" --root "$ROOT" check --json
	[ "$status" -le 2 ]
	[ "$(jq -r '.checks[] | select(.id == "kdump.remote") | .status' <<<"$output")" = warn ]
	msg=$(jq -r '.checks[] | select(.id == "kdump.remote") | .message' <<<"$output")
	[[ "$msg" == *"not verified: /root/.ssh/known_hosts has hashed entries, and libcrypto could not be loaded ("* ]]
}
