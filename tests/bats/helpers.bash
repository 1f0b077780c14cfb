# helpers.bash - shared by the bats suites: the binary under test, and the
# fixture host roots assembled per test. (Each case's reports are compared
# with its golden files by tests/golden.sh.)

KDC=${KDC:-$BATS_TEST_DIRNAME/../../kdumpcheck}
ROOTS=${ROOTS:-$BATS_TEST_DIRNAME/../roots}

# The policy of a run on this machine's own root (no --root): the shipped
# default, never this machine's /etc/kdumpcheck.conf, which an installed
# kdumpcheck may have changed.
HOST_POLICY=${HOST_POLICY:-$BATS_TEST_DIRNAME/../../conf/kdumpcheck.conf}

# Run the binary, through $KDC_WRAP when set (e.g. a valgrind command line);
# with the shipped policy unless the arguments name a root or a policy.
kdc() {
	local a
	for a in "$@"; do
		case $a in
		--root | --root=* | -c | --config | --config=*)
			# shellcheck disable=SC2086
			${KDC_WRAP:-} "$KDC" "$@"
			return
			;;
		esac
	done
	# shellcheck disable=SC2086
	${KDC_WRAP:-} "$KDC" -c "$HOST_POLICY" "$@"
}

# A program that runs kdumpcheck as kdc() does, for what calls the binary itself
# (the kdump_post hook, the service wrappers): its path.
kdc_pinned() {
	local w=$BATS_TEST_TMPDIR/kdumpcheck-pinned
	printf '#!/bin/sh\nexec %s "%s" -c "%s" "$@"\n' "${KDC_WRAP:-}" "$KDC" "$HOST_POLICY" >"$w"
	chmod +x "$w"
	echo "$w"
}

# The check ids of SPEC §3 in order, with kdump.fence and kdump.watchdog (docs/design.md); SYSCTL stands for the sysctl.<key> checks.
SPEC_IDS="crashkernel.cmdline crashkernel.reserved crashkernel.size crashkernel.persistent
kdump.loaded kdump.service kdump.initrd kdump.config kdump.target kdump.remote kdump.failure_action kdump.fence kdump.watchdog
tools.kexec tools.makedumpfile
SYSCTL sysctl.persistent debuginfo.vmlinux debuginfo.buildid debuginfo.crash
limits.pid_max limits.threads_max limits.core_pattern kdump.tested kernel.taint"

# The [sysctl] keys of the built-in policy (SPEC §4), in order.
DEFAULT_SYSCTL_KEYS="kernel.hung_task_panic kernel.softlockup_panic kernel.panic_on_oops kernel.panic"

# How many checks a report holds under the built-in policy: the SPEC ids, SYSCTL standing for its keys.
DEFAULT_NCHECKS=$(( $(wc -w <<<"$SPEC_IDS") - 1 + $(wc -w <<<"$DEFAULT_SYSCTL_KEYS") ))

# Every fixture case (a directory with root/, or delta/ on a base case), sorted.
fixture_cases() {
	local d
	for d in "$ROOTS"/*/; do
		if [ -d "$d/root" ] || [ -d "$d/delta" ]; then
			basename "$d"
		fi
	done
}

# prepare_root CASE: assemble the case's root (tests/roots/assemble.sh: the
# base case, its delta, the setup manifest) in the test's temporary
# directory, and set ROOT to it.
prepare_root() {
	local dst=$BATS_TEST_TMPDIR/roots/$1
	rm -rf -- "$dst"
	sh "$ROOTS/assemble.sh" "$1" "$dst/root" || return 1
	ROOT=$dst/root
}

# The policy file a case runs with: its own kdumpcheck.conf (given with -c), or "".
case_policy() {
	if [ -f "$ROOTS/$1/kdumpcheck.conf" ]; then
		printf '%s\n' "$ROOTS/$1/kdumpcheck.conf"
	fi
}

# sysctl_keys CASE: the [sysctl] keys of the policy the case runs with, in order
# (-c file, else the root's /etc/kdumpcheck.conf, else the built-in defaults).
sysctl_keys() {
	local conf dir=$BATS_TEST_TMPDIR/policy-of/$1
	conf=$(case_policy "$1")
	if [ -z "$conf" ]; then
		[ -d "$dir" ] || sh "$ROOTS/assemble.sh" "$1" "$dir" >&2 || return 1
		conf=$dir/etc/kdumpcheck.conf
	fi
	if [ -f "$conf" ]; then
		awk '
			/^[ \t]*[#;]/ || /^[ \t]*$/ { next }
			/^[ \t]*\[/ { sec = $0; gsub(/[][ \t]/, "", sec); next }
			sec == "sysctl" { k = $0; sub(/[=:].*/, "", k); gsub(/[ \t]/, "", k); print k }
		' "$conf" | tr '\n' ' '
	else
		printf '%s' "$DEFAULT_SYSCTL_KEYS"
	fi
}

# spec_ids CASE: the ids a report of that case must hold, one per line, in order.
spec_ids() {
	local id k
	for id in $SPEC_IDS; do
		if [ "$id" = SYSCTL ]; then
			for k in $(sysctl_keys "$1"); do
				echo "sysctl.$k"
			done
		else
			echo "$id"
		fi
	done
}

# run_case CASE [ARGS...]: prepare the case and run
# "kdumpcheck --root ROOT [-c conf] check ARGS"; sets status, and the files
# $OUT and $ERR with stdout and stderr.
run_case() {
	local case=$1 conf
	shift
	prepare_root "$case" || return 1
	conf=$(case_policy "$case")
	OUT=$BATS_TEST_TMPDIR/$case.out
	ERR=$BATS_TEST_TMPDIR/$case.err
	status=0
	if [ -n "$conf" ]; then
		kdc --root "$ROOT" -c "$conf" check "$@" >"$OUT" 2>"$ERR" || status=$?
	else
		kdc --root "$ROOT" check "$@" >"$OUT" 2>"$ERR" || status=$?
	fi
}

# Show what the binary said, for a failing test.
show_run() {
	echo "--- exit status: $status"
	echo "--- stdout (first 60 lines):"
	head -n 60 "$OUT"
	echo "--- stderr (first 20 lines):"
	head -n 20 "$ERR"
}

# without_libcrypto CMD...: CMD in a private mount namespace where every
# libcrypto the loader knows reads as /dev/null, as in a capture initramfs
# that carries none. Skips where that cannot be set up (not root, no unshare).
without_libcrypto() {
	local libs
	libs=$(ldconfig -p 2>/dev/null | sed -n 's/^[[:space:]]*libcrypto\.so[^ ]* .* => //p' | sort -u)
	[ -n "$libs" ] || skip "the loader's cache lists no libcrypto"
	[ "$(id -u)" -eq 0 ] || skip "needs root for a mount namespace"
	unshare -m --propagation private true 2>/dev/null || skip "no mount namespaces here"
	# shellcheck disable=SC2016 # the inner shell expands them
	unshare -m --propagation private sh -c 'for l in $1; do mount --bind /dev/null "$l" || exit 97; done
		shift; exec "$@"' sh "$libs" "$@"
}
