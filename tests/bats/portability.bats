#!/usr/bin/env bats
# portability.bats - the sources must also build on CentOS 6 (gcc 4.4, glibc 2.12,
# json-c 0.11, OpenSSL 1.0.1e, elfutils 0.152, no libkmod: WITH_KMOD=0) and
# CentOS 7 (gcc 4.8, glibc 2.17, json-c 0.11, OpenSSL 1.0.2k, elfutils 0.176,
# kmod 20), both with INIH=bundled. Those toolchains are not at hand; their
# facts are: tests/compat/ keeps the real headers of those releases and glibc's
# ABI lists (tests/compat/README.md, refreshed by tests/compat/refresh.sh), and
# this file compiles every source against them and checks every glibc symbol
# the objects use. docs/portability.md says what is and is not covered.

TOP="$BATS_TEST_DIRNAME/../.."
COMPAT="$TOP/tests/compat"
OBJS="$TOP/build/default/obj"

# Every source of the product, the bundled inih included.
sources() {
	cd "$TOP" && ls src/*.c src/*/*.c src/bundled/inih/ini.c
}

# The Makefile's own compile flags (WARN, -D..., -Isrc and the bundled inih's -I)
# for an old distribution's build: INIH=bundled, no pkg-config flags (the compat
# headers stand in for the libraries').
make_cflags() { # WITH_KMOD
	make -s --no-print-directory -C "$TOP" --eval 'kdc-print-cflags: ; @echo $(ALL_CFLAGS)' kdc-print-cflags \
		INIH=bundled WITH_KMOD="$1" PKG_CONFIG=false CFLAGS=-O2 SANITIZE=
}

# The libraries an old distribution's build links (pkg-config absent: the -l fallbacks).
make_libs() {
	make -s --no-print-directory -C "$TOP" --eval 'kdc-print-libs: ; @echo $(LIB_LIBS)' kdc-print-libs \
		INIH=bundled WITH_KMOD=0 PKG_CONFIG=false
}

# The -I of each distribution's library headers, ahead of everything else: -I
# directories are searched before the system's, so <json.h>, <openssl/*.h>,
# <libelf.h>, <gelf.h>, <libkmod.h> and the <elf.h> libelf.h includes (glibc's)
# come from tests/compat, never from the newer /usr/include (which the header
# check below proves for every source). The rest of glibc's headers are this
# host's: its functions are checked by symbol, below.
EL6_INC="-I$COMPAT/json-c-0.11/json-c -I$COMPAT/openssl-1.0.1e -I$COMPAT/elfutils-0.152 -I$COMPAT/glibc-2.12"
EL7_INC="-I$COMPAT/json-c-0.11/json-c -I$COMPAT/openssl-1.0.2k -I$COMPAT/elfutils-0.176 -I$COMPAT/kmod-20"
EL7_INC="$EL7_INC -I$COMPAT/glibc-2.17"

# compile_all LOG COMPILER FLAGS...: -fsyntax-only over every source, two
# compilers at a time, -H listing each header used; each batch writes a file of
# its own (no interleaved lines), LOG gets them all. Fails if any source does.
compile_all() {
	local log=$1 dir rc=0
	shift
	dir=$(mktemp -d "$BATS_TEST_TMPDIR/cc.XXXXXX")
	# shellcheck disable=SC2016 # $0 and $@ are the inner shell's
	sources | (cd "$TOP" && xargs -P2 -n12 sh -c 'exec "$@" -fsyntax-only -H >"$(mktemp "$0/out.XXXXXX")" 2>&1' \
		"$dir" "$@") || rc=$?
	cat "$dir"/out.* >"$log"
	return "$rc"
}

# The compiler's messages of LOG, without -H's header lines and include-guard lists.
messages() {
	grep -vE '^\.+ |^Multiple include guards may be useful for:$|^[^ :|]+\.h$' "$1" | head -n 60
}

# Headers of LOG that came from the system's copy of a library tests/compat stands in for.
system_lib_headers() {
	grep -E '^\.+ /usr/(local/)?include/(json-c/|json/|openssl/|libelf\.h|gelf\.h|nlist\.h|libkmod\.h|elf\.h)' "$1" | sort -u
}

