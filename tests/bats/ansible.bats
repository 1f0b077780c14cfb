#!/usr/bin/env bats
# ansible.bats - the Ansible role (packaging/ansible/roles/kdumpcheck) and
# fleet-audit.yml with the real ansible-playbook: an inventory of fixture
# hosts on this machine (local connection, each with its own kdumpcheck_root
# under the scratch directory, never this machine's /), every report
# collected and equal to a direct run, the fleet view equal to one computed
# from the reports, a second run changes nothing, --check changes no file, and
# fix applies once. tests/run-suite.sh runs this file once, for the release
# build only.

load helpers
bats_require_minimum_version 1.5.0

TOP=$BATS_TEST_DIRNAME/../..
ANS=$TOP/packaging/ansible

# The fleet: every CentOS 6 and Debian 12 case, and a spread of CentOS 7 ones.
FLEET_CASES="el6-device-mapper el6-net-nfs el6-net-ssh el6-nfs4-target el6-no-kdump-installed el6-ready
el6-sysctl-runtime-only
debian12-nfs-target debian12-ready debian12-ssh-hosttag debian12-ssh-no-key debian12-ssh-target deb12-hung-jbd2
el7-ready el7-auto-small-vm el7-debuginfo-mismatch el7-device-uuid el7-device-unmounted el7-failure-poweroff
el7-failure-shell el7-grubby-only el7-hung-rmmod el7-limits-exhausted el7-nfs-target el7-not-persistent
el7-policy-root el7-raw-target el7-service-disabled el7-ssh-no-key el7-stale-initrd el7-tainted
el7-target-too-small unknown-os"

# The hosts of the --check and fix runs (copies of their roots): ones fix can change, and a ready one.
FIX_CASES="el6-sysctl-runtime-only el7-not-persistent el7-failure-shell el7-service-disabled el7-ready debian12-ready"

