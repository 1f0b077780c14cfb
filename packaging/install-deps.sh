#!/bin/sh
# install-deps.sh build|test - install what building (or testing) kdumpcheck
# needs and this machine lacks. A no-op when everything is there; installs with
# apt-get (Debian/Ubuntu) or yum/dnf (EL) when run as root; otherwise names the
# missing packages and fails.
set -eu

want=${1:-build}
missing_deb=""
missing_rpm=""

need() { # need KIND NAME DEB RPM: KIND is cmd, pc (pkg-config module) or file
	kind=$1 name=$2 deb=$3 rpm=$4
	case $kind in
	cmd) command -v "$name" >/dev/null 2>&1 && return 0 ;;
	pc) command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$name" && return 0 ;;
	file) [ -e "$name" ] && return 0 ;;
	esac
	missing_deb="$missing_deb $deb"
	missing_rpm="$missing_rpm $rpm"
}

need cmd cc gcc gcc
need cmd make make make
need cmd pkg-config pkg-config pkgconfig
need pc inih libinih-dev inih-devel
need pc libelf libelf-dev elfutils-libelf-devel
need pc json-c libjson-c-dev json-c-devel
need pc libcrypto libssl-dev openssl-devel
need pc libkmod libkmod-dev kmod-devel

if [ "$want" = test ]; then
	need cmd bats bats bats
	need cmd jq jq jq
	need cmd valgrind valgrind valgrind
	need cmd strace strace strace
	need cmd makedumpfile makedumpfile kexec-tools
	need cmd groff groff-base groff-base
	need cmd man man-db man-db
	need cmd shellcheck shellcheck ShellCheck
	# tests/bats/portability.bats: clang -Wc11-extensions holds the sources to gcc 4.4's C99
	need cmd clang clang clang
	need cmd systemd-analyze systemd systemd
	need cmd busybox busybox busybox
	need cmd xz xz-utils xz
	need cmd ssh openssh-client openssh-clients
	need file /usr/sbin/sshd openssh-server openssh-server
	# make rpm and tests/bats/rpm.bats
	need cmd git git git
	need cmd rpmbuild rpm rpm-build
	need cmd rpmlint rpmlint rpmlint
	# the Ansible role (tests/bats/ansible.bats); on EL both come from EPEL
	# (yum install epel-release first), Debian ships them
	need cmd ansible-playbook ansible-core ansible
	need cmd ansible-lint ansible-lint ansible-lint
fi

[ -z "$missing_deb" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "kdumpcheck: missing build/test dependencies:$missing_deb" >&2
	echo "kdumpcheck: run 'make $want' as root to install them, or install them yourself" >&2
	exit 1
fi

if command -v apt-get >/dev/null 2>&1; then
	echo "installing:$missing_deb"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null || true
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing_deb >/dev/null
elif command -v dnf >/dev/null 2>&1; then
	echo "installing:$missing_rpm"
	# shellcheck disable=SC2086
	dnf install -y -q $missing_rpm
elif command -v yum >/dev/null 2>&1; then
	echo "installing:$missing_rpm"
	# shellcheck disable=SC2086
	yum install -y -q $missing_rpm
else
	echo "kdumpcheck: no apt-get, dnf or yum here; install:$missing_deb" >&2
	exit 1
fi
