#!/usr/bin/env bats
# sshd.bats - an ssh dump target proven against a real OpenSSH server on
# 127.0.0.1 (sshd.bash): kdump.remote logs in and runs df for real, list
# reads the dumps on the server, harvest judges the crash test from there.
# kdumpcheck runs with --root / in a mount namespace whose /etc, /root and
# /var/lib are the test's own. Needs root, unshare and openssh-server.

load helpers
load sshd

bats_require_minimum_version 1.5.0

setup() {
	sshd_needs
	sshd_setup
	sshd_start
}

teardown() {
	sshd_teardown
}

# remote: the status and message of kdump.remote on the live host.
remote() {
	run kdc_live check --json
	jq -r '.checks[] | select(.id == "kdump.remote") | .status + " " + .message' <<<"$output"
}

@test "kdump.remote passes: a real login with the key and a real df -P of the remote path" {
	result=$(remote)
	[[ "$result" == "pass root@127.0.0.1 accepts the key /root/.ssh/kdump_id_rsa; $W/crash there has "*" free (expected dump "* ]]
	grep -q 'Accepted publickey for root from 127.0.0.1' "$W/sshd.log"
}

@test "kdump.remote fails for a key the server does not take, with ssh's own message" {
	rm -f "$W/root/.ssh/kdump_id_rsa" "$W/root/.ssh/kdump_id_rsa.pub"
	ssh-keygen -q -t ed25519 -N '' -f "$W/root/.ssh/kdump_id_rsa"
	result=$(remote)
	[[ "$result" == "fail ssh root@127.0.0.1: ssh -i /root/.ssh/kdump_id_rsa failed (exit 255): "*"Permission denied (publickey)"* ]]
}

@test "kdump.remote fails for a server whose host key is not the one known_hosts holds" {
	# known_hosts names the server (kdumpcheck's own file check passes) with another key
	ssh-keygen -q -t ed25519 -N '' -f "$W/otherkey"
	other=$(cut -d' ' -f1,2 "$W/otherkey.pub")
	printf '127.0.0.1 %s\n[127.0.0.1]:%s %s\n' "$other" "$PORT" "$other" >"$W/root/.ssh/known_hosts"
	result=$(remote)
	[[ "$result" == "fail ssh root@127.0.0.1: ssh -i /root/.ssh/kdump_id_rsa failed (exit 255): "*"REMOTE HOST IDENTIFICATION HAS CHANGED"* ]]
	run kdc_live list
	[ "$status" -eq 1 ]
	[ "$output" = "kdumpcheck: list: ssh root@127.0.0.1: Host key verification failed. (exit 255)" ]
	[ "$(grep -c 'Accepted publickey' "$W/sshd.log")" -eq 0 ]
}

@test "kdump.remote fails within its bound for a server that does not answer" {
	kill -STOP "$(sshd_pid)"
	start=$(date +%s)
	result=$(remote)
	took=$(($(date +%s) - start))
	kill -CONT "$(sshd_pid)"
	[[ "$result" == "fail ssh root@127.0.0.1: "* ]]
	[ "$took" -lt 25 ]
}

@test "kdump.remote fails for a remote path too small for the dump" {
	kdump_conf "ssh root@127.0.0.1" "$W/full"
	result=$(remote)
	[[ "$result" == "fail ssh root@127.0.0.1: $W/full has "*" free on 127.0.0.1, less than the expected dump of "* ]]
}

@test "list over ssh: EL and Debian layouts, complete and incomplete, newest first" {
	dump_el 127.0.0.1-2026-11-30-10:00:00
	dump_el 127.0.0.1-2026-11-30-11:00:00 incomplete
	dump_deb web01-202611301200 202611301200
	dump_deb 202611301300 202611301300 incomplete
	mkdir "$W/crash/not-a-dump" && echo x >"$W/crash/not-a-dump/notes.txt"
	run kdc_live list
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 5 ]
	[[ "${lines[0]}" == TIME*HOST*RELEASE*PATH ]]
	[[ "${lines[1]}" == "2026-11-30T13:00:00Z  -  "*" NO  "*"root@127.0.0.1:$W/crash/202611301300/dump-incomplete" ]]
	[[ "${lines[2]}" == "2026-11-30T12:00:00Z  web01 "*" 8K  yes "*"root@127.0.0.1:$W/crash/web01-202611301200/dump.202611301200" ]]
	[[ "${lines[3]}" == "2026-11-30T11:00:00Z  127.0.0.1 "*" 4K  NO "*"/127.0.0.1-2026-11-30-11:00:00/vmcore-incomplete" ]]
	[[ "${lines[4]}" == "2026-11-30T10:00:00Z  127.0.0.1 "*" 64K  yes "*"/127.0.0.1-2026-11-30-10:00:00/vmcore.flat" ]]
}