@test "tests/compat holds the pinned releases, with their licenses" {
	for d in json-c-0.11 openssl-1.0.1e openssl-1.0.2k elfutils-0.152 elfutils-0.176 kmod-20 glibc-2.42 glibc-2.16 \
		glibc-2.12 glibc-2.17; do
		[ -s "$COMPAT/$d/SOURCES" ] || { echo "$d: no SOURCES"; return 1; }
		compgen -G "$COMPAT/$d/COPYING*" >/dev/null || [ -s "$COMPAT/$d/LICENSE" ] ||
			{ echo "$d: no license file"; return 1; }
	done
	grep -q 'tag json-c-0.11-20130402 ' "$COMPAT/json-c-0.11/SOURCES"
	grep -q '^#define JSON_C_VERSION "0.11"' "$COMPAT/json-c-0.11/json-c/json_c_version.h"
	grep -q '^#define JSON_C_HAVE_INTTYPES_H 1' "$COMPAT/json-c-0.11/json-c/json_config.h"
	grep -q '"OpenSSL 1.0.1e 11 Feb 2013"' "$COMPAT/openssl-1.0.1e/openssl/opensslv.h"
	grep -q '"OpenSSL 1.0.2k  26 Jan 2017"' "$COMPAT/openssl-1.0.2k/openssl/opensslv.h"
	for v in 1.0.1e 1.0.2k; do # what Configure linux-x86_64 writes
		grep -q '^#define SIXTY_FOUR_BIT_LONG$' "$COMPAT/openssl-$v/openssl/opensslconf.h"
		grep -q '^#undef THIRTY_TWO_BIT$' "$COMPAT/openssl-$v/openssl/opensslconf.h"
	done
	grep -q 'tag elfutils-0.152 ' "$COMPAT/elfutils-0.152/SOURCES"
	grep -q 'tag elfutils-0.176 ' "$COMPAT/elfutils-0.176/SOURCES"
	grep -q 'tag v20 ' "$COMPAT/kmod-20/SOURCES"
	# glibc 2.12's <elf.h> predates EM_AARCH64 (2.17): the sources spell such values out
	! grep -q EM_AARCH64 "$COMPAT/glibc-2.12/elf.h"
	grep -q EM_AARCH64 "$COMPAT/glibc-2.17/elf.h"
	for l in libc libpthread librt libdl libm; do
		[ -s "$COMPAT/glibc-2.42/$l.abilist" ] && [ -s "$COMPAT/glibc-2.16/$l.abilist" ]
	done
}

