#!/bin/sh
# assemble.sh CASE DEST - builds the host root of the fixture case
# tests/roots/CASE in DEST (made; it must not exist yet), ready for
# "kdumpcheck --root DEST". A case holds either the whole tree in root/, or
# the files that differ from another case in delta/ and a "base CASE" line
# in its setup manifest. The manifest (tests/roots/README.md):
#
#   base CASE              start from CASE's assembled root (first line)
#   rm PATH                remove PATH (a file, a link, a tree) the base has
#   mkdir PATH             an empty directory (git keeps none)
#   mtime TIME PATH        set PATH's mtime; TIME is UTC, e.g. 2024-03-01T10:00:00
#   chmod MODE PATH        set PATH's mode
#   # ...                  a comment
#
# Order: the base, its rm lines, then delta/ copied over it, then the case's
# mkdir, mtime and chmod lines in order. PATHs are absolute on the host.
set -eu

# the cases beside this script, or $ROOTS (tests of the tools themselves)
ROOTS=${ROOTS:-$(cd "$(dirname "$0")" && pwd)}

die() {
	echo "assemble.sh: $*" >&2
	exit 1
}

# base_of CASE: the case named by CASE's "base" line, or nothing.
base_of() {
	[ -f "$ROOTS/$1/setup" ] || return 0
	sed -n 's/^base[[:space:]][[:space:]]*\([^[:space:]]*\).*/\1/p' "$ROOTS/$1/setup" | head -n 1
}

# apply CASE DIR PASS: the manifest lines of one pass (rm, or the others).
apply() {
	c=$1 dir=$2 pass=$3 n=0
	[ -f "$ROOTS/$c/setup" ] || return 0
	while IFS=' ' read -r verb a b || [ -n "$verb" ]; do
		n=$((n + 1))
		where="$c/setup:$n"
		case $verb in
		'' | '#'*) continue ;;
		base)
			[ "$n" = 1 ] || [ "$pass" != rm ] || die "$where: base must be the first line"
			continue ;;
		esac
		path=$a
		case $verb in mtime | chmod) path=$b ;; esac
		case $path in
		/*) ;;
		*) die "$where: '$path' is not an absolute path" ;;
		esac
		if [ "$verb" = rm ]; then
			[ "$pass" = rm ] || continue
			[ -e "$dir$a" ] || [ -L "$dir$a" ] || die "$where: rm $a: the base has no such file"
			rm -rf -- "$dir$a"
			continue
		fi
		[ "$pass" = rest ] || continue
		case $verb in
		mkdir) mkdir -p -- "$dir$a" ;;
		mtime | chmod)
			# never follow a link: an absolute one would leave the copy
			if [ -L "$dir$b" ] || [ ! -e "$dir$b" ]; then
				die "$where: $b is a link or missing"
			fi
			if [ "$verb" = mtime ]; then
				TZ=UTC0 touch -d "$a" -- "$dir$b"
			else
				chmod "$a" -- "$dir$b"
			fi
			;;
		*) die "$where: unknown setup verb '$verb'" ;;
		esac
	done <"$ROOTS/$c/setup"
}

# build CASE DIR DEPTH: assemble CASE into DIR (its bases first).
build() {
	c=$1 dir=$2 depth=$3
	[ "$depth" -lt 8 ] || die "$c: base cases nest too deep (a loop?)"
	[ -d "$ROOTS/$c" ] || die "no fixture case '$c' in $ROOTS"
	base=$(base_of "$c")
	if [ -n "$base" ]; then
		[ -d "$ROOTS/$c/delta" ] || die "$c: a base but no delta/"
		[ ! -d "$ROOTS/$c/root" ] || die "$c: both root/ and a base"
		build "$base" "$dir" $((depth + 1))
		c=$1 dir=$2
		apply "$c" "$dir" rm
		cp -a -- "$ROOTS/$c/delta/." "$dir/"
	else
		[ -d "$ROOTS/$c/root" ] || die "$c: no root/ (and no base line in its setup)"
		cp -a -- "$ROOTS/$c/root" "$dir"
	fi
	apply "$c" "$dir" rest
}

[ $# = 2 ] || die "usage: assemble.sh CASE DEST"
[ ! -e "$2" ] || die "$2 exists already"
mkdir -p -- "$(dirname -- "$2")"
build "$1" "$2" 0
