#!/bin/sh
# refresh.sh - regenerate tests/compat/ from git mirrors of the upstream projects.
#
# tests/compat/ holds the headers of the libraries as CentOS 6 and CentOS 7 ship
# them (json-c 0.11, OpenSSL 1.0.1e and 1.0.2k, elfutils 0.152 and 0.176,
# kmod 20) and glibc's x86_64 ABI lists. tests/bats/portability.bats compiles
# every source against them and checks every glibc symbol against the lists;
# `make check` uses only the files kept in the tree. This script is needed only
# to rebuild them: it reads bare git mirrors (git show TAG:path) and needs git,
# tar, perl and make (OpenSSL's own Configure writes opensslconf.h and links its
# public headers).
#
#   sh tests/compat/refresh.sh            # mirrors under $MIRROR (/work/.mirror)
#   JSONC_GIT=/path/json-c.git ... sh tests/compat/refresh.sh
#
# Headers kept: exactly those src/ includes from each library and what they
# include in turn (the transitive closure inside the library's installed set).
set -eu

TOP=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$TOP/tests/compat
MIRROR=${MIRROR:-/work/.mirror}
JSONC_GIT=${JSONC_GIT:-$MIRROR/json-c+json-c/repo}
# github.com/openssl/openssl itself, or any clone carrying its release tags
# (the tag commits are checked below)
OPENSSL_GIT=${OPENSSL_GIT:-$MIRROR/Yinkozi+openssl/repo}
ELFUTILS_GIT=${ELFUTILS_GIT:-$MIRROR/sourceware-org+elfutils/repo}
KMOD_GIT=${KMOD_GIT:-$MIRROR/kmod-project+kmod/repo}
GLIBC_GIT=${GLIBC_GIT:-$MIRROR/bminor+glibc/repo}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

die() { echo "refresh.sh: $*" >&2; exit 1; }

# commit GIT TAG EXPECTED: the tag's commit, refused when a mirror's tag differs from upstream's
commit() {
	c=$(git -C "$1" rev-parse "$2^{commit}") || die "$1: no tag $2"
	[ -z "$3" ] || [ "$c" = "$3" ] || die "$1: tag $2 is $c, upstream's is $3"
	echo "$c"
}

# The <...> names src/ includes (its own headers are "...").
src_includes() {
	find "$TOP/src" -name '*.[ch]' -exec sed -n 's/^[ \t]*#[ \t]*include[ \t]*<\([^>]*\)>.*/\1/p' {} + | sort -u
}