@test "probe: the compat headers win over the system's newer ones" {
	local t="$BATS_TEST_TMPDIR"
	# json-c 0.11 has no json_object_new_null (0.15); this host's json-c has it
	printf '#include <json.h>\nvoid *f(void);\nvoid *f(void) { return json_object_new_null(); }\n' >"$t/json.c"
	# OpenSSL 1.0.x has no EVP_MD_CTX_new (1.1.0)
	printf '#include <openssl/evp.h>\nvoid *f(void);\nvoid *f(void) { return EVP_MD_CTX_new(); }\n' >"$t/ssl.c"
	# elfutils 0.152 has no elf_compress (0.165)
	printf '#include <libelf.h>\nint f(Elf_Scn *s);\nint f(Elf_Scn *s) { return elf_compress(s, 0, 0); }\n' >"$t/elf.c"
	# kmod 20 has no kmod_module_new_from_name_lookup (30)
	printf '#include <libkmod.h>\nint f(struct kmod_ctx *c, struct kmod_module **m);\nint f(struct kmod_ctx *c, struct kmod_module **m) { return kmod_module_new_from_name_lookup(c, "x", m); }\n' >"$t/kmod.c"
	local strict="-std=gnu99 -Werror=implicit-function-declaration -Werror -fsyntax-only"
	# the probes are sound: each compiles against this host's newer headers
	if [ -d /usr/include/json-c ] && grep -q json_object_new_null /usr/include/json-c/json_object.h; then
		gcc $strict -I/usr/include/json-c "$t/json.c"
	fi
	if grep -qs EVP_MD_CTX_new /usr/include/openssl/evp.h; then gcc $strict "$t/ssl.c"; fi
	if grep -qs elf_compress /usr/include/libelf.h; then gcc $strict "$t/elf.c"; fi
	if grep -qs kmod_module_new_from_name_lookup /usr/include/libkmod.h; then gcc $strict "$t/kmod.c"; fi
	# and fails against the old ones
	run gcc $strict $EL6_INC "$t/json.c"
	[ "$status" -ne 0 ] && [[ "$output" == *json_object_new_null* ]]
	run gcc $strict $EL6_INC "$t/ssl.c"
	[ "$status" -ne 0 ] && [[ "$output" == *EVP_MD_CTX_new* ]]
	run gcc $strict $EL7_INC "$t/ssl.c"
	[ "$status" -ne 0 ] && [[ "$output" == *EVP_MD_CTX_new* ]]
	run gcc $strict $EL6_INC "$t/elf.c"
	[ "$status" -ne 0 ] && [[ "$output" == *elf_compress* ]]
	run gcc $strict $EL7_INC "$t/kmod.c"
	[ "$status" -ne 0 ] && [[ "$output" == *kmod_module_new_from_name_lookup* ]]
}

@test "EL6: every source compiles against json-c 0.11, OpenSSL 1.0.1e, elfutils 0.152 (WITH_KMOD=0)" {
	local log="$BATS_TEST_TMPDIR/el6.log" flags
	flags=$(make_cflags 0)
	[[ "$flags" == *-Werror* && "$flags" == *-DWITH_KMOD=0* && "$flags" == *bundled/inih* ]]
	# shellcheck disable=SC2086
	compile_all "$log" gcc $EL6_INC $flags || { messages "$log"; return 1; }
	[ -z "$(system_lib_headers "$log")" ] || { echo "system headers used:"; system_lib_headers "$log"; return 1; }
	# every source was read, json-c's and OpenSSL's headers among them
	grep -qE "^\.+ .*/compat/json-c-0.11/json-c/json.h" "$log"
	grep -qE "^\.+ .*/compat/openssl-1.0.1e/openssl/sha.h" "$log"
	grep -qE "^\.+ .*/compat/elfutils-0.152/libelf.h" "$log"
	grep -qE "^\.+ .*/compat/glibc-2.12/elf.h" "$log"
	! grep -q 'libkmod.h' "$log"
}

@test "EL7: every source compiles against json-c 0.11, OpenSSL 1.0.2k, elfutils 0.176, kmod 20" {
	local log="$BATS_TEST_TMPDIR/el7.log" flags
	flags=$(make_cflags 1)
	[[ "$flags" == *-Werror* && "$flags" == *-DWITH_KMOD=1* ]]
	# shellcheck disable=SC2086
	compile_all "$log" gcc $EL7_INC $flags || { messages "$log"; return 1; }
	[ -z "$(system_lib_headers "$log")" ] || { echo "system headers used:"; system_lib_headers "$log"; return 1; }
	grep -qE "^\.+ .*/compat/openssl-1.0.2k/openssl/evp.h" "$log"
	grep -qE "^\.+ .*/compat/elfutils-0.176/gelf.h" "$log"
	grep -qE "^\.+ .*/compat/kmod-20/libkmod.h" "$log"
	grep -qE "^\.+ .*/compat/glibc-2.17/elf.h" "$log"
}

@test "C99 language level (gcc 4.4): clang -std=gnu99 -Wc11-extensions over every source" {
	command -v clang >/dev/null || skip "no clang (make deps-test installs it)"
	local log="$BATS_TEST_TMPDIR/clang.log" flags
	# the Makefile's defines and -I, not its warnings: clang's differ from gcc's
	flags=$(make_cflags 1 | tr ' ' '\n' | grep -E '^-(std|D|I)' | tr '\n' ' ')
	# shellcheck disable=SC2086
	compile_all "$log" clang $EL7_INC $flags -Wc11-extensions -Werror || { messages "$log"; return 1; }
}