# tree_sum DIR: every path with its type, mode and link target, and every file's checksum.
tree_sum() {
	(cd "$1" && find . -printf '%p %y %m %l\n' | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

# The report with the dump target's free space (it moves between runs) masked, as tests/golden.sh does.
mask_free() {
	sed -E 's/[0-9.]+[KMGTPE]? \([0-9]+ bytes\) free/@FREE@ free/g' "$1"
}

# inventory FILE NAME CASES...: an INI inventory of local hosts named after
# their cases, each with a root in $W/NAME/roots, its own kdumpcheck and report
# directory, all fetched to $W/NAME/fetched.
inventory() {
	local inv=$1 name=$2 c
	shift 2
	{
		echo "[fleet]"
		for c in "$@"; do
			echo "$c kdumpcheck_root=$W/$name/roots/$c kdumpcheck_bin=$W/$name/hosts/$c/bin/kdumpcheck kdumpcheck_report_dir=$W/$name/hosts/$c/report"
		done
		echo
		echo "[fleet:vars]"
		echo "ansible_connection=local"
		echo "ansible_python_interpreter=$PY"
		echo "kdumpcheck_install=binary"
		echo "kdumpcheck_binary_src=$KDC"
		echo "kdumpcheck_fetch_dir=$W/$name/fetched"
		echo "kdumpcheck_fleet_bin=$KDC"
		echo "kdumpcheck_fleet_report=$W/$name/fleet.json"
	} >"$inv"
}

# play INVENTORY LOG [ARGS...]: fleet-audit.yml; its output in LOG, its status in $status.
play() {
	local inv=$1 log=$2
	shift 2
	status=0
	ansible-playbook -i "$inv" "$ANS/fleet-audit.yml" "$@" >"$log" 2>&1 || status=$?
}

# task_out LOG NAME: what the task "kdumpcheck : NAME" printed, up to the next task.
task_out() {
	awk -v t="TASK [kdumpcheck : $2]" 'index($0, t) == 1 { on = 1; next } /^(TASK|PLAY|RUNNING HANDLER) \[/ { on = 0 } on' "$1"
}

# recap LOG: the PLAY RECAP lines, "host ok=N changed=N ...".
recap() {
	sed -n '/^PLAY RECAP/,$p' "$1" | grep -E '^[^ ]+ +: ok='
}

setup_file() {
	command -v ansible-playbook >/dev/null || skip "no ansible-playbook"
	command -v jq >/dev/null || skip "no jq"
	export KDC W PY
	KDC=$(cd "$(dirname "$KDC")" && pwd)/$(basename "$KDC")
	W=$BATS_FILE_TMPDIR/ansible
	# the interpreter ansible-playbook itself runs with
	PY=$(sed -n '1s/^#! *\([^ ]*\).*/\1/p' "$(command -v ansible-playbook)")
	[ -x "$PY" ] || PY=$(command -v python3)
	mkdir -p "$W/home" "$W/tmp/local" "$W/tmp/remote"
	# hermetic: no ~/.ansible, no /etc/ansible, no colour
	cat >"$W/ansible.cfg" <<-EOF
		[defaults]
		forks = 8
		local_tmp = $W/tmp/local
		remote_tmp = $W/tmp/remote
		collections_path = $W/home/collections
		roles_path = $ANS/roles
		retry_files_enabled = false
		interpreter_python = $PY
		nocolor = true
		[connection]
		pipelining = true
	EOF
	export ANSIBLE_CONFIG=$W/ansible.cfg ANSIBLE_HOME=$W/home ANSIBLE_LOCAL_TEMP=$W/tmp/local
	export ANSIBLE_REMOTE_TEMP=$W/tmp/remote ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 ANSIBLE_FORKS=8
	export ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false
	export ANSIBLE_COLLECTIONS_PATH=$W/home/collections ANSIBLE_ROLES_PATH=$ANS/roles
	export NO_COLOR=1 XDG_CACHE_HOME=$W/cache
	local c
	local h
	for c in $FLEET_CASES; do
		sh "$ROOTS/assemble.sh" "$c" "$W/fleet/roots/$c"
		mkdir -p "$W/fleet/hosts/$c/bin"
		# a fleet's hosts have names of their own (the fixtures share a few); one clone of
		# el7-ready under its name stands for the duplicate a cloned VM makes
		h=$c.example.com
		[ "$c" != el7-tainted ] || h=el7-ready.example.com
		for f in proc/sys/kernel/hostname etc/hostname; do
			[ ! -f "$W/fleet/roots/$c/$f" ] || echo "$h" >"$W/fleet/roots/$c/$f"
		done
	done
	for c in $FIX_CASES; do
		sh "$ROOTS/assemble.sh" "$c" "$W/fix/roots/$c"
		mkdir -p "$W/fix/hosts/$c/bin"
	done
	# shellcheck disable=SC2086
	inventory "$W/fleet.ini" fleet $FLEET_CASES
	# shellcheck disable=SC2086
	inventory "$W/fix.ini" fix $FIX_CASES
}

@test "ansible-lint: the role and fleet-audit.yml pass the production profile, offline" {
	command -v ansible-lint >/dev/null || skip "no ansible-lint"
	cd "$ANS"
	run ansible-lint --offline --nocolor
	echo "$output"
	[ "$status" = 0 ]
	[[ $output == *"Passed with production profile"* ]]
}

@test "fleet-audit.yml: every host's report is collected, the same as a direct check --json, kept on the host too" {
	local n c f
	n=$(wc -w <<<"$FLEET_CASES")
	[ "$n" -ge 30 ]
	play "$W/fleet.ini" "$W/run1.log"
	[ "$status" = 0 ] || { tail -n 60 "$W/run1.log"; return 1; }
	[ "$(recap "$W/run1.log" | wc -l)" = "$n" ]
	[ "$(find "$W/fleet/fetched" -name '*.json' | wc -l)" = "$n" ]
	for c in $FLEET_CASES; do
		f=$W/fleet/fetched/$c.json
		[ -f "$f" ] || { echo "$c: not fetched"; return 1; }
		cmp "$f" "$W/fleet/hosts/$c/report/report.json"
		[ -x "$W/fleet/hosts/$c/bin/kdumpcheck" ]
		cmp "$KDC" "$W/fleet/hosts/$c/bin/kdumpcheck"
		run --separate-stderr "$KDC" --root "$W/fleet/roots/$c" check --json
		[ "$status" -le 2 ]
		diff <(mask_free "$f") <(printf '%s\n' "$output" | mask_free /dev/stdin) || { echo "$c: report differs"; return 1; }
	done
}

@test "fleet-audit.yml: the fleet view it wrote and showed matches the collected reports" {
	local fleet=$W/fleet/fleet.json fetched=$W/fleet/fetched kept want got st id
	[ -f "$fleet" ]
	# the same as the fleet verb gives on the collected reports now
	run -0 "$KDC" fleet --format json "$fetched"
	diff <(jq -S . "$fleet") <(jq -S . <<<"$output")
	[ "$(jq -r .schema "$fleet")" = kdumpcheck.fleet/1 ]
	# kept: per host name, the newest report (the first in name order when as old)
	kept=$W/kept
	(cd "$fetched" && LC_ALL=C && for f in *.json; do
		printf '%s\t%s\t%s\n' "$(jq -r .host.hostname "$f")" "$(stat -c %Y "$f")" "$fetched/$f"
	done) | awk -F'\t' '!($1 in t) || $2 > t[$1] { t[$1] = $2; p[$1] = $3 } END { for (h in p) print p[h] }' |
		LC_ALL=C sort >"$kept"
	[ "$(jq .hosts "$fleet")" = "$(wc -l <"$kept")" ]
	# every host its own, but for the one clone
	[ "$(wc -l <"$kept")" = $(($(wc -w <<<"$FLEET_CASES") - 1)) ]
	[ "$(jq -r '.duplicates[].host' "$fleet")" = el7-ready.example.com ]
	[ "$(jq '.duplicates | length' "$fleet")" = $(($(wc -w <<<"$FLEET_CASES") - $(wc -l <"$kept"))) ]
	[ "$(jq '.unreadable | length' "$fleet")" = 0 ]
	diff <(jq -r '.hosts_worst_first[].report' "$fleet" | LC_ALL=C sort) "$kept"
	for st in pass warn fail; do
		# shellcheck disable=SC2016 # $id is jq's
		want=$(xargs jq -r .summary.status <"$kept" | grep -c "^$st$" || true)
		got=$(jq ".status.$st" "$fleet")
		[ "$want" = "$got" ] || { echo "$st: fleet says $got, the reports $want"; return 1; }
	done
	[ "$(jq .status.error "$fleet")" = 0 ]
	# each failing check: its hosts are those whose kept report fails it
	for id in $(xargs jq -r '.checks[] | select(.status == "fail") | .id' <"$kept" | LC_ALL=C sort -u); do
		# shellcheck disable=SC2016 # $id is jq's
		want=$(xargs jq -r --arg id "$id" 'select(any(.checks[]; .id == $id and .status == "fail")) | .host.hostname' <"$kept" | LC_ALL=C sort)
		got=$(jq -r --arg id "$id" '.checks[] | select(.id == $id) | .fail[]' "$fleet" | LC_ALL=C sort)
		[ "$want" = "$got" ] || { echo "$id: fleet fails [$got], the reports [$want]"; return 1; }
	done
	# and no check fails a host the reports do not
	for id in $(jq -r '.checks[] | select(.fail | length > 0) | .id' "$fleet"); do
		# shellcheck disable=SC2016 # $id is jq's
		xargs jq -e --arg id "$id" 'any(.checks[]; .id == $id and .status == "fail")' <"$kept" | grep -q true
	done
	# the playbook showed the text view
	run -0 "$KDC" fleet --format text "$fetched"
	grep -qF "$(head -n 1 <<<"$output")" "$W/run1.log"
}

@test "fleet-audit.yml: a second run changes nothing on any host" {
	local n
	n=$(wc -w <<<"$FLEET_CASES")
	[ -f "$W/run1.log" ]
	tree_sum "$W/fleet" >"$W/fleet.before"
	play "$W/fleet.ini" "$W/run2.log"
	[ "$status" = 0 ] || { tail -n 60 "$W/run2.log"; return 1; }
	recap "$W/run2.log"
	[ "$(recap "$W/run2.log" | wc -l)" = "$n" ]
	[ "$(recap "$W/run2.log" | grep -c ' changed=0 ')" = "$n" ]
	[ "$(recap "$W/run2.log" | grep -c ' failed=0 ')" = "$n" ]
	tree_sum "$W/fleet" >"$W/fleet.after"
	diff "$W/fleet.before" "$W/fleet.after"
}

@test "fleet-audit.yml --check with kdumpcheck_fix=true shows the plan and changes no file under the roots" {
	play "$W/fix.ini" "$W/fix-audit.log"
	[ "$status" = 0 ] || { tail -n 60 "$W/fix-audit.log"; return 1; }
	tree_sum "$W/fix" >"$W/fix.before"
	play "$W/fix.ini" "$W/fix-check.log" --check -e kdumpcheck_fix=true
	[ "$status" = 0 ] || { tail -n 60 "$W/fix-check.log"; return 1; }
	tree_sum "$W/fix" >"$W/fix.after"
	diff "$W/fix.before" "$W/fix.after"
	# the plan was shown, nothing applied
	grep -q 'crashkernel.persistent: edit /etc/default/grub' "$W/fix-check.log"
	grep -q 'sysctl.persistent: edit /etc/sysctl.conf' "$W/fix-check.log"
	task_out "$W/fix-check.log" 'Apply the fixes' >"$W/apply-check.out"
	[ "$(grep -c '^skipping: ' "$W/apply-check.out")" = "$(wc -w <<<"$FIX_CASES")" ]
	[ "$(grep -c '^changed: ' "$W/apply-check.out")" = 0 ]
}

@test "fleet-audit.yml with kdumpcheck_fix=true applies the fixes once, under the hosts' roots only" {
	local hosts=el6-sysctl-runtime-only,el7-not-persistent,el7-service-disabled
	[ -f "$W/fix/fetched/el7-not-persistent.json" ]
	play "$W/fix.ini" "$W/fix1.log" -e kdumpcheck_fix=true -l "$hosts"
	[ "$status" = 0 ] || { tail -n 60 "$W/fix1.log"; return 1; }
	recap "$W/fix1.log"
	recap "$W/fix1.log" | grep -q '^el6-sysctl-runtime-only .* changed=[1-9]'
	recap "$W/fix1.log" | grep -q '^el7-not-persistent .* changed=[1-9]'
	# a command (systemctl enable) is printed under a root, never run: nothing applied
	task_out "$W/fix1.log" 'Apply the fixes' | grep -q '^ok: \[el7-service-disabled\]'
	# the fixed checks pass in the collected reports; backups beside the edited files
	[ "$(jq -r '.checks[] | select(.id == "crashkernel.persistent") | .status' "$W/fix/fetched/el7-not-persistent.json")" = pass ]
	[ "$(jq -r '.checks[] | select(.id == "sysctl.persistent") | .status' "$W/fix/fetched/el6-sysctl-runtime-only.json")" = pass ]
	compgen -G "$W/fix/roots/el7-not-persistent/etc/default/grub.kdumpcheck-*" >/dev/null
	compgen -G "$W/fix/roots/el6-sysctl-runtime-only/etc/sysctl.conf.kdumpcheck-*" >/dev/null
	# the hosts not named were left alone
	[ "$(jq -r '.checks[] | select(.id == "kdump.failure_action") | .status' "$W/fix/fetched/el7-failure-shell.json")" = warn ]
	play "$W/fix.ini" "$W/fix2.log" -e kdumpcheck_fix=true -l "$hosts"
	[ "$status" = 0 ] || { tail -n 60 "$W/fix2.log"; return 1; }
	recap "$W/fix2.log"
	[ "$(recap "$W/fix2.log" | grep -c ' changed=0 ')" = 3 ]
}

@test "the role: a host whose checks cannot run fails with kdumpcheck's message, or goes on when told to" {
	local inv=$W/bad.ini
	sh "$ROOTS/assemble.sh" malformed-policy "$W/bad/roots/malformed-policy"
	mkdir -p "$W/bad/hosts/malformed-policy/bin"
	inventory "$inv" bad malformed-policy
	sed -i "s|^malformed-policy .*|& kdumpcheck_config=$ROOTS/malformed-policy/kdumpcheck.conf|" "$inv"
	play "$inv" "$W/bad1.log"
	[ "$status" = 2 ]
	grep -q 'kdumpcheck check could not run on malformed-policy (exit 3): kdumpcheck: .*kdumpcheck.conf:3: kernel.panic: bad comparator' "$W/bad1.log"
	recap "$W/bad1.log" | grep -q ' failed=1 '
	play "$inv" "$W/bad2.log" -e kdumpcheck_continue_on_error=true
	[ "$status" = 0 ] || { tail -n 40 "$W/bad2.log"; return 1; }
	grep -q 'continuing (kdumpcheck_continue_on_error)' "$W/bad2.log"
	[ ! -e "$W/bad/fetched/malformed-policy.json" ]
}