@test "list --json over ssh: one object per dump, what the server cannot tell null" {
	dump_el 127.0.0.1-2026-11-30-10:00:00
	dump_deb 202611301200 202611301200 incomplete
	: >"$W/crash/127.0.0.1-2026-11-30-10:00:00/vmcore.json"
	run kdc_live list --json
	[ "$status" -eq 0 ]
	[ "$(jq length <<<"$output")" -eq 2 ]
	[ "$(jq -c '.[1] | [.path, .time, .host, .release, .class, .size_bytes, .complete, .tagged, .build_id_match, .dmesg, .vmcore]' <<<"$output")" = \
	  "[\"root@127.0.0.1:$W/crash/127.0.0.1-2026-11-30-10:00:00/vmcore.flat\",\"2026-11-30T10:00:00Z\",\"127.0.0.1\",null,null,65536,true,true,null,true,\"vmcore.flat\"]" ]
	[ "$(jq -c '.[0] | [.location, .dump_dir, .complete, .dmesg, .host]' <<<"$output")" = \
	  "[\"root@127.0.0.1:$W/crash\",\"202611301200\",false,false,null]" ]
}

@test "list over ssh: a busybox userland on the server lists the same" {
	[ -x /bin/busybox ] || skip "no /bin/busybox"
	server_busybox
	dump_el 127.0.0.1-2026-11-30-10:00:00
	dump_deb 202611301200 202611301200
	run kdc_live list --json
	[ "$status" -eq 0 ]
	[ "$(jq -c '[.[] | [.dump_dir, .vmcore, .size_bytes, .complete, .dmesg]]' <<<"$output")" = \
	  '[["202611301200","dump.202611301200",8192,true,true],["127.0.0.1-2026-11-30-10:00:00","vmcore.flat",65536,true,true]]' ]
	[ -e "$W/bbshell.used" ]
}

@test "list over ssh: a server that floods its answer is cut at the bound, not read whole" {
	# the login shell ignores the command and writes without end
	printf '#!/bin/sh\nexec /usr/bin/yes "1 1 81a4 a-202611301200/vmcore"\n' >"$W/flood"
	chmod 0755 "$W/flood"
	sed -i "s|^root:\(.*\):/bin/sh\$|root:\1:$W/flood|" "$W/srv/etc/passwd"
	start=$(date +%s)
	run kdc_live list
	[ "$status" -eq 1 ]
	[ "$output" = "kdumpcheck: list: ssh root@127.0.0.1: the server sent more than 4194304 bytes of listing" ]
	[ $(($(date +%s) - start)) -lt 25 ]
}

@test "list over ssh: a remote path that does not exist is said so" {
	kdump_conf "ssh root@127.0.0.1" "$W/nowhere"
	run kdc_live list
	[ "$status" -eq 1 ]
	[ "$output" = "kdumpcheck: list: ssh root@127.0.0.1: no directory $W/nowhere there" ]
}

@test "list over ssh: names with control bytes are escaped, the JSON stays valid" {
	mkdir "$W/crash/$(printf 'evil\033[2J-2026-11-30-10:00:00')"
	head -c 100 /dev/zero >"$W/crash/$(printf 'evil\033[2J-2026-11-30-10:00:00')/vmcore"
	run kdc_live list --json
	[ "$status" -eq 0 ]
	[ "$(jq -r '.[0].dump_dir' <<<"$output")" = 'evil\x1b[2J-2026-11-30-10:00:00' ]
	run kdc_live list
	[[ "$output" != *$'\033'* ]]
}

@test "list over ssh: a server that refuses is one line on stderr and exit 1" {
	sshd_kill
	run kdc_live list
	[ "$status" -eq 1 ]
	[[ "$output" == "kdumpcheck: list: ssh root@127.0.0.1: ssh: connect to host 127.0.0.1 port $PORT: Connection refused (exit 255)" ]]
}

@test "list with --dump-dir or DUMPDIR reads that directory of this host, not the server" {
	mkdir -p "$W/here"
	dump_el 127.0.0.1-2026-11-30-10:00:00
	sshd_kill
	run kdc_live --dump-dir "$W/here" list
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "(no dumps in $W/here)" ]
	run kdc_live list "$W/here"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "(no dumps in $W/here)" ]
}

@test "list of an ssh target under an offline root is refused" {
	run "$KDC" --root "$W" list
	[ "$status" -eq 1 ]
	[[ "$output" == "kdumpcheck: list: the dumps go to root@127.0.0.1 (ssh): they cannot be listed from an offline root"* ]]
}