@test "EL6 gcc 4.4 -Wshadow: no local or parameter named like a function declared before it" {
	command -v clang >/dev/null || skip "no clang (make deps-test installs it)"
	# gcc < 4.8 warns (and -Werror fails) on a local `index`, `link`, `abs`, ... shadowing the
	# function of that name; tests/compat/gcc44-shadow.awk finds them in clang's AST
	local t="$BATS_TEST_TMPDIR/shadow" flags f n hits=""
	mkdir -p "$t"
	flags=$(make_cflags 0 | tr ' ' '\n' | grep -E '^-(std|D|I)' | tr '\n' ' ')
	# one AST at a time per CPU, each reduced to its G and L names in $t/<source path>
	# shellcheck disable=SC2016,SC2086 # the inner shell's $1, $2, $@; xargs appends the source
	sources | (cd "$TOP" && xargs -P2 -n1 sh -c 'awkf=$1 dir=$2; shift 2; for src; do :; done
		"$@" 2>/dev/null | awk -f "$awkf" | sort -u >"$dir/$(echo "$src" | tr / _)"' \
		sh "$COMPAT/gcc44-shadow.awk" "$t" clang $EL6_INC $flags -fsyntax-only -Xclang -ast-dump -fno-color-diagnostics) || true
	for f in $(sources); do
		n="$t/$(echo "$f" | tr / _)"
		[ -s "$n" ] || { echo "$f: no AST"; return 1; }
		# names in both sets; a glibc function newer than 2.12 is not declared on EL6
		awk -v f="$f" '$1 == "G" { g[$2] = 1 } $1 == "L" { l[$2] = 1 } END { for (n in l) if (n in g) print n, f }' "$n"
	done >"$t/both"
	while read -r n f; do
		sh "$COMPAT/glibc-floor.sh" 2.12 <<<"$n" | grep -q '^new ' || hits="$hits $f:$n"
	done <"$t/both"
	[ -z "$hits" ] || { echo "shadow a function for gcc 4.4 (rename them):$hits"; return 1; }
}

@test "no C11 or newer-gcc constructs in the sources" {
	# what clang's -Wc11-extensions does not see: builtins, attributes and pragmas gcc 4.4 lacks
	# (__builtin_unreachable 4.5, __builtin_assume_aligned 4.7, __atomic_* 4.7, __builtin_bswap16 4.8,
	# __auto_type 4.9, __builtin_*_overflow 5, diagnostic push/pop 4.6, fallthrough 7, __has_include 5,
	# __has_builtin 10, __int128 4.6, deprecated("msg") 4.5; __has_attribute (5) is fine: src/compat.h defines it to 0 where missing)
	run grep -rnE '_Static_assert|static_assert|_Generic|_Alignas|_Alignof|_Thread_local|_Noreturn|_Atomic|stdatomic\.h|threads\.h|__builtin_(add|sub|mul)_overflow|__attribute__\(\(fallthrough|#pragma GCC diagnostic (push|pop)|__has_include|__has_builtin|__int128|deprecated\(|__builtin_unreachable|__builtin_assume_aligned|__builtin_bswap16|__auto_type|__atomic_|__attribute__\(\((returns_nonnull|no_sanitize|designated_init)' "$TOP/src"
	[ "$status" -eq 1 ] || { echo "$output"; return 1; }
}

# The undefined symbols of the release build's objects and of the bundled inih
# (compiled here: the release build links the system's), less those the objects
# define themselves.
used_symbols() {
	local t="$BATS_FILE_TMPDIR" flags
	[ -s "$t/used" ] && { cat "$t/used"; return; }
	flags=$(make_cflags 1)
	# shellcheck disable=SC2086
	(cd "$TOP" && gcc $flags -c -o "$t/ini.o" src/bundled/inih/ini.c)
	find "$OBJS" -name '*.o' -exec nm -u {} + >"$t/undef"
	nm -u "$t/ini.o" >>"$t/undef"
	find "$OBJS" -name '*.o' -exec nm --defined-only {} + | awk 'NF == 3 { print $3 }' | sort -u >"$t/def"
	awk 'NF == 2 && $1 == "U" { print $2 } NF == 1 && $1 !~ /:$/ { print $1 }' "$t/undef" | sed 's/@.*//' |
		sort -u | comm -23 - "$t/def" >"$t/used.new"
	mv "$t/used.new" "$t/used"
	cat "$t/used"
}

@test "glibc: every function the objects use is in glibc 2.12 (glibc's own ABI lists)" {
	[ -d "$OBJS" ] || skip "no release build"
	local t="$BATS_TEST_TMPDIR"
	used_symbols >"$t/used"
	[ "$(wc -l <"$t/used")" -gt 100 ]
	sh "$COMPAT/glibc-floor.sh" 2.12 <"$t/used" >"$t/floor"
	cat "$t/floor" # shown when the test fails
	# the checker itself, on symbols whose answer is known
	printf '%s\n' memcpy clock_gettime stat64 fcntl64 __isoc23_sscanf __fdelt_chk syncfs dlopen pthread_create |
		sh "$COMPAT/glibc-floor.sh" 2.12 >"$t/known"
	grep -qx 'ok    memcpy GLIBC_2.2.5 libc' "$t/known"
	grep -qx 'ok    clock_gettime GLIBC_2.2.5 librt' "$t/known"
	grep -qx 'ok    stat64 GLIBC_2.2.5 libc as __xstat64' "$t/known"
	grep -qx 'ok    fcntl64 GLIBC_2.2.5 libc as fcntl' "$t/known"
	grep -qx 'ok    __isoc23_sscanf GLIBC_2.7 libc as __isoc99_sscanf' "$t/known"
	grep -qx 'new   __fdelt_chk GLIBC_2.15 libc' "$t/known"
	grep -qx 'new   syncfs GLIBC_2.14 libc' "$t/known"
	grep -qx 'ok    dlopen GLIBC_2.2.5 libdl' "$t/known"
	grep -qx 'ok    pthread_create GLIBC_2.2.5 libpthread' "$t/known"
	# every symbol is glibc's at 2.12, or one of the libraries the build links
	bad=$(grep -E '^(new|old) ' "$t/floor" || true)
	[ -z "$bad" ] || { echo "newer than glibc 2.12 (symbol, version, library):"; echo "$bad"; return 1; }
	bad=$(awk '$1 == "other" { print $2 }' "$t/floor" | grep -vE '^(json_|elf_|elf32_|elf64_|gelf_|ini_|SHA|HMAC|EVP_|_GLOBAL_OFFSET_TABLE_$)' || true)
	[ -z "$bad" ] || { echo "neither glibc's nor a linked library's:"; echo "$bad"; return 1; }
}

@test "glibc 2.12: the link line names the library of every symbol outside libc (-lrt, -ldl, -lpthread, -lm)" {
	[ -d "$OBJS" ] || skip "no release build"
	local t="$BATS_TEST_TMPDIR" libs need missing=""
	used_symbols | sh "$COMPAT/glibc-floor.sh" 2.12 >"$t/floor"
	libs=" $(make_libs) "
	# before 2.17 clock_gettime lived in librt, before 2.34 dlopen in libdl and pthread_* in libpthread
	need=$(awk '$1 == "ok" && $4 != "libc" { print $4 ": " $2 }' "$t/floor")
	for l in $(awk '{ print $1 }' <<<"$need" | tr -d : | sort -u); do
		[[ "$libs" == *" -l${l#lib} "* ]] || missing="$missing -l${l#lib} ($(grep "^$l:" <<<"$need" | cut -d' ' -f2 | tr '\n' ' '))"
	done
	[ -z "$missing" ] || { echo "the link ($libs) lacks:$missing"; return 1; }
}

@test "libelf: every elf_/gelf_ function the objects use is exported by elfutils 0.152 and 0.176" {
	[ -d "$OBJS" ] || skip "no release build"
	local bad="" s v
	for s in $(used_symbols | grep -E '^(elf|elf32|elf64|gelf)_'); do
		for v in 0.152 0.176; do
			grep -qE "(^|[[:space:]])$s;" "$COMPAT/elfutils-$v/libelf.map" || bad="$bad $s($v)"
		done
	done
	[ -z "$bad" ] || { echo "not exported by that libelf:$bad"; return 1; }
}

@test "libkmod: only functions kmod 20 (CentOS 7) exports, opened with dlopen" {
	local syms bad="" s
	syms=$(grep -o 'SYM([a-z_]*, "kmod_[a-z_]*")' "$TOP/src/read/modules.c" | sed 's/.*"\(kmod_[a-z_]*\)".*/\1/')
	[ "$(wc -w <<<"$syms")" -ge 10 ]
	for s in $syms; do
		grep -qE "(^|[[:space:]])$s;" "$COMPAT/kmod-20/libkmod.sym" || bad="$bad $s"
	done
	[ -z "$bad" ] || { echo "not exported by kmod 20's libkmod (libkmod/libkmod.sym):$bad"; return 1; }
	# and none linked directly: libkmod (and the libcrypto, libzstd, liblzma it pulls) load only when needed
	[ -d "$OBJS" ] || skip "no release build"
	[ -z "$(used_symbols | grep '^kmod_')" ]
}

@test "libcrypto: only functions OpenSSL 1.0.1e (CentOS 6) and 1.0.2k (CentOS 7) declare, opened with dlopen" {
	local syms bad="" s v
	syms=$(grep -o 'resolve(h, soname, "[A-Za-z0-9_]*"' "$TOP/src/crypto.c" | sed 's/.*"\([A-Za-z0-9_]*\)"$/\1/')
	[ "$(wc -w <<<"$syms")" -ge 5 ]
	for s in $syms; do
		for v in 1.0.1e 1.0.2k; do
			grep -rqE "(^|[^A-Za-z0-9_])$s\(" "$COMPAT/openssl-$v/openssl/" || bad="$bad $s($v)"
		done
	done
	[ -z "$bad" ] || { echo "not declared by that OpenSSL:$bad"; return 1; }
	# and none linked directly: libcrypto loads only on the paths that hash
	[ -d "$OBJS" ] || skip "no release build"
	[ -z "$(used_symbols | grep -E '^(SHA256_|HMAC|EVP_)')" ]
}

@test "nothing outside the root layer opens a host path" {
	# root.c is the layer; spawn.c opens the /dev/null of the machine it runs on for a child; dirfd.c
	# works inside dump directories (paths of the machine we run on) through their descriptors
	run grep -rnE 'fopen\("/|open\("/|opendir\("/|stat\("/' "$TOP/src" --exclude=root.c --exclude=spawn.c \
		--exclude=dirfd.c
	[ "$status" -eq 1 ] || { echo "$output"; return 1; }
	# src/bundled/inih is the bundled library: its ini_parse() opens a file by name, kdumpcheck
	# calls only ini_parse_stream() on a FILE the root layer opened
	run grep -rlE '\b(fopen|opendir|openat|open)\(' "$TOP/src" --exclude=root.c --exclude=spawn.c --exclude=dirfd.c \
		--exclude-dir=bundled
	[ -z "$output" ] || { echo "opens files outside src/root.c: $output"; return 1; }
	run grep -c 'open("/dev/null"' "$TOP/src/spawn.c"
	[ "$output" -eq 1 ]
}

@test "no build links libkmod; the WITH_KMOD=0 one does not even open it" {
	for b in "$TOP/kdumpcheck" "$TOP/build/nokmod/kdumpcheck"; do
		[ -x "$b" ] || continue
		run ldd "$b"
		[[ "$output" != *libkmod* ]]
	done
	[ -x "$TOP/build/nokmod/kdumpcheck" ] || skip "no WITH_KMOD=0 build"
	run strings "$TOP/build/nokmod/kdumpcheck"
	[[ "$output" != *libkmod.so* ]]
}
