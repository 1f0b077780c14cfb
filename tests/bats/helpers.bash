# helpers.bash - shared by the bats suites: the binary under test, fixture
# host roots copied and prepared per test, and the comparison of a report
# with a fixture's expected file.

KDC=${KDC:-$BATS_TEST_DIRNAME/../../kdumpcheck}
ROOTS=${ROOTS:-$BATS_TEST_DIRNAME/../roots}

# Run the binary, through $KDC_WRAP when set (e.g. a valgrind command line).
kdc() {
	# shellcheck disable=SC2086
	${KDC_WRAP:-} "$KDC" "$@"
}

# The check ids of SPEC §3 in order; SYSCTL stands for the sysctl.<key> checks.
SPEC_IDS="crashkernel.cmdline crashkernel.reserved crashkernel.size crashkernel.persistent
kdump.loaded kdump.service kdump.initrd kdump.config kdump.target tools.kexec tools.makedumpfile
SYSCTL sysctl.persistent debuginfo.vmlinux debuginfo.buildid debuginfo.crash
limits.pid_max limits.threads_max limits.core_pattern kdump.tested kernel.taint"

# The [sysctl] keys of the built-in policy (SPEC §4), in order.
DEFAULT_SYSCTL_KEYS="kernel.hung_task_panic kernel.softlockup_panic kernel.panic_on_oops kernel.panic"

# Every fixture case, sorted.
fixture_cases() {
	local d
	for d in "$ROOTS"/*/; do
		[ -d "$d/root" ] && basename "$d"
	done
}

# apply_setup DIR SETUP: apply a fixture's setup manifest to the root copy DIR.
# Lines: "mkdir PATH", "mtime ISO-TIME PATH", "chmod MODE PATH", '#' comments.
apply_setup() {
	local dir=$1 manifest=$2 verb a b n=0
	while IFS=' ' read -r verb a b || [ -n "$verb" ]; do
		n=$((n + 1))
		case $verb in
		'' | '#'*) continue ;;
		mkdir) mkdir -p -- "$dir$a" ;;
		mtime | chmod)
			# never follow a link: an absolute one would leave the copy
			if [ -L "$dir$b" ] || [ ! -e "$dir$b" ]; then
				echo "$manifest:$n: $b is a link or missing" >&2
				return 1
			fi
			if [ "$verb" = mtime ]; then
				touch -d "$a" -- "$dir$b"
			else
				chmod "$a" -- "$dir$b"
			fi
			;;
		*)
			echo "$manifest:$n: unknown setup verb '$verb'" >&2
			return 1
			;;
		esac
	done <"$manifest"
}

# prepare_root CASE: copy the case's root into the test's temporary directory,
# apply its setup, and set ROOT to the copy.
prepare_root() {
	local case=$1 dst=$BATS_TEST_TMPDIR/roots/$1
	[ -d "$ROOTS/$case/root" ] || {
		echo "no fixture $case" >&2
		return 1
	}
	rm -rf -- "$dst"
	mkdir -p -- "$dst"
	cp -a -- "$ROOTS/$case/root" "$dst/root"
	if [ -f "$ROOTS/$case/setup" ]; then
		apply_setup "$dst/root" "$ROOTS/$case/setup" || return 1
	fi
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
	local conf
	conf=$(case_policy "$1")
	[ -n "$conf" ] || conf=$ROOTS/$1/root/etc/kdumpcheck.conf
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

# check_root CASE: run the case with --json and compare the exit status and the
# "id status" list of the report with the case's expected file; on a mismatch
# print a unified diff (expected, then got) and fail.
check_root() {
	local case=$1 exp=$ROOTS/$1/expected want_exit sub
	run_case "$case" --json || return 1
	want_exit=$(sed -n '1s/^exit \([0-9]*\)$/\1/p' "$exp")
	if [ -z "$want_exit" ]; then
		echo "$exp: first line is not 'exit N'" >&2
		return 1
	fi
	if [ "$status" != "$want_exit" ]; then
		echo "$case: exit status $status, expected $want_exit"
		show_run
		return 1
	fi
	if grep -q '^stderr ' "$exp"; then
		sub=$(sed -n 's/^stderr //p' "$exp" | head -n 1)
		if ! grep -qF -- "$sub" "$ERR"; then
			echo "$case: stderr does not contain '$sub'"
			show_run
			return 1
		fi
	fi
	[ "$want_exit" = 3 ] && return 0
	if ! jq -e . "$OUT" >/dev/null 2>&1; then
		echo "$case: stdout is not JSON"
		show_run
		return 1
	fi
	sed -n '2,$p' "$exp" | grep -v '^stderr ' >"$BATS_TEST_TMPDIR/$case.want"
	jq -r '.checks[] | "\(.id) \(.status)"' "$OUT" >"$BATS_TEST_TMPDIR/$case.got"
	if ! diff -u --label "$case/expected" --label "$case (kdumpcheck)" \
		"$BATS_TEST_TMPDIR/$case.want" "$BATS_TEST_TMPDIR/$case.got"; then
		echo "--- messages of the checks that differ:"
		diff "$BATS_TEST_TMPDIR/$case.want" "$BATS_TEST_TMPDIR/$case.got" |
			sed -n 's/^> \([^ ]*\) .*/\1/p' | while read -r id; do
			jq -r --arg id "$id" '.checks[] | select(.id == $id) | "\(.id): \(.message)"' "$OUT"
		done
		return 1
	fi
}