@test "test verdict over ssh: a complete dump newer than the test is a success" {
	now=$(date +%s)
	pending_marker $((now - 120))
	dump_el "127.0.0.1-$(date -d "@$((now - 60))" +%Y-%m-%d-%H:%M:%S)"
	run --separate-stderr kdc_live harvest --json
	[ "$status" -eq 0 ]
	[ "$(jq -r '.test.verdict' <<<"$output")" = success ]
	[ "$(jq -r '.test.written' <<<"$output")" = true ]
	v=$W/varlib/kdumpcheck/last-test.json
	[ "$(jq -r .verdict "$v")" = success ]
	[[ "$(jq -r .dump.path "$v")" == "root@127.0.0.1:$W/crash/127.0.0.1-"*"/vmcore.flat" ]]
	[ "$(jq -r .dump.size_bytes "$v")" -eq 65536 ]
	[ ! -e "$W/varlib/kdumpcheck/test-pending" ]
}

@test "test verdict over ssh: a Debian dump of the test's minute counts, an older one does not" {
	now=$(date +%s)
	pending_marker "$now"
	dump_deb "old-$(date -d "@$((now - 7200))" +%Y%m%d%H%M)" "$(date -d "@$((now - 7200))" +%Y%m%d%H%M)"
	dump_deb "$(date -d "@$now" +%Y%m%d%H%M)" "$(date -d "@$now" +%Y%m%d%H%M)"
	run --separate-stderr kdc_live harvest --json
	[ "$status" -eq 0 ]
	[ "$(jq -r '.test.verdict' <<<"$output")" = success ]
	[[ "$(jq -r '.test.dump' <<<"$output")" == "root@127.0.0.1:$W/crash/$(date -d "@$now" +%Y%m%d%H%M)/dump."* ]]
}

@test "test verdict over ssh: no dump newer than the test is a failure that says where it looked" {
	now=$(date +%s)
	dump_el 127.0.0.1-2026-11-30-10:00:00
	pending_marker "$now"
	run --separate-stderr kdc_live harvest --json
	[ "$status" -eq 0 ]
	[ "$(jq -r '.test.verdict' <<<"$output")" = failure ]
	[[ "$stderr" == *"FAILURE: no dump newer than the test"* ]]
	[ "$(jq -r .reason "$W/varlib/kdumpcheck/last-test.json")" = \
	  "no dump newer than the test (started $(date -u -d "@$now" +%Y-%m-%dT%H:%M:%SZ)) in root@127.0.0.1:$W/crash" ]
	[ ! -e "$W/varlib/kdumpcheck/test-pending" ]
}

@test "test verdict over ssh: an incomplete dump of the test is a failure naming it" {
	now=$(date +%s)
	pending_marker $((now - 120))
	dump_el "127.0.0.1-$(date -d "@$((now - 60))" +%Y-%m-%d-%H:%M:%S)" incomplete
	run --separate-stderr kdc_live harvest --json
	[ "$(jq -r '.test.verdict' <<<"$output")" = failure ]
	[[ "$(jq -r .reason "$W/varlib/kdumpcheck/last-test.json")" == "the dump of the test crash is incomplete: root@127.0.0.1:$W/crash/127.0.0.1-"*"/vmcore-incomplete" ]]
}

@test "test verdict over ssh: a dump directory missing on the server is a failure saying so" {
	pending_marker "$(date +%s)"
	sed -i "s|\"dump_dir\": \"$W/crash\"|\"dump_dir\": \"$W/nowhere\"|" "$W/varlib/kdumpcheck/test-pending"
	run --separate-stderr kdc_live harvest --json
	[ "$status" -eq 0 ]
	[ "$(jq -r .reason "$W/varlib/kdumpcheck/last-test.json")" = "the dump directory root@127.0.0.1:$W/nowhere does not exist" ]
}

@test "test verdict over ssh: an unreachable server gives no verdict and keeps the marker" {
	now=$(date +%s)
	pending_marker $((now - 120))
	dump_el "127.0.0.1-$(date -d "@$((now - 60))" +%Y-%m-%d-%H:%M:%S)"
	sshd_kill
	run --separate-stderr kdc_live harvest --json
	[ "$status" -eq 1 ]
	[ -e "$W/varlib/kdumpcheck/test-pending" ]
	[ ! -e "$W/varlib/kdumpcheck/last-test.json" ]
	[ "$(jq -r '.test.verdict' <<<"$output")" = not_judged ]
	[ "$(jq -r '.test.reason' <<<"$output")" = "cannot reach root@127.0.0.1: ssh: connect to host 127.0.0.1 port $PORT: Connection refused (exit 255)" ]
	[[ "$stderr" == *"is not judged: cannot reach root@127.0.0.1: "*"(/var/lib/kdumpcheck/test-pending is kept for a later harvest)" ]]
	# the server back: the next harvest judges the same test
	sshd_start
	run --separate-stderr kdc_live harvest --json
	[ "$status" -eq 0 ]
	[ "$(jq -r .verdict "$W/varlib/kdumpcheck/last-test.json")" = success ]
	[ ! -e "$W/varlib/kdumpcheck/test-pending" ]
}
