#!/usr/bin/env bats
# remote.bats - kdump.remote on the live host (--root /), against a stand-in
# ssh: in a private mount namespace, /usr/bin/ssh, /etc and /root are bound
# to a test copy, so the real binary judges an ssh target without touching
# the network or this machine. Needs root and unshare(1); skipped otherwise.

load helpers

setup() {
	[ "$(id -u)" -eq 0 ] || skip "needs root for a mount namespace"
	command -v unshare >/dev/null || skip "no unshare"
	[ -x /usr/bin/ssh ] || skip "no /usr/bin/ssh to stand in for"
	unshare -m --propagation private true 2>/dev/null || skip "no mount namespaces here"
	W=$(mktemp -d)
	# an /etc of the test's own: nothing of this machine's is read, only the loader's cache is kept
	mkdir -p "$W/etc"
	[ ! -e /etc/ld.so.cache ] || cp /etc/ld.so.cache "$W/etc/"
	printf 'ssh kdump@backup01.example.com\npath /var/crash\ncore_collector makedumpfile -l -d 31\n' >"$W/etc/kdump.conf"
	mkdir -p "$W/root/.ssh"
	: >"$W/root/.ssh/kdump_id_rsa"
	chmod 0600 "$W/root/.ssh/kdump_id_rsa"
	echo "backup01.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMv1Yq3nE1m9f2b0vYwq7oQpJ8r6l0lXo7kq8m3b7xQ9" \
		>"$W/root/.ssh/known_hosts"
	cat >"$W/ssh" <<'SH'
#!/bin/sh
echo "$*" >@W@/args
case "$(cat @W@/mode)" in
ok) printf 'Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sdb1 1031992064 20480000 1011512064 2%% /var/crash\n' ;;
small) printf 'Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sdb1 1000 900 100 90%% /var/crash\n' ;;
*) echo "kdump@backup01.example.com: Permission denied (publickey)." >&2; exit 255 ;;
esac
SH
	sed -i "s|@W@|$W|g" "$W/ssh"
	chmod +x "$W/ssh"
}

teardown() {
	[ -n "${W:-}" ] && rm -rf "$W"
}

# live MODE: the kdump.remote result of a live check whose ssh answers as MODE says.
live() {
	echo "$1" >"$W/mode"
	run unshare -m --propagation private sh -c 'mount --bind "$1/etc" /etc && mount --bind "$1/root" /root &&
		mount --bind "$1/ssh" /usr/bin/ssh && "$2" check --json' sh "$W" "$KDC"
	jq -r '.checks[] | select(.id == "kdump.remote") | .status + " " + .message' <<<"$output"
}

@test "live ssh target: passes only when ssh logs in and df shows room for the dump" {
	result=$(live ok)
	[[ "$result" == "pass kdump@backup01.example.com accepts the key /root/.ssh/kdump_id_rsa; /var/crash there has"* ]]
	[ "$(cat "$W/args")" = "-o BatchMode=yes -o ConnectTimeout=5 -o StrictHostKeyChecking=yes -i /root/.ssh/kdump_id_rsa kdump@backup01.example.com df -P /var/crash" ]
}

@test "live ssh target: too little room on the server fails with both sizes" {
	result=$(live small)
	[[ "$result" == "fail ssh kdump@backup01.example.com: /var/crash has 100K (102400 bytes) free on backup01.example.com, less than the expected dump of"* ]]
}

@test "live ssh target: a refused login fails with ssh's own message" {
	result=$(live deny)
	[[ "$result" == *"fail ssh kdump@backup01.example.com: ssh -i /root/.ssh/kdump_id_rsa failed (exit 255): kdump@backup01.example.com: Permission denied (publickey)."* ]]
}

# nfs_live EXPORT: the kdump.remote result of a live check of an nfs target EXPORT.
nfs_live() {
	printf 'nfs %s\npath /var/crash\ncore_collector makedumpfile -l -d 31\n' "$1" >"$W/etc/kdump.conf"
	run unshare -m --propagation private sh -c 'mount --bind "$1/etc" /etc && mount --bind "$1/root" /root &&
		"$2" check --json' sh "$W" "$KDC"
	jq -r '.checks[] | select(.id == "kdump.remote") | .status + " " + .message' <<<"$output"
}

# listen: a listener on port 2049 (pid in $nc); skips the test when the port is taken.
listen() {
	command -v busybox >/dev/null || skip "no busybox for a listener"
	busybox nc -l -p 2049 >/dev/null 2>&1 &
	nc=$!
	sleep 0.3
	kill -0 "$nc" 2>/dev/null || skip "port 2049 is taken on this machine"
}

@test "live nfs target: a server that answers on 2049 but is not mounted here is a warning, never a pass" {
	listen
	result=$(nfs_live 127.0.0.1:/export/crash)
	kill "$nc" 2>/dev/null || true
	wait "$nc" 2>/dev/null || true
	[ "$result" = "warn nfs 127.0.0.1:/export/crash: 127.0.0.1 answers on port 2049; not verified: that it exports the path to this host and has room under /var/crash (the export is not mounted here)" ]
}

@test "live nfs target: a server that refuses, or a name that does not resolve, fails" {
	listen
	kill "$nc"
	wait "$nc" 2>/dev/null || true
	result=$(nfs_live 127.0.0.1:/export/crash)
	[ "$result" = "fail nfs 127.0.0.1:/export/crash: the NFS server 127.0.0.1 does not answer on port 2049: Connection refused" ]
	result=$(nfs_live nfs01.invalid:/export/crash)
	[[ "$result" == "fail nfs nfs01.invalid:/export/crash: the NFS server nfs01.invalid does not answer on port 2049: cannot resolve nfs01.invalid: "* ]]
}
