#!/bin/bash
# capture.sh [OPTIONS] NAME - makes the fixture case tests/roots/NAME from a
# real host: run as root on the host, it asks kdumpcheck which files its
# checks use ("kdumpcheck check --list-inputs") and copies exactly those into
# NAME/root, with a setup manifest for what git does not keep (mtimes, modes,
# empty directories) and a README to complete by hand.
#
#   --from DIR        the host's / (default /; tests give a fixture root)
#   --kdumpcheck BIN  the binary to ask (default: kdumpcheck on PATH, else
#                     the one built in this tree)
#   --into DIR        where the case directory goes (default: tests/roots)
#   --max-size N      a file kdumpcheck reads that is larger than N bytes
#                     (default 64 MiB) is left out with a note
#
# What is copied, by what kdumpcheck did with a path:
#   read                        the content (/proc and /sys files as regular files)
#   stat, entry, path, link     a regular file: a placeholder of the same size
#                               (zeros); its content was not used
#   a directory                 the directory; a directory handed to a library
#                               (libkmod's /lib/modules/REL) also gets the
#                               files right in it, and the module files of
#                               the modules /proc/modules marks as tainting
#   a symbolic link             the link, as it is (kdumpcheck resolves it
#                               under --root)
#   a device, FIFO or socket    nothing, with a note in setup
# Secrets are never copied: /etc/shadow, /etc/gshadow, ssh private keys, the
# kdump sshkey, anything holding a PEM private key. Each becomes an empty
# file of the same mode, with a note in setup: the checks look at their
# presence and mode only.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
FROM=/
KDC=
INTO=$HERE
MAX_SIZE=$((64 << 20))

die() {
	echo "capture.sh: $*" >&2
	exit 1
}

usage() {
	sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'
	exit "$1"
}

while [ $# -gt 0 ]; do
	case $1 in
	--from) FROM=${2:?--from needs a directory}; shift 2 ;;
	--kdumpcheck) KDC=${2:?--kdumpcheck needs a binary}; shift 2 ;;
	--into) INTO=${2:?--into needs a directory}; shift 2 ;;
	--max-size) MAX_SIZE=${2:?--max-size needs a number}; shift 2 ;;
	-h | --help) usage 0 ;;
	-*) die "$1: unknown option (see --help)" ;;
	*) break ;;
	esac
done
[ $# = 1 ] || usage 64 >&2
NAME=$1
case $NAME in
'' | */* | .*) die "'$NAME' is not a case name" ;;
esac
[ -d "$FROM" ] || die "$FROM: not a directory"
FROM=$(cd "$FROM" && pwd -P)
if [ -z "$KDC" ]; then
	KDC=$(command -v kdumpcheck || true)
	[ -n "$KDC" ] || KDC=$HERE/../../kdumpcheck
fi
[ -x "$KDC" ] || die "$KDC: no kdumpcheck binary (give --kdumpcheck)"
CASE=$INTO/$NAME
[ ! -e "$CASE" ] || die "$CASE exists already"
if [ "$FROM" = / ] && [ "$(id -u)" != 0 ]; then
	echo "capture.sh: not root: files only root can read will be missing" >&2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kdc-capture.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# the host path P of the judged host is $FROM$P ("" for /)
SRC=${FROM%/}
DST=$TMP/root
mkdir -p "$DST" "$TMP/notes"

# 1. What kdumpcheck uses: "KIND PATH" lines, sorted by path.
status=0
"$KDC" --root "$FROM" --list-inputs "$TMP/inputs" check >/dev/null 2>"$TMP/err" || status=$?
if [ "$status" -gt 3 ] || [ ! -s "$TMP/inputs" ]; then
	cat "$TMP/err" >&2
	die "kdumpcheck --list-inputs failed (exit $status)"
fi

# kinds PATH: the kinds noted for PATH, space-separated.
declare -A KINDS=()
while read -r kind path; do
	KINDS[$path]="${KINDS[$path]:-} $kind"
done <"$TMP/inputs"

note() {
	printf '# capture: %s\n' "$*" >>"$TMP/notes/setup"
}

# The kdump sshkey, as named by the host's kdump.conf (or its default).
SSHKEY=$(sed -n 's/^[[:space:]]*sshkey[[:space:]][[:space:]]*\([^[:space:]#]*\).*/\1/p' \
	"$SRC/etc/kdump.conf" 2>/dev/null | tail -n 1)
SSHKEY=${SSHKEY:-/root/.ssh/kdump_id_rsa}

# secret PATH: 0 when the file at host path PATH must not be copied.
secret() {
	case $1 in
	/etc/shadow | /etc/shadow- | /etc/gshadow | /etc/gshadow- | "$SSHKEY") return 0 ;;
	/etc/ssh/ssh_host_*_key | */.ssh/id_* | */.ssh/*_rsa | */.ssh/*_ecdsa | */.ssh/*_ed25519)
		case $1 in *.pub) ;; *) return 0 ;; esac ;;
	esac
	grep -qa -e '-----BEGIN .*PRIVATE KEY-----' -- "$SRC$1" 2>/dev/null
}

# copy_file PATH READ: the regular file at host path PATH; its content when
# READ is 1, else a placeholder of its size.
copy_file() {
	local p=$1 read=$2 size
	mkdir -p -- "$DST$(dirname -- "$p")"
	size=$(stat -c %s -- "$SRC$p")
	if secret "$p"; then
		: >"$DST$p"
		note "secret left out: $p ($size bytes, mode $(stat -c %a -- "$SRC$p")): an empty file of its mode"
	elif [ "$read" = 0 ]; then
		truncate -s "$size" -- "$DST$p"
	elif [ "$size" -gt "$MAX_SIZE" ]; then
		truncate -s "$size" -- "$DST$p"
		note "too large to copy: $p ($size bytes): a placeholder of its size, zeros"
	elif ! cat -- "$SRC$p" >"$DST$p" 2>"$TMP/cat.err"; then
		note "unreadable: $p ($(head -n 1 "$TMP/cat.err")): left empty"
	fi
	META+=("$p")
}

# tainting_modules MODDIR: the module files (paths under MODDIR) of the
# modules whose /proc/modules line carries taint flags, from modules.dep.
tainting_modules() {
	local dep=$SRC$1/modules.dep
	[ -r "$dep" ] && [ -r "$SRC/proc/modules" ] || return 0
	awk 'NR == FNR { if ($0 ~ /\([A-Z]+\)/) { n = $1; gsub(/-/, "_", n); want[n] = 1 }; next }
		{ f = $1; sub(/:$/, "", f); n = f; sub(/.*\//, "", n); sub(/\.ko.*/, "", n); gsub(/-/, "_", n)
		  if (n in want) print f }' "$SRC/proc/modules" "$dep"
}