# closure DIR PREFIX DEST ROOT...: copy ROOT... from DIR (the library's installed
# headers) to DEST, then every header of DIR they include, transitively. PREFIX
# is the directory part the library's own includes carry ("openssl/" or "").
closure() {
	dir=$1 prefix=$2 dest=$3
	shift 3
	mkdir -p "$dest"
	todo="$*"
	while [ -n "$todo" ]; do
		next=""
		for h in $todo; do
			[ -f "$dest/$h" ] && continue
			[ -f "$dir/$h" ] || die "$dir: no $h"
			cp -L "$dir/$h" "$dest/$h"
			incs=$(sed -n 's/^[ \t]*#[ \t]*include[ \t]*[<"]\([^>"]*\)[>"].*/\1/p' "$dest/$h")
			for inc in $incs; do
				n=${inc#"$prefix"}
				[ -f "$dir/$n" ] && next="$next $n"
			done
		done
		todo=$next
	done
}

# sources FILE PROJECT TAG COMMIT UPSTREAM-PATHS...
sources() {
	f=$1 proj=$2 tag=$3 c=$4
	shift 4
	{
		echo "$proj, tag $tag (commit $c)."
		echo "Copied verbatim by tests/compat/refresh.sh from:"
		for p in "$@"; do echo "  $p"; done
	} >"$f"
}

# the directories this script writes (glibc-floor.sh and README.md stay)
rm -rf "$OUT"/json-c-*/ "$OUT"/openssl-*/ "$OUT"/elfutils-*/ "$OUT"/kmod-*/ "$OUT"/glibc-*/
INCS=$(src_includes)

# --- json-c 0.11 (EL6 and EL7): installed as /usr/include/json-c/, -I that directory
tag=json-c-0.11-20130402
c=$(commit "$JSONC_GIT" $tag 97ef11033a39d85752d2fb262f2aae5712504fb2)
mkdir -p "$TMP/json-c"
git -C "$JSONC_GIT" archive $tag | tar -x -C "$TMP/json-c"
# json_config.h is what configure writes from json_config.h.in on glibc, where
# AC_CHECK_HEADER(inttypes.h) succeeds: the #undef becomes a define of 1.
sed 's/^#undef JSON_C_HAVE_INTTYPES_H$/#define JSON_C_HAVE_INTTYPES_H 1/' "$TMP/json-c/json_config.h.in" \
	>"$TMP/json-c/json_config.h"
grep -q '^#define JSON_C_HAVE_INTTYPES_H 1$' "$TMP/json-c/json_config.h" || die "json_config.h.in changed"
mkdir -p "$TMP/json-c-inst"
# libjson_cinclude_HEADERS of Makefile.am: what make install puts in /usr/include/json-c
inst=$(sed -n '/^libjson_cinclude_HEADERS/,/^$/p' "$TMP/json-c/Makefile.am" | grep -o '[A-Za-z0-9_]*\.h')
for h in $inst; do
	cp "$TMP/json-c/$h" "$TMP/json-c-inst/$h"
done
roots=""
for h in $INCS; do [ -f "$TMP/json-c-inst/$h" ] && roots="$roots $h"; done
[ -n "$roots" ] || die "src/ includes no json-c header"
# shellcheck disable=SC2086
closure "$TMP/json-c-inst" "" "$OUT/json-c-0.11/json-c" $roots
cp "$TMP/json-c/COPYING" "$OUT/json-c-0.11/COPYING"
sources "$OUT/json-c-0.11/SOURCES" "json-c (https://github.com/json-c/json-c)" $tag "$c" \
	"<tag>:<header>.h for the headers Makefile.am installs, json-c/ here is /usr/include/json-c" \
	"<tag>:COPYING" \
	"json-c/json_config.h: generated from <tag>:json_config.h.in as configure does on x86_64 glibc" \
	"(AC_CHECK_HEADER(inttypes.h) succeeds: #define JSON_C_HAVE_INTTYPES_H 1)"

# --- OpenSSL 1.0.1e (EL6) and 1.0.2k (EL7): include/openssl/ after the release's own
# ./Configure linux-x86_64, which writes crypto/opensslconf.h from opensslconf.h.in
# with the x86_64 values (SIXTY_FOUR_BIT_LONG, RC4_CHUNK, DES_INT, DES_UNROLL and the
# default disabled algorithms) and links the public headers into include/openssl.
for v in 1.0.1e:46ebd9e3bb623d3c15ef2203038956f3f7213620 1.0.2k:081314d07705aa58912845c213a48414d8f616a9; do
	ver=${v%%:*}
	tag=OpenSSL_$(echo "$ver" | tr . _)
	c=$(commit "$OPENSSL_GIT" "$tag" "${v#*:}")
	d=$TMP/openssl-$ver
	mkdir -p "$d"
	git -C "$OPENSSL_GIT" archive "$tag" | tar -x -C "$d"
	(cd "$d" && perl ./Configure linux-x86_64 >"$TMP/configure-$ver.log" 2>&1) ||
		die "OpenSSL $ver Configure failed, see $TMP/configure-$ver.log"
	roots=""
	for h in $INCS; do
		case $h in openssl/*) roots="$roots ${h#openssl/}" ;; esac
	done
	# shellcheck disable=SC2086
	closure "$d/include/openssl" "openssl/" "$OUT/openssl-$ver/openssl" $roots
	cp "$d/LICENSE" "$OUT/openssl-$ver/LICENSE"
	sources "$OUT/openssl-$ver/SOURCES" "OpenSSL (https://github.com/openssl/openssl)" "$tag" "$c" \
		"include/openssl/<header>.h as the release's make links creates it (each a copy of <tag>:crypto/**/<header>.h, <tag>:e_os2.h, ...)" \
		"<tag>:LICENSE" \
		"openssl/opensslconf.h: written by the release's own 'perl ./Configure linux-x86_64' from <tag>:crypto/opensslconf.h.in"
done

