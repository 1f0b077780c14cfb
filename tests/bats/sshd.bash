# sshd.bash - a real OpenSSH server on 127.0.0.1 for the ssh dump target
# tests (sshd.bats), and the private /etc and /root kdumpcheck is judged with.
#
# Both sides run in mount namespaces of their own, so nothing of this
# machine's /etc, /root or /var/lib is read or written:
#   the server  - /etc bound to $W/srv/etc (a passwd with root and the
#                 privsep user sshd, nsswitch "files"), a tmpfs on /run for
#                 /run/sshd, and a 1 MiB tmpfs on $W/full (a dump target
#                 too small); it serves the remote paths under $W.
#   kdumpcheck  - /etc bound to $W/etc (kdump.conf, passwd, ssh/ssh_config
#                 giving the server's port: kdump's ssh target has no port
#                 syntax), /root to $W/root (the key and known_hosts),
#                 /var/lib to $W/varlib (the crash test's marker and verdict).
#
# known_hosts holds the server's key twice: "127.0.0.1 KEY", which
# kdumpcheck's own file check looks up (port 22, as kdump names the server),
# and "[127.0.0.1]:PORT KEY", which ssh looks up for the real port.

SSHD=/usr/sbin/sshd

# Skip unless this machine can run the server and the namespaces.
sshd_needs() {
	[ "$(id -u)" -eq 0 ] || skip "needs root for mount namespaces and sshd"
	command -v unshare >/dev/null || skip "no unshare"
	[ -x "$SSHD" ] || skip "no $SSHD (openssh-server)"
	[ -x /usr/bin/ssh ] || skip "no /usr/bin/ssh (openssh-client)"
	command -v ssh-keygen >/dev/null || skip "no ssh-keygen"
	unshare -m --propagation private true 2>/dev/null || skip "no mount namespaces here"
}

