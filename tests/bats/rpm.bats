#!/usr/bin/env bats
# rpm.bats - the RPMs of `make rpm` (packaging/kdumpcheck.spec), with the real
# rpm tools: what the el6 and el7 packages hold and run, the SRPM, rpmlint,
# and each package installed with rpm into a scratch root of its own (never
# this machine's /) where the packaged binary reads the packaged policy.
# The packages are built once per run, into this file's scratch directory,
# without %check (make check runs the unit tests; `make rpm` runs them in %check).
# Runs once, against the release build (tests/run-suite.sh).
# $stderr is set by bats' run --separate-stderr:
# shellcheck disable=SC2154

bats_require_minimum_version 1.5.0

TOP="$BATS_TEST_DIRNAME/../.."

setup_file() {
	command -v rpmbuild >/dev/null || skip "no rpmbuild (make deps-test as root installs Debian's rpm)"
	export RPMTOP="$BATS_FILE_TMPDIR/rpm"
	VERSION=$(sed -n 's/^VERSION *:= *//p' "$TOP/Makefile")
	export VERSION
	make -s -C "$TOP" rpm RPM_TOPDIR="$RPMTOP" RPMBUILD_OPTS=--nocheck >"$BATS_FILE_TMPDIR/make-rpm.log" 2>&1 || {
		tail -n 60 "$BATS_FILE_TMPDIR/make-rpm.log" >&3
		return 1
	}
	export EL6="$RPMTOP/RPMS/x86_64/kdumpcheck-$VERSION-1.el6.x86_64.rpm"
	export EL7="$RPMTOP/RPMS/x86_64/kdumpcheck-$VERSION-1.el7.x86_64.rpm"
	export SRPM="$RPMTOP/SRPMS/kdumpcheck-$VERSION-1.src.rpm"
}

# Install package $1 into a new scratch root $2 with its own rpm database.
install_into() {
	mkdir -p "$2"
	rpm -i --root "$2" --dbpath /var/lib/rpm --nodeps --noscripts --notriggers "$1"
}

# The body of scriptlet tag $2 (POSTIN, PREUN, POSTUN) of package $1.
scriptlet() {
	rpm -qp --qf "%{$2}\n" "$1"
}

@test "rpm: make rpm wrote the SRPM and the el6 and el7 packages, gzip payloads EL6's rpm reads" {
	[ -f "$SRPM" ] && [ -f "$EL6" ] && [ -f "$EL7" ]
	local p
	for p in "$SRPM" "$EL6" "$EL7"; do
		[ "$(rpm -qp --qf '%{PAYLOADCOMPRESSOR}' "$p")" = gzip ]
		# only rpmlib features that rpm 4.8 (EL6) has
		run ! sh -c "rpm -qp --requires '$p' | grep '^rpmlib(' | grep -vE '^rpmlib\((CompressedFileNames|FileDigests|PayloadFilesHavePrefix|PayloadIsXz|PayloadIsBzip2|VersionedDependencies|ScriptletInterpreterArgs|PartialHardlinkSets)\)'"
	done
	[ "$(rpm -qp --qf '%{VERSION}-%{RELEASE}' "$EL6")" = "$VERSION-1.el6" ]
	[ "$(rpm -qp --qf '%{VERSION}-%{RELEASE}' "$EL7")" = "$VERSION-1.el7" ]
}

@test "rpm: el7 holds the three systemd units, no init script, no cron entry" {
	run rpm -qlp "$EL7"
	[ "$status" = 0 ]
	grep -qx /usr/lib/systemd/system/kdumpcheck-harvest.service <<<"$output"
	grep -qx /usr/lib/systemd/system/kdumpcheck-check.service <<<"$output"
	grep -qx /usr/lib/systemd/system/kdumpcheck-check.timer <<<"$output"
	run ! grep -E '^/etc/(rc\.d|init\.d|cron\.d)' <<<"$output"
}