# --- elfutils 0.152 (EL6) and 0.176 (EL7): libelf.h and gelf.h in /usr/include
for v in 0.152 0.176; do
	tag=elfutils-$v
	c=$(commit "$ELFUTILS_GIT" "$tag" "")
	d=$TMP/elfutils-$v
	mkdir -p "$d"
	for h in libelf.h gelf.h nlist.h; do git -C "$ELFUTILS_GIT" show "$tag:libelf/$h" >"$d/$h"; done
	roots=""
	for h in $INCS; do [ -f "$d/$h" ] && roots="$roots $h"; done
	# shellcheck disable=SC2086
	closure "$d" "" "$OUT/elfutils-$v" $roots
	# the version script: what libelf.so.1 exports, for the symbols the objects use
	git -C "$ELFUTILS_GIT" show "$tag:libelf/libelf.map" >"$OUT/elfutils-$v/libelf.map"
	lic=""
	for f in COPYING EXCEPTION COPYING-GPLV2 COPYING-LGPLV3; do
		git -C "$ELFUTILS_GIT" cat-file -e "$tag:$f" 2>/dev/null || continue
		git -C "$ELFUTILS_GIT" show "$tag:$f" >"$OUT/elfutils-$v/$f"
		lic="$lic <tag>:$f"
	done
	sources "$OUT/elfutils-$v/SOURCES" "elfutils (git://sourceware.org/git/elfutils.git)" "$tag" "$c" \
		"<tag>:libelf/<header>.h" "<tag>:libelf/libelf.map (the symbols libelf.so.1 exports)" "${lic# }"
done

# --- kmod 20 (EL7; EL6 has no libkmod and builds WITH_KMOD=0)
tag=v20
c=$(commit "$KMOD_GIT" $tag "")
mkdir -p "$OUT/kmod-20"
git -C "$KMOD_GIT" show $tag:libkmod/libkmod.h >"$OUT/kmod-20/libkmod.h"
git -C "$KMOD_GIT" show $tag:libkmod/libkmod.sym >"$OUT/kmod-20/libkmod.sym"
git -C "$KMOD_GIT" show $tag:libkmod/COPYING >"$OUT/kmod-20/COPYING"
sources "$OUT/kmod-20/SOURCES" "kmod (https://github.com/kmod-project/kmod)" $tag "$c" \
	"<tag>:libkmod/libkmod.h" "<tag>:libkmod/libkmod.sym (the symbols libkmod.so.2 exports)" "<tag>:libkmod/COPYING"

# --- glibc: the x86_64 ABI lists. 2.42's give the version that introduced each
# symbol; 2.16's (the last release before symbols moved from librt into libc in
# 2.17, and from libpthread, librt and libdl in 2.34) give the library a symbol
# lived in on an old glibc, hence the -l a link on EL6 needs.
for v in 2.42:sysdeps/unix/sysv/linux/x86_64/64 2.16:sysdeps/unix/sysv/linux/x86_64/64/nptl; do
	ver=${v%%:*} dir=${v#*:}
	tag=glibc-$ver
	c=$(commit "$GLIBC_GIT" "$tag" "")
	mkdir -p "$OUT/glibc-$ver"
	for l in libc libpthread librt libdl libm; do
		git -C "$GLIBC_GIT" show "$tag:$dir/$l.abilist" >"$OUT/glibc-$ver/$l.abilist"
	done
	git -C "$GLIBC_GIT" show "$tag:COPYING.LIB" >"$OUT/glibc-$ver/COPYING.LIB"
	sources "$OUT/glibc-$ver/SOURCES" "GNU C Library (https://sourceware.org/git/glibc.git, mirror github.com/bminor/glibc)" \
		"$tag" "$c" "<tag>:$dir/{libc,libpthread,librt,libdl,libm}.abilist" "<tag>:COPYING.LIB"
done

# --- glibc's <elf.h>, which <libelf.h> and <gelf.h> include: elfutils installs
# none on Linux, the distribution's glibc provides it (2.12 on EL6, 2.17 on EL7)
for ver in 2.12 2.17; do
	tag=glibc-$ver
	c=$(commit "$GLIBC_GIT" "$tag" "")
	mkdir -p "$OUT/glibc-$ver"
	git -C "$GLIBC_GIT" show "$tag:elf/elf.h" >"$OUT/glibc-$ver/elf.h"
	git -C "$GLIBC_GIT" show "$tag:COPYING.LIB" >"$OUT/glibc-$ver/COPYING.LIB"
	sources "$OUT/glibc-$ver/SOURCES" "GNU C Library (https://sourceware.org/git/glibc.git, mirror github.com/bminor/glibc)" \
		"$tag" "$c" "<tag>:elf/elf.h (installed as /usr/include/elf.h)" "<tag>:COPYING.LIB"
done

echo "tests/compat refreshed:"
(cd "$OUT" && find . -mindepth 2 -type f | sort | sed 's/^\.\//  /')
