#!/usr/bin/env bats
# fix: the changes that make failing checks pass, shown as diffs and argv,
# then made with backups, atomically, idempotently; refused whole when a
# file cannot be parsed.

load helpers
bats_require_minimum_version 1.5.0

# Checks fix cannot make pass under a foreign root: they read the running kernel
# (/proc, /sys), or their remedy is a command of the running host (printed there).
RUNTIME_ONLY="crashkernel.cmdline crashkernel.reserved crashkernel.size kdump.loaded kdump.initrd kdump.service limits.pid_max"

# The policy of a fixture case (its own, else the shipped one).
case_pol() {
	local p
	p=$(case_policy "$1")
	[ -n "$p" ] && { printf '%s\n' "$p"; return; }
	[ -f "$ROOT/etc/kdumpcheck.conf" ] && { printf '%s\n' "$ROOT/etc/kdumpcheck.conf"; return; }
	printf '%s\n' "$HOST_POLICY"
}

# Every file of the tree with its checksum, links and modes (what "changes no byte" compares).
tree_sum() {
	(cd "$1" && find . -printf '%p %y %m %l\n' | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

@test "fix --apply on every fixture copy: each claimed check passes after, a second --apply changes no byte, backups hold the old files" {
	local d n pol out claimed id ok=0
	for d in "$ROOTS"/*/; do
		n=$(basename "$d")
		[ -d "$d/root" ] || [ -d "$d/delta" ] || continue
		case $n in malformed-policy) continue ;; esac
		prepare_root "$n"
		pol=$(case_pol "$n")
		tree_sum "$ROOT" >"$BATS_TEST_TMPDIR/before"
		run --separate-stderr kdc --root "$ROOT" -c "$pol" --json fix --apply
		out=$output
		if [ "$(jq -r .refused <<<"$out")" != null ]; then
			# refused: nothing changed, exit 1
			[ "$status" = 1 ] || { echo "$n: refused with status $status"; return 1; }
			tree_sum "$ROOT" | cmp -s - "$BATS_TEST_TMPDIR/before" || { echo "$n: refused but changed"; return 1; }
			continue
		fi
		[ "$status" = 0 ] || { echo "$n: status $status: $stderr"; jq -c '.changes[] | {check, error}' <<<"$out"; return 1; }
		# every check a change claims passes afterwards (runtime-only ones aside)
		for id in $(jq -r '.changes[] | select(.applied) | .check' <<<"$out" | sort -u); do
			case " $RUNTIME_ONLY " in *" $id "*) continue ;; esac
			case $id in sysctl.kernel.* | sysctl.vm.* | sysctl.fs.*) [ "$id" = sysctl.persistent ] || continue ;; esac
			[ "$(jq -r --arg id "$id" '.after.checks[] | select(.id == $id) | .status' <<<"$out")" = pass ] ||
				{ echo "$n: $id still fails after fix"; jq -r --arg id "$id" '.after.checks[] | select(.id == $id) | .message' <<<"$out"; return 1; }
			ok=$((ok + 1))
		done
		# each edited file has its backup holding the old text
		while IFS= read -r f; do
			local b
			b=$(ls "$ROOT$f".kdumpcheck-* 2>/dev/null | head -n 1)
			[ -n "$b" ] || { echo "$n: no backup of $f"; return 1; }
		done < <(jq -r '.changes[] | select(.kind == "file" and .applied and (.diff | startswith("--- /dev/null") | not)) | .path' <<<"$out")
		# the files no change names are byte-identical
		tree_sum "$ROOT" >"$BATS_TEST_TMPDIR/after"
		local touched
		touched=$(jq -r '.changes[] | select(.applied) | .path // empty' <<<"$out")
		diff <(grep -v -F -e '.kdumpcheck-' "$BATS_TEST_TMPDIR/before") <(grep -v -F -e '.kdumpcheck-' "$BATS_TEST_TMPDIR/after") |
			grep '^[<>]' | grep -v -F "$(printf '%s\n' "$touched" | sed 's|^/|./|;s|^$|@@none@@|')" | grep -v -E '^[<>] \./(etc|var|boot)/?[^ ]* d ' |
			{ ! grep .; } || { echo "$n: files changed that no change names"; return 1; }
		# idempotent: a second --apply changes nothing at all
		run --separate-stderr kdc --root "$ROOT" -c "$pol" --json fix --apply
		tree_sum "$ROOT" | cmp -s - "$BATS_TEST_TMPDIR/after" || { echo "$n: the second --apply changed files"; return 1; }
		jq -e '[.changes[] | select(.kind == "file")] | length == 0' <<<"$output" >/dev/null || { echo "$n: second run plans file changes"; return 1; }
	done
	[ "$ok" -ge 8 ]
}

@test "fix: the plan is a diff per file and an argv per command; nothing is written without --apply" {
	prepare_root el7-not-persistent
	tree_sum "$ROOT" >"$BATS_TEST_TMPDIR/before"
	run --separate-stderr kdc --root "$ROOT" --json fix
	[ "$status" = 0 ]
	[ "$(jq -r .schema <<<"$output")" = kdumpcheck.fix/1 ]
	jq -e '.changes | length == 2' <<<"$output"
	jq -e 'all(.changes[]; .kind == "file" and .needs_reboot and (.applied | not) and .error == null and (.argv | length == 0))' <<<"$output"
	jq -r '.changes[0].diff' <<<"$output" | grep -q '^+GRUB_CMDLINE_LINUX=".* crashkernel=[0-9]*M"$'
	jq -e 'has("after") | not' <<<"$output"
	tree_sum "$ROOT" | cmp - "$BATS_TEST_TMPDIR/before"
	# the diff applies with patch(1) and gives what --apply writes
	cp -a "$ROOT" "$BATS_TEST_TMPDIR/copy"
	jq -r '.changes[0].diff' <<<"$output" | (cd "$BATS_TEST_TMPDIR/copy" && patch -s -p0 --directory=. etc/default/grub)
	kdc --root "$ROOT" fix --apply >/dev/null
	cmp "$ROOT/etc/default/grub" "$BATS_TEST_TMPDIR/copy/etc/default/grub"
	# every other argument of every kernel line byte-identical: only crashkernel= added
	diff <(grep -E '^\s*linux16' "$ROOT/boot/grub2/grub.cfg" | sed 's/ crashkernel=[0-9]*M$//') \
		<(grep -E '^\s*linux16' "$ROOT"/boot/grub2/grub.cfg.kdumpcheck-*)
}

@test "fix: a file it cannot parse is refused whole: exit 1, why, nothing changed" {
	prepare_root malformed-sysctl
	tree_sum "$ROOT" >"$BATS_TEST_TMPDIR/before"
	run --separate-stderr kdc --root "$ROOT" fix --apply
	[ "$status" = 1 ]
	grep -q '^refused: /etc/sysctl.d/90-kdumpcheck.conf:6: .*nothing changed' <<<"$output"
	tree_sum "$ROOT" | cmp - "$BATS_TEST_TMPDIR/before"
	# an OS it does not know: its bootloader is not edited
	prepare_root unknown-os
	sed -i 's/ crashkernel=[^ ]*//' "$ROOT/proc/cmdline"
	run --separate-stderr kdc --root "$ROOT" --json fix --apply --only crashkernel
	[ "$status" = 1 ]
	jq -r .refused <<<"$output" | grep -q "bootloader layout is not known"
}

@test "fix: EL6 grub.conf: every title's kernel line, the default= one among them; sysctl in a marked block at the end of sysctl.conf" {
	prepare_root el6-ready
	sed -i 's/ crashkernel=[^ ]*//; s/^default=0$/default=1/' "$ROOT/boot/grub/grub.conf"
	printf 'kernel.panic = 0\n' >>"$ROOT/etc/sysctl.conf"
	run --separate-stderr kdc --root "$ROOT" --json fix --apply
	[ "$status" = 0 ] || { echo "$output $stderr"; return 1; }
	[ "$(grep -c '^\s*kernel ' "$ROOT/boot/grub/grub.conf")" = 2 ]
	[ "$(grep -c '^\s*kernel .* crashkernel=[0-9]*M$' "$ROOT/boot/grub/grub.conf")" = 2 ]
	jq -r '.after.checks[] | select(.id == "crashkernel.persistent") | .message' <<<"$output" | grep -q '2.6.32-754.el6'
	[ "$(jq -r '.after.checks[] | select(.id == "crashkernel.persistent") | .status' <<<"$output")" = pass ]
	[ "$(jq -r '.after.checks[] | select(.id == "sysctl.persistent") | .status' <<<"$output")" = pass ]
	tail -n 3 "$ROOT/etc/sysctl.conf" | grep -q '^kernel.panic = '
	tail -n 1 "$ROOT/etc/sysctl.conf" | grep -q '^# END kdumpcheck$'
	[ ! -e "$ROOT/etc/sysctl.d/90-kdumpcheck.conf" ]
}

@test "fix: systemd hosts get /etc/sysctl.d/90-kdumpcheck.conf, or the /etc line that sets a key is edited; the runtime value is a printed sysctl -w" {
	prepare_root el7-hung-rmmod
	run --separate-stderr kdc --root "$ROOT" --json fix --apply
	[ "$status" = 0 ]
	jq -e '.changes[] | select(.kind == "command") | select(.argv[0] == "sysctl" and .argv[1] == "-w") | .applied == false' <<<"$output"
	[ "$(jq -r '.after.checks[] | select(.id == "sysctl.persistent") | .status' <<<"$output")" = pass ]
	grep -rq 'kernel.hung_task_panic = 1' "$ROOT/etc/sysctl.d" "$ROOT/etc/sysctl.conf"
}

@test "fix: the dump directory is created 0700; --only limits the plan" {
	prepare_root el6-no-kdump-installed
	run --separate-stderr kdc --root "$ROOT" --json fix --only kdump.target
	jq -e '[.changes[].check] | unique == ["kdump.target"]' <<<"$output"
	jq -e '.changes[0].argv == ["mkdir", "-p", "-m", "0700", "/var/crash"]' <<<"$output"
	run --separate-stderr kdc --root "$ROOT" --json fix --apply --only kdump.target
	[ "$(stat -c %a "$ROOT/var/crash")" = 700 ]
}

@test "fix: EL7 kdump.conf: a failure action that leaves the host down becomes reboot; the rebuild is a printed command" {
	prepare_root el7-failure-shell
	run --separate-stderr kdc --root "$ROOT" --json fix --apply
	[ "$status" = 0 ]
	[ "$(jq -r '.after.checks[] | select(.id == "kdump.failure_action") | .status' <<<"$output")" = pass ]
	grep -E -q '^(failure_action|default) reboot$' "$ROOT/etc/kdump.conf"
	jq -e '.changes[] | select(.argv == ["kdumpctl", "rebuild"]) | .applied == false' <<<"$output"
}

@test "fix: killed at every rename of an --apply, each file is whole (old or new), and a re-run completes it" {
	command -v strace >/dev/null || skip "no strace"
	local when files n=0
	prepare_root el7-not-persistent
	cp -a "$ROOT" "$BATS_TEST_TMPDIR/clean"
	kdc --root "$BATS_TEST_TMPDIR/clean" fix --apply >/dev/null
	files="etc/default/grub boot/grub2/grub.cfg"
	for when in 1 2 3 4; do
		rm -rf "$BATS_TEST_TMPDIR/k"
		cp -a "$ROOT" "$BATS_TEST_TMPDIR/k"
		# the process killed at its when-th rename (the backups, then the files, each renamed into place)
		ASAN_OPTIONS=detect_leaks=0 strace -f -o /dev/null -e trace=rename,renameat,renameat2 \
			-e inject=rename,renameat,renameat2:signal=KILL:when=$when \
			"$KDC" --root "$BATS_TEST_TMPDIR/k" fix --apply >/dev/null 2>&1 && { echo "when=$when: not killed"; return 1; }
		for f in $files; do
			cmp -s "$BATS_TEST_TMPDIR/k/$f" "$ROOT/$f" || cmp -s "$BATS_TEST_TMPDIR/k/$f" "$BATS_TEST_TMPDIR/clean/$f" ||
				{ echo "when=$when: $f is torn"; return 1; }
		done
		# no temporary file is left under a final name; a re-run completes the fix
		kdc --root "$BATS_TEST_TMPDIR/k" fix --apply >/dev/null
		for f in $files; do
			cmp "$BATS_TEST_TMPDIR/k/$f" "$BATS_TEST_TMPDIR/clean/$f" || { echo "when=$when: $f not completed"; return 1; }
		done
		n=$((n + 1))
	done
	[ "$n" = 4 ]
}

@test "fix: Debian: crashkernel= goes to /etc/default/grub.d/kdump-tools.cfg (created as kdump-tools writes it), grub.cfg edited under a foreign root, update-grub printed" {
	prepare_root debian12-ready
	rm "$ROOT/etc/default/grub.d/kdump-tools.cfg"
	sed -i 's/ crashkernel=[^ ]*//' "$ROOT/boot/grub/grub.cfg"
	run --separate-stderr kdc --root "$ROOT" --json fix --apply
	[ "$status" = 0 ] || { echo "$output $stderr"; return 1; }
	grep -Eq '^GRUB_CMDLINE_LINUX_DEFAULT="\$GRUB_CMDLINE_LINUX_DEFAULT crashkernel=[0-9]+M"$' "$ROOT/etc/default/grub.d/kdump-tools.cfg"
	jq -e '.changes[] | select(.argv == ["update-grub"]) | .applied == false' <<<"$output"
	[ "$(jq -r '.after.checks[] | select(.id == "crashkernel.persistent") | .status' <<<"$output")" = pass ]
	# the shipped drop-in with its own value: that value replaced in place, the $GRUB_CMDLINE_LINUX_DEFAULT kept
	prepare_root debian12-ready
	sed -i 's/ crashkernel=[^ ]*//' "$ROOT/boot/grub/grub.cfg"
	run --separate-stderr kdc --root "$ROOT" --json fix --apply
	grep -Eq '^GRUB_CMDLINE_LINUX_DEFAULT="\$GRUB_CMDLINE_LINUX_DEFAULT crashkernel=[0-9]+M"$' "$ROOT/etc/default/grub.d/kdump-tools.cfg"
}

@test "fix: hostile bootloader files: a FIFO is refused with nothing changed; a link is edited where it points inside the root" {
	prepare_root el7-not-persistent
	rm "$ROOT/etc/default/grub"
	mkfifo "$ROOT/etc/default/grub"
	tree_sum "$ROOT" >"$BATS_TEST_TMPDIR/before"
	run --separate-stderr timeout 20 "$KDC" --root "$ROOT" -c "$HOST_POLICY" fix --apply
	[ "$status" = 1 ] || { echo "status $status: $output $stderr"; return 1; }
	grep -q "^refused: /etc/default/grub: not a regular file (a FIFO)" <<<"$output"
	tree_sum "$ROOT" | cmp - "$BATS_TEST_TMPDIR/before"
	# a grub.cfg that cannot be read: crashkernel.persistent fails, but with no remedy to make: nothing changed
	prepare_root el7-not-persistent
	rm "$ROOT/boot/grub2/grub.cfg"
	mkfifo "$ROOT/boot/grub2/grub.cfg"
	tree_sum "$ROOT" >"$BATS_TEST_TMPDIR/before"
	run --separate-stderr timeout 20 "$KDC" --root "$ROOT" -c "$HOST_POLICY" --json fix --apply
	jq -e '.changes == []' <<<"$output"
	tree_sum "$ROOT" | cmp - "$BATS_TEST_TMPDIR/before"
	prepare_root el7-not-persistent
	mv "$ROOT/etc/default/grub" "$ROOT/etc/default/grub.real"
	ln -s /etc/default/grub.real "$ROOT/etc/default/grub"
	run --separate-stderr kdc --root "$ROOT" fix --apply
	[ "$status" = 0 ]
	[ -L "$ROOT/etc/default/grub" ]
	grep -q 'crashkernel=' "$ROOT/etc/default/grub.real"
}

# A grubenv block (1024 bytes) with saved_entry=$2, written to $1.
grubenv_saved() {
	python3 - "$1" "$2" <<'PY'
import sys
body = "# GRUB Environment Block\nsaved_entry=%s\n" % sys.argv[2]
open(sys.argv[1], "w").write(body + "#" * (1024 - len(body)))
PY
}

@test "fix: EL7 grub.cfg: whichever entry saved_entry names (title, id, index, through a submenu), the next boot has crashkernel=" {
	local spec id
	for spec in title id index submenu; do
		prepare_root el7-not-persistent
		local cfg=$ROOT/boot/grub2/grub.cfg
		id=$(sed -n "s/^menuentry 'CentOS Linux (0-rescue.*\$menuentry_id_option '\([^']*\)'.*/\1/p" "$cfg")
		case $spec in
		title) grubenv_saved "$ROOT/boot/grub2/grubenv" "CentOS Linux (0-rescue-c7a1e0d4f2b84c6a9e3d5f7b1a2c4e68) 7 (Core)" ;;
		id) grubenv_saved "$ROOT/boot/grub2/grubenv" "$id" ;;
		index) grubenv_saved "$ROOT/boot/grub2/grubenv" 1 ;;
		submenu)
			# the rescue entry moved into a submenu, named by the path GRUB uses ("Title>Entry")
			python3 - "$cfg" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