@test "rpm: el6 holds the init script and the cron entry (a config file), no systemd units" {
	run rpm -qlp "$EL6"
	[ "$status" = 0 ]
	grep -qx /etc/rc.d/init.d/kdumpcheck <<<"$output"
	grep -qx /etc/cron.d/kdumpcheck <<<"$output"
	run ! grep systemd <<<"$output"
	rpm -qcp "$EL6" | grep -qx /etc/cron.d/kdumpcheck
	[ "$(rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$EL6" | grep ' /etc/rc.d/init.d/kdumpcheck$')" = \
		"-rwxr-xr-x /etc/rc.d/init.d/kdumpcheck" ]
}

@test "rpm: both hold the binary, the policy as a noreplace config, the man page, the scripts, the README" {
	local p
	for p in "$EL6" "$EL7"; do
		run rpm -qlp "$p"
		grep -qx /usr/sbin/kdumpcheck <<<"$output"
		grep -qx /etc/kdumpcheck.conf <<<"$output"
		grep -qE '^/usr/share/man/man8/kdumpcheck\.8(\.gz)?$' <<<"$output"
		grep -qx /usr/libexec/kdumpcheck/kdumpcheck-report <<<"$output"
		grep -qx /usr/libexec/kdumpcheck/kdumpcheck-kdump-post <<<"$output"
		grep -qE '^/usr/share/doc/kdumpcheck[^/]*/README\.RPM$' <<<"$output"
		grep -qE '^/usr/share/(doc|licenses)/kdumpcheck[^/]*/inih-LICENSE\.txt$' <<<"$output"
		rpm -qcp "$p" | grep -qx /etc/kdumpcheck.conf
		# %config(noreplace): RPMFILE_CONFIG (1) | RPMFILE_NOREPLACE (16)
		[ "$(rpm -qp --qf '[%{FILEFLAGS} %{FILENAMES}\n]' "$p" | sed -n 's| /etc/kdumpcheck.conf$||p')" = 17 ]
	done
	# el7's inih license is a %license file, el6's (rpm 4.8 has no %license) a %doc
	rpm -qlp "$EL7" | grep -qE '^/usr/share/licenses/kdumpcheck[^/]*/inih-LICENSE\.txt$'
	rpm -qlp "$EL6" | grep -qE '^/usr/share/doc/kdumpcheck[^/]*/inih-LICENSE\.txt$'
}

@test "rpm: Requires kexec-tools, Provides bundled(inih) = 55; el6 without libkmod, el7 with it" {
	local p
	for p in "$EL6" "$EL7"; do
		rpm -qp --requires "$p" | grep -qx kexec-tools
		rpm -qp --provides "$p" | grep -qx 'bundled(inih) = 55'
		run ! sh -c "rpm -qp --requires '$p' | grep -i inih"
	done
	run ! sh -c "rpm -qp --requires '$EL6' | grep -i kmod"
	rpm -qp --requires "$EL6" | grep -qx chkconfig
	# libcrypto, opened with dlopen(), by the package each release ships it in
	rpm -qp --requires "$EL6" | grep -qx openssl
	rpm -qp --requires "$EL7" | grep -qx openssl-libs
	rpm -qp --requires "$EL7" | grep -qx systemd
	# libkmod is opened with dlopen() on el7 only
	local s6=$BATS_TEST_TMPDIR/el6 s7=$BATS_TEST_TMPDIR/el7
	install_into "$EL6" "$s6"
	install_into "$EL7" "$s7"
	run ! grep -q libkmod "$s6/usr/sbin/kdumpcheck"
	grep -q libkmod.so "$s7/usr/sbin/kdumpcheck"
}

