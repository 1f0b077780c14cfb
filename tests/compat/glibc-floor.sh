#!/bin/sh
# glibc-floor.sh [FLOOR] < SYMBOLS - for each symbol name on stdin (the undefined
# symbols of the objects, unversioned), the glibc version that introduced it and
# the library that exported it on a glibc as old as FLOOR (default 2.12, CentOS 6).
# One line per symbol:
#   ok    SYM GLIBC_V LIB [as ALIAS]   in glibc since V <= FLOOR, in LIB at FLOOR
#   new   SYM GLIBC_V LIB [as ALIAS]   introduced after FLOOR (LIB: where 2.42 has it)
#   old   SYM -- -- [as ALIAS]         in the lists, but in no library at FLOOR
#   other SYM                          not a glibc symbol (another library's, or unknown)
# LIB is libc, libpthread, librt, libdl or libm: anything but libc needs its -l
# on a glibc that old.
#
# The facts come from glibc's own ABI lists, kept under tests/compat/:
# - glibc-2.42/*.abilist (x86_64): every exported symbol with each version it
#   has. A symbol with several versions (memcpy@GLIBC_2.2.5 and @GLIBC_2.14, a
#   new memcpy whose old one stays as a compat symbol) counts from the earliest:
#   a binary built on the old glibc binds that one.
# - The 2.34 merge of libpthread, librt and libdl into libc added their symbols
#   to libc under the old versions too (pthread_create@GLIBC_2.2.5 and
#   @GLIBC_2.34 in libc.abilist; clock_gettime@GLIBC_2.2.5 since 2.17), so the
#   2.42 lists give the version but not the library. glibc-2.16/*.abilist, the
#   last release before anything moved into libc (clock_* from librt in 2.17),
#   give the library: the one listing the symbol under a version <= FLOOR
#   (libc first, since libc also exports some libpthread functions).
# - Some symbols are new names for an older interface, because newer headers
#   call a different symbol than older ones did for the same source: stat,
#   fstat, lstat, fstatat, mknod, mknodat and their *64 forms are real functions
#   only since 2.33; before, <sys/stat.h> called __xstat, __fxstat, __lxstat,
#   __fxstatat, __xmknod, __xmknodat (with a version argument). fcntl64 (2.28)
#   is what <fcntl.h> calls for fcntl under _FILE_OFFSET_BITS=64 since 2.28.
#   __isoc23_* (2.38) are the C23 scanf/strto* that newer headers call in C2X
#   and _GNU_SOURCE modes instead of the __isoc99_* (2.7) ones. When such a
#   symbol is newer than FLOOR, the older name it replaces is checked instead
#   (shown "as ALIAS"): an EL6 build of the same source calls that one.
# - Fortify variants (__memcpy_chk, __fdelt_chk, ...) are symbols of their own
#   and are checked by their own version: no alias.
set -eu
FLOOR=${1:-2.12}
DIR=$(cd "$(dirname "$0")" && pwd)

awk -v floor="$FLOOR" '
function vnum(v,    a, n, i, r) {
	sub(/^GLIBC_/, "", v)
	n = split(v, a, ".")
	r = 0
	for (i = 1; i <= 3; i++) r = r * 1000 + (i <= n ? a[i] + 0 : 0)
	return r
}
function libname(f) { sub(/.*\//, "", f); sub(/\.abilist$/, "", f); return f }
# the name older glibc headers call for the same source
function alias(s) {
	if (s ~ /^(stat|fstat|lstat)(64)?$/) { sub(/^/, "__x", s); sub(/^__xf/, "__fx", s); sub(/^__xl/, "__lx", s); return s }
	if (s ~ /^fstatat(64)?$/) return "__fxstatat" substr(s, 8)
	if (s ~ /^mknod(at)?$/) return "__x" s
	if (s == "fcntl64") return "fcntl"
	if (s ~ /^__isoc23_/) { sub(/^__isoc23_/, "__isoc99_", s); return s }
	return ""
}
# 2.42 lists: "GLIBC_2.2.5 memcpy F", "GLIBC_2.2.5 optarg D 0x8"
FILENAME ~ /glibc-2\.42\// {
	if (NF >= 3 && $1 ~ /^GLIBC_/ && $3 != "A") {
		v = vnum($1)
		if (!($2 in since) || v < since[$2]) { since[$2] = v; sincename[$2] = $1; sincelib[$2] = libname(FILENAME) }
	}
	next
}
# 2.16 lists: a "GLIBC_2.2.5" line, then " clock_gettime F" lines
FILENAME ~ /glibc-2\.16\// {
	if ($0 !~ /^[ \t]/) { cur = vnum($1); next }
	if ($2 == "A" || cur > vnum(floor)) next
	l = libname(FILENAME)
	if (!($1 in atfloor) || l == "libc") atfloor[$1] = l
	next
}
{
	s = $1
	if (s == "") next
	if (!(s in since)) { print "other " s; next }
	v = since[s]; vn = sincename[s]; as = ""; c = s
	if (v > vnum(floor) && alias(s) != "" && (alias(s) in since)) {
		c = alias(s); as = " as " c; v = since[c]; vn = sincename[c]
	}
	lib = (c in atfloor) ? atfloor[c] : "--"
	if (v > vnum(floor)) print "new   " s " " vn " " sincelib[c] as
	else if (lib == "--") print "old   " s " -- --" as
	else print "ok    " s " " vn " " lib as
}' "$DIR"/glibc-2.42/*.abilist "$DIR"/glibc-2.16/*.abilist -