i = s.index("menuentry 'CentOS Linux (0-rescue")
j = s.index("\n}\n", i) + 3
s = s[:i] + "submenu 'Advanced options' {\n" + s[i:j] + "}\n" + s[j:]
open(p, "w").write(s)
PY
			grubenv_saved "$ROOT/boot/grub2/grubenv" "Advanced options>CentOS Linux (0-rescue-c7a1e0d4f2b84c6a9e3d5f7b1a2c4e68) 7 (Core)" ;;
		esac
		run --separate-stderr kdc --root "$ROOT" --json check
		[ "$(jq -r '.checks[] | select(.id == "crashkernel.persistent") | .status' <<<"$output")" = fail ] ||
			{ echo "$spec: not failing before"; jq -r '.checks[] | select(.id == "crashkernel.persistent") | .message' <<<"$output"; return 1; }
		run --separate-stderr kdc --root "$ROOT" --json fix --apply
		[ "$status" = 0 ] || { echo "$spec: $stderr"; return 1; }
		[ "$(jq -r '.after.checks[] | select(.id == "crashkernel.persistent") | .status' <<<"$output")" = pass ] ||
			{ echo "$spec: after:"; jq -r '.after.checks[] | select(.id == "crashkernel.persistent") | .message' <<<"$output"; return 1; }
	done
}

@test "fix: Debian kdump-tools: USE_KDUMP=1 and MAKEDUMP_ARGS given -d 31, as assignments at the end that win" {
	prepare_root debian12-ready
	sed -i 's/^USE_KDUMP=1$/USE_KDUMP=0/' "$ROOT/etc/default/kdump-tools"
	printf 'MAKEDUMP_ARGS="-c --message-level 1"\n' >>"$ROOT/etc/default/kdump-tools"
	run --separate-stderr kdc --root "$ROOT" --json fix --apply
	[ "$status" = 0 ] || { echo "$output $stderr"; return 1; }
	[ "$(jq -r '.after.checks[] | select(.id == "kdump.config") | .status' <<<"$output")" = pass ]
	tail -n 2 "$ROOT/etc/default/kdump-tools" | grep -qx 'USE_KDUMP=1'
	tail -n 1 "$ROOT/etc/default/kdump-tools" | grep -qx 'MAKEDUMP_ARGS="-c --message-level 1 -d 31"'
	jq -e '.changes[] | select(.argv == ["kdump-config", "load"])' <<<"$output"
}