@test "rpm: el7's scriptlets preset, disable and stop, daemon-reload and restart the timer; no chkconfig" {
	run rpm -qp --scripts "$EL7"
	[[ "$output" == *"systemctl preset kdumpcheck-harvest.service kdumpcheck-check.timer"* ]]
	[[ "$output" == *"systemctl --no-reload disable kdumpcheck-harvest.service kdumpcheck-check.timer kdumpcheck-check.service"* ]]
	[[ "$output" == *"systemctl daemon-reload"* ]]
	[[ "$output" == *"systemctl try-restart kdumpcheck-check.timer"* ]]
	[[ "$output" != *chkconfig* ]]
	# run them with a systemctl that records its arguments: install, upgrade, erase
	local bin=$BATS_TEST_TMPDIR/bin log=$BATS_TEST_TMPDIR/systemctl.log tag
	mkdir -p "$bin"
	printf '#!/bin/sh\necho "$*" >>"%s"\n' "$log" >"$bin/systemctl"
	chmod +x "$bin/systemctl"
	for tag in POSTIN PREUN POSTUN; do
		scriptlet "$EL7" $tag >"$BATS_TEST_TMPDIR/$tag.sh"
		sh -n "$BATS_TEST_TMPDIR/$tag.sh"
		! command -v shellcheck >/dev/null || shellcheck -s sh "$BATS_TEST_TMPDIR/$tag.sh"
	done
	PATH="$bin:$PATH" sh "$BATS_TEST_TMPDIR/POSTIN.sh" 1
	[ "$(cat "$log")" = "preset kdumpcheck-harvest.service kdumpcheck-check.timer" ]
	rm -f "$log"
	# upgrade: %post with 2, %preun and %postun of the old package with 1
	PATH="$bin:$PATH" sh "$BATS_TEST_TMPDIR/POSTIN.sh" 2
	PATH="$bin:$PATH" sh "$BATS_TEST_TMPDIR/PREUN.sh" 1
	PATH="$bin:$PATH" sh "$BATS_TEST_TMPDIR/POSTUN.sh" 1
	[ "$(cat "$log")" = "daemon-reload
try-restart kdumpcheck-check.timer" ]
	rm -f "$log"
	# erase
	PATH="$bin:$PATH" sh "$BATS_TEST_TMPDIR/PREUN.sh" 0
	PATH="$bin:$PATH" sh "$BATS_TEST_TMPDIR/POSTUN.sh" 0
	[ "$(cat "$log")" = "--no-reload disable kdumpcheck-harvest.service kdumpcheck-check.timer kdumpcheck-check.service
stop kdumpcheck-harvest.service kdumpcheck-check.timer kdumpcheck-check.service
daemon-reload" ]
}

@test "rpm: el6's scriptlets chkconfig --add on install, service stop and chkconfig --del on erase only" {
	run rpm -qp --scripts "$EL6"
	[[ "$output" != *systemctl* ]]
	[ "$(scriptlet "$EL6" POSTIN)" = "/sbin/chkconfig --add kdumpcheck" ]
	run scriptlet "$EL6" PREUN
	# shellcheck disable=SC2016
	[[ "$output" == *'if [ "$1" -eq 0 ] ; then'* ]]
	[[ "$output" == *"/sbin/service kdumpcheck stop"* ]]
	[[ "$output" == *"/sbin/chkconfig --del kdumpcheck"* ]]
	sh -n <<<"$output"
	! command -v shellcheck >/dev/null || shellcheck -s sh - <<<"$output"
	# no %postun: an upgrade does not run a harvest
	[ "$(scriptlet "$EL6" POSTUN)" = "(none)" ]
}

@test "rpm: installed into a scratch root, the packaged binary reads ROOT/etc/kdumpcheck.conf" {
	local r p disabled="disabled by policy ([checks] disable)"
	for p in "$EL6" "$EL7"; do
		r=$BATS_TEST_TMPDIR/root-$(basename "$p" .rpm)
		install_into "$p" "$r"
		[ -x "$r/usr/sbin/kdumpcheck" ]
		cmp "$TOP/conf/kdumpcheck.conf" "$r/etc/kdumpcheck.conf"
		run "$r/usr/sbin/kdumpcheck" --version
		[[ "$output" == *"$VERSION"* ]]
		# the packaged policy parses and disables nothing
		run --separate-stderr "$r/usr/sbin/kdumpcheck" --root "$r" check --json
		[ "$status" != 3 ] && [ "$status" != 64 ] || { echo "$stderr"; return 1; }
		[ "$(jq -r '.checks[] | select(.id == "kernel.taint") | .message' <<<"$output")" != "$disabled" ]
		# the policy disables kernel.taint: the report says so
		printf '[checks]\ndisable = kernel.taint\n' >>"$r/etc/kdumpcheck.conf"
		run --separate-stderr "$r/usr/sbin/kdumpcheck" --root "$r" check --json
		[ "$status" != 3 ] || { echo "$stderr"; return 1; }
		[ "$(jq -r '.checks[] | select(.id == "kernel.taint") | .message' <<<"$output")" = "$disabled" ]
		# a malformed line in it: exit 3, naming the file and the line
		echo 'not a setting' >>"$r/etc/kdumpcheck.conf"
		run --separate-stderr "$r/usr/sbin/kdumpcheck" --root "$r" check --json
		[ "$status" = 3 ]
		[[ "$stderr" == "kdumpcheck: /etc/kdumpcheck.conf:$(wc -l <"$r/etc/kdumpcheck.conf"):"* ]] || { echo "$stderr"; return 1; }
	done
}

@test "rpm: the SRPM holds the spec with the Makefile's version and the tarball with inih's license" {
	run rpm -qlp "$SRPM"
	[ "$(sort <<<"$output" | tr '\n' ' ')" = "kdumpcheck-$VERSION.tar.gz kdumpcheck.spec " ]
	local x=$BATS_TEST_TMPDIR/srpm
	mkdir -p "$x"
	(cd "$x" && rpm2cpio "$SRPM" | cpio -id --quiet)
	grep -qx "Version: *$VERSION" "$x/kdumpcheck.spec"
	run ! grep -F '@VERSION@' "$x/kdumpcheck.spec"
	run tar -tzf "$x/kdumpcheck-$VERSION.tar.gz"
	[ "$status" = 0 ]
	grep -qx "kdumpcheck-$VERSION/src/bundled/inih/LICENSE.txt" <<<"$output"
	grep -qx "kdumpcheck-$VERSION/src/bundled/inih/ini.c" <<<"$output"
	grep -qx "kdumpcheck-$VERSION/packaging/kdumpcheck.spec" <<<"$output"
	grep -qx "kdumpcheck-$VERSION/Makefile" <<<"$output"
	# the tracked tree only: no build output
	run ! grep -E "^kdumpcheck-$VERSION/(build/|kdumpcheck$)" <<<"$output"
}

@test "rpm: the spec per release: kmod-devel and WITH_KMOD on el7 only, bundled inih, %check runs the unit tests" {
	local spec=$RPMTOP/kdumpcheck.spec
	command -v rpmspec >/dev/null || skip "no rpmspec"
	run rpmspec -q --buildrequires --define 'rhel 7' "$spec"
	grep -qx kmod-devel <<<"$output"
	grep -qx elfutils-libelf-devel <<<"$output"
	grep -qx json-c-devel <<<"$output"
	grep -qx openssl-devel <<<"$output"
	run rpmspec -q --buildrequires --define 'rhel 6' "$spec"
	grep -qx elfutils-libelf-devel <<<"$output"
	grep -qx json-c-devel <<<"$output"
	run ! grep -x kmod-devel <<<"$output"
	# the make variables of each release, and the %check section
	run rpmspec -P --define 'rhel 6' "$spec"
	grep -q '^make .*INIH=bundled WITH_KMOD=0 SYSV=1 .* units$' <<<"$output"
	grep -qx 'for t in build/rpm/tests/test-\*; do' <<<"$output"
	run rpmspec -P --define 'rhel 7' "$spec"
	grep -q '^make .*INIH=bundled WITH_KMOD=1 SYSV=0 .* units$' <<<"$output"
	# shellcheck disable=SC2016
	sed -n '/^%check$/,/^%/p' <<<"$output" | grep -qF '"$t" || exit 1'
}

@test "rpm: rpmlint finds nothing beyond the filters of packaging/rpmlintrc" {
	command -v rpmlint >/dev/null || skip "no rpmlint (make deps-test as root installs it)"
	run rpmlint -r "$TOP/packaging/rpmlintrc" "$RPMTOP/kdumpcheck.spec" "$SRPM" "$EL6" "$EL7"
	[ "$status" = 0 ] || { echo "$output"; return 1; }
	[[ "$output" == *" 0 errors, 0 warnings"* ]] || { echo "$output"; return 1; }
}