# A TCP port on 127.0.0.1 that nothing listens on, below the kernel's
# ephemeral range (a port of an outgoing connection cannot be bound either).
free_port() {
	local lo=32768 p
	read -r lo _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
	[ "$lo" -gt 11025 ] || lo=61000
	for p in $(shuf -i "10000-$((lo - 1))" -n 20); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

# use_port: the files that name the server's port ($PORT): sshd_config, ssh_config, known_hosts.
use_port() {
	local key
	key=$(cut -d' ' -f1,2 "$W/hostkey.pub")
	printf '127.0.0.1 %s\n[127.0.0.1]:%s %s\n' "$key" "$PORT" "$key" >"$W/root/.ssh/known_hosts"
	printf 'Host 127.0.0.1\n\tPort %s\n' "$PORT" >"$W/etc/ssh/ssh_config"
	sed -i "s/^Port .*/Port $PORT/" "$W/sshd_config"
}

# The passwd, group and nsswitch.conf of a private /etc in $1 (root's home $2).
mini_etc() {
	mkdir -p "$1"
	[ ! -e /etc/ld.so.cache ] || cp /etc/ld.so.cache "$1/"
	printf 'root:x:0:0:root:%s:/bin/sh\nsshd:x:101:65534::/run/sshd:/usr/sbin/nologin\n' "$2" >"$1/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$1/group"
	printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files\n' >"$1/nsswitch.conf"
}

# sshd_setup: keys, both /etc trees and the server's config under $W.
sshd_setup() {
	W=$(mktemp -d)
	chmod 0755 "$W"
	PORT=$(free_port) || return 1
	mkdir -p "$W/srv/home" "$W/crash" "$W/full" "$W/root/.ssh" "$W/varlib" "$W/etc/ssh"
	chmod 0700 "$W/root/.ssh"
	mini_etc "$W/srv/etc" "$W/srv/home"
	mini_etc "$W/etc" /root
	ssh-keygen -q -t ed25519 -N '' -C kdumpcheck-test-host -f "$W/hostkey"
	ssh-keygen -q -t ed25519 -N '' -C kdumpcheck-test -f "$W/root/.ssh/kdump_id_rsa"
	cp "$W/root/.ssh/kdump_id_rsa.pub" "$W/authorized_keys"
	cat >"$W/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $W/hostkey
PidFile $W/sshd.pid
AuthorizedKeysFile $W/authorized_keys
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AllowTcpForwarding no
X11Forwarding no
PrintMotd no
LogLevel VERBOSE
EOF
	use_port
	kdump_conf "ssh root@127.0.0.1" "$W/crash"
}

# kdump_conf TARGETLINE PATH: the EL kdump.conf kdumpcheck judges.
kdump_conf() {
	printf '%s\nsshkey /root/.ssh/kdump_id_rsa\npath %s\ncore_collector makedumpfile -F -l --message-level 1 -d 31\n' \
		"$1" "$2" >"$W/etc/kdump.conf"
}

# sshd_start: the server, daemonised in a namespace of its own; waits until
# it listens. A port taken meanwhile by someone else: another one, up to 5 tries.
sshd_start() {
	local try
	for try in 1 2 3 4 5; do
		: >"$W/sshd.log"
		# shellcheck disable=SC2016 # expanded by the inner shell
		unshare -m --propagation private sh -c '
			W=$1
			mount --bind "$W/srv/etc" /etc && mount -t tmpfs -o mode=0755 tmpfs /run && mkdir -m 0755 /run/sshd &&
			mount -t tmpfs -o size=1m,mode=0755 tmpfs "$W/full" && exec "$2" -f "$W/sshd_config" -E "$W/sshd.log"
		' sh "$W" "$SSHD" || return 1
		for _ in $(seq 1 100); do
			[ -s "$W/sshd.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0
			grep -q 'Cannot bind' "$W/sshd.log" && break
			sleep 0.05
		done
		grep -q 'Cannot bind' "$W/sshd.log" || break
		echo "sshd: port $PORT taken (try $try); another one" >&2
		PORT=$(free_port) && use_port || return 1
	done
	echo "sshd did not start; its log:" >&2
	cat "$W/sshd.log" >&2
	return 1
}

# sshd_pid: the listening server's pid.
sshd_pid() {
	cat "$W/sshd.pid"
}

# sshd_kill: end the server this test started (by its pid) and wait until it is gone.
sshd_kill() {
	local pid
	[ -n "${W:-}" ] && [ -s "$W/sshd.pid" ] || return 0
	pid=$(cat "$W/sshd.pid")
	kill -CONT "$pid" 2>/dev/null || true
	kill "$pid" 2>/dev/null || true
	for _ in $(seq 1 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	rm -f "$W/sshd.pid"
}

# sshd_teardown: the server ended, $W dropped.
sshd_teardown() {
	sshd_kill
	if [ -n "${W:-}" ]; then
		rm -rf "$W"
	fi
}

# kdc_live ARGS...: kdumpcheck --root / with ARGS in a namespace whose /etc,
# /root and /var/lib are the test's own (and no syslog of this machine).
kdc_live() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	unshare -m --propagation private sh -c '
		W=$1 KDC=$2
		shift 2
		mount --bind "$W/etc" /etc && mount --bind "$W/root" /root && mount --bind "$W/varlib" /var/lib || exit 99
		if [ -e /dev/log ]; then mount --bind /dev/null /dev/log || exit 99; fi
		exec "$KDC" --root / "$@"
	' sh "$W" "$KDC" "$@"
}

# dump_el DIR [incomplete]: an EL dump directory under the remote path, as kdump's ssh capture leaves it.
dump_el() {
	mkdir -p "$W/crash/$1"
	if [ "${2:-}" = incomplete ]; then
		head -c 4096 /dev/zero >"$W/crash/$1/vmcore-incomplete"
	else
		head -c 65536 /dev/zero >"$W/crash/$1/vmcore.flat"
		echo "[    0.000000] Linux version 3.10.0-1160.el7.x86_64" >"$W/crash/$1/vmcore-dmesg.txt"
	fi
}

# dump_deb DIR STAMP [incomplete]: a Debian (kdump-tools) dump directory under the remote path.
dump_deb() {
	mkdir -p "$W/crash/$1"
	if [ "${3:-}" = incomplete ]; then
		head -c 2048 /dev/zero >"$W/crash/$1/dump-incomplete"
	else
		head -c 8192 /dev/zero >"$W/crash/$1/dump.$2"
		echo "[    0.000000] Linux version 6.1.0-18-amd64" >"$W/crash/$1/dmesg.$2"
	fi
}

# server_busybox: the server's login shell becomes busybox sh with only busybox's stat and head on its PATH.
server_busybox() {
	local a
	mkdir -p "$W/bb"
	for a in stat head; do
		ln -s /bin/busybox "$W/bb/$a"
	done
	printf '#!/bin/sh\n: >%s/bbshell.used\nPATH=%s/bb\nexport PATH\nexec /bin/busybox sh "$@"\n' "$W" "$W" >"$W/bbshell"
	chmod 0755 "$W/bbshell"
	sed -i "s|^root:\(.*\):/bin/sh\$|root:\1:$W/bbshell|" "$W/srv/etc/passwd"
}

# pending_marker EPOCH: the marker 'kdumpcheck test' writes before the crash, for the ssh target.
pending_marker() {
	mkdir -p "$W/varlib/kdumpcheck"
	chmod 0700 "$W/varlib/kdumpcheck"
	printf '{\n  "schema": "kdumpcheck.test-pending/1",\n  "started_at": "%s",\n  "release": "3.10.0-1160.el7.x86_64",\n  "hostname": "testhost",\n  "dump_dir": "%s",\n  "target": "ssh root@127.0.0.1",\n  "sshkey": "/root/.ssh/kdump_id_rsa"\n}\n' \
		"$(date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ)" "$W/crash" >"$W/varlib/kdumpcheck/test-pending"
}
