# dumps.bash - dump directory fixtures for prune.bats and harvest.bats, built
# from the real makedumpfile outputs of tests/unit/data/vmcore/ (see its
# mkdata.sh; every dump there crashed at 2024-05-31T16:08:37Z, so the order
# between dumps comes from the mtimes set here).

DATA="$BATS_TEST_DIRNAME/../unit/data"

# mkroot: an empty judged host with its dump directory; sets ROOT and CRASH.
mkroot() {
	ROOT=$BATS_TEST_TMPDIR/root
	CRASH=$ROOT/var/crash
	mkdir -p "$CRASH" "$ROOT/etc"
	chmod 0700 "$CRASH"
	echo testhost >"$ROOT/etc/hostname"
}

# policy KEEP MIN_FREE: a policy file with that [dump] section; sets POLICY.
policy() {
	POLICY=$BATS_TEST_TMPDIR/policy.conf
	printf '[dump]\npath = /var/crash\nkeep = %s\nmin_free = %s\n' "$1" "$2" >"$POLICY"
}

# rhel_dump DIRNAME DATAFILE MTIME [FILENAME]: CRASH/DIRNAME/FILENAME (default
# vmcore) from the test data, with a vmcore-dmesg.txt, modes 0700/0600.
rhel_dump() {
	local d=$CRASH/$1 f=${4:-vmcore}
	mkdir -p "$d"
	cp "$DATA/vmcore/$2" "$d/$f"
	cp "$DATA/dmesg/deb12-sysrq.txt" "$d/vmcore-dmesg.txt"
	chmod 0700 "$d"
	chmod 0600 "$d/$f" "$d/vmcore-dmesg.txt"
	touch -d "$3" "$d/$f" "$d/vmcore-dmesg.txt"
}

# debian_dump STAMP DATAFILE MTIME: CRASH/STAMP/dump.STAMP and dmesg.STAMP.
debian_dump() {
	local d=$CRASH/$1
	mkdir -p "$d"
	cp "$DATA/vmcore/$2" "$d/dump.$1"
	cp "$DATA/dmesg/deb12-sysrq.txt" "$d/dmesg.$1"
	chmod 0600 "$d/dump.$1" "$d/dmesg.$1"
	touch -d "$3" "$d/dump.$1" "$d/dmesg.$1"
}

# tag PATH: write the sidecar of a dump as 'kdumpcheck tag' does.
tag() {
	kdc --root "$ROOT" tag --no-hash "$1" >/dev/null
}

# listing: every file under ROOT and the outside tree with type, mode, size,
# mtime and link target, to prove a run changed nothing.
listing() {
	(cd "$BATS_TEST_TMPDIR" && find root outside -printf '%p %y %m %s %T@ %l\n' 2>/dev/null | LC_ALL=C sort)
}

# outside: a directory outside the root holding an old vmcore, reached by links
# from the dump directory; sets OUT.
outside() {
	OUT=$BATS_TEST_TMPDIR/outside
	mkdir -p "$OUT"
	cp "$DATA/vmcore/kdump-zlib.vmcore" "$OUT/vmcore"
	touch -d '400 days ago' "$OUT/vmcore"
}

# no_syslog VERB...: run kdc under strace and fail if it talked to /dev/log.
no_syslog() {
	command -v strace >/dev/null || skip "strace is not installed: cannot watch for syslog calls"
	strace -f -qq -e trace=connect,sendto,sendmsg -o "$BATS_TEST_TMPDIR/strace" true 2>/dev/null ||
		skip "strace cannot trace here (ptrace not permitted)"
	# LeakSanitizer cannot run under ptrace: the ASan build runs here without it
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" run strace -f -qq -e trace=connect,sendto,sendmsg \
		-o "$BATS_TEST_TMPDIR/strace" "$KDC" "$@"
	if grep -q '/dev/log' "$BATS_TEST_TMPDIR/strace"; then
		echo "kdumpcheck $* talked to /dev/log under --root:"
		grep '/dev/log' "$BATS_TEST_TMPDIR/strace"
		return 1
	fi
}

# mount_small: an 8 MiB tmpfs on CRASH (root only); unmounted by umount_small.
mount_small() {
	[ "$(id -u)" -eq 0 ] || skip "not root: cannot mount a tmpfs of known size for the min_free checks"
	mount -t tmpfs -o size=8m,mode=0700 kdumpcheck-test "$CRASH" ||
		skip "mount -t tmpfs failed (no CAP_SYS_ADMIN here?)"
	SMALL_MOUNTED=$CRASH
}

umount_small() {
	if [ -n "${SMALL_MOUNTED:-}" ]; then
		umount "$SMALL_MOUNTED"
		SMALL_MOUNTED=
	fi
}

# avail: bytes available on CRASH's filesystem, as statvfs says.
avail() {
	echo $(($(stat -f -c '%a' "$CRASH") * $(stat -f -c '%S' "$CRASH")))
}