# 2. Copy, path by path (parents come before their children).
META=()
LINKS=()
while IFS= read -r p; do
	kinds=${KINDS[$p]}
	[ "$p" != / ] || continue
	if [ -L "$SRC$p" ]; then
		LINKS+=("$p")
	elif [ -d "$SRC$p" ]; then
		mkdir -p -- "$DST$p"
		META+=("$p")
		case " $kinds " in
		*" path "*)
			for f in "$SRC$p"/*; do
				[ -f "$f" ] && [ ! -L "$f" ] && copy_file "${f#"$SRC"}" 1
			done
			for f in $(tainting_modules "$p"); do
				case $f in /*) ;; *) f=$p/$f ;; esac
				[ -f "$SRC$f" ] && copy_file "$f" 1
			done
			;;
		esac
	elif [ -f "$SRC$p" ]; then
		case "$p $kinds " in
		/proc/* | /sys/* | *" read "*) copy_file "$p" 1 ;;
		*) copy_file "$p" 0 ;;
		esac
	elif [ -e "$SRC$p" ]; then
		note "not copied: $p ($(stat -c %F -- "$SRC$p"))"
	fi
done < <(printf '%s\n' "${!KINDS[@]}" | LC_ALL=C sort)
# links last: nothing is copied through them
for p in "${LINKS[@]}"; do
	mkdir -p -- "$DST$(dirname -- "$p")"
	ln -s -- "$(readlink -- "$SRC$p")" "$DST$p"
done

# 3. Modes and mtimes on the copy (the deepest first, so that setting a
# directory's comes after its content), and in the setup manifest for git:
# empty directories, modes other than git's, mtimes (in UTC; none for /proc
# and /sys, whose times are the boot's or now).
for ((i = ${#META[@]} - 1; i >= 0; i--)); do
	p=${META[i]}
	chmod --reference="$SRC$p" -- "$DST$p"
	touch -r "$SRC$p" -- "$DST$p"
done
{
	echo "# captured by capture.sh; git keeps neither empty directories nor modification times"
	for p in "${META[@]}"; do
		[ -d "$DST$p" ] && [ -z "$(ls -A -- "$DST$p")" ] && echo "mkdir $p"
	done
	for p in "${META[@]}"; do
		mode=$(stat -c %a -- "$SRC$p")
		if [ -d "$SRC$p" ]; then
			[ "$mode" = 755 ] || echo "chmod $mode $p"
		else
			[ "$mode" = 644 ] || [ "$mode" = 755 ] || echo "chmod $mode $p"
		fi
	done
	for p in "${META[@]}"; do
		case $p in /proc | /proc/* | /sys | /sys/*) continue ;; esac
		echo "mtime $(date -u -d "@$(stat -c %Y -- "$SRC$p")" +%Y-%m-%dT%H:%M:%S) $p"
	done
	[ ! -f "$TMP/notes/setup" ] || cat "$TMP/notes/setup"
} >"$TMP/setup"

# 4. The case: root/, setup, a README to complete.
mkdir -p -- "$CASE"
mv -- "$DST" "$CASE/root"
mv -- "$TMP/setup" "$CASE/setup"
host=$(cat "$SRC/proc/sys/kernel/hostname" 2>/dev/null || echo unknown)
cat >"$CASE/README" <<EOF
Captured from $host by tests/roots/capture.sh on $(date -u +%Y-%m-%d).
Say here what this host is and what its report shows (2-5 lines), then: make golden.
EOF
echo "capture.sh: $CASE: ${#META[@]} files and directories, ${#LINKS[@]} links;" \
	"$(grep -c '^# capture: ' "$CASE/setup" | tr -d ' ') notes in $CASE/setup" >&2
