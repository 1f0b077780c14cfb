#!/usr/bin/env bats
# portability.bats - the sources must also build on CentOS 6 (gcc 4.4, glibc 2.12,
# json-c 0.11, elfutils 0.152, no libkmod) and CentOS 7 (kmod 20). Toolchains that
# old are not at hand, so this checks what the objects actually use.

TOP="$BATS_TEST_DIRNAME/../.."
OBJS="$TOP/build/default/obj"

# The undefined symbols of every object of the release build.
used_symbols() {
	find "$OBJS" -name '*.o' -exec nm -u {} + | awk 'NF == 2 { print $2 } NF == 1 { print $1 }' | sed 's/@.*//' | sort -u
}

@test "no glibc function newer than 2.12" {
	[ -d "$OBJS" ] || skip "no release build"
	newer="syncfs setns sendmmsg clock_adjtime name_to_handle_at open_by_handle_at process_vm_readv
		process_vm_writev scandirat aligned_alloc getauxval timespec_get secure_getenv clock_gettime
		clock_getres clock_nanosleep explicit_bzero getentropy getrandom strfromd strfromf reallocarray
		preadv2 pwritev2 memfd_create copy_file_range mlock2 statx renameat2 gettid twalk_r sigabbrev_np
		sigdescr_np strerrorname_np strerrordesc_np closefrom close_range _Fork arc4random arc4random_buf
		pidfd_open strlcpy strlcat posix_spawn_file_actions_addchdir_np fcntl64 reallocarray
		pthread_getattr_default_np pthread_setattr_default_np c16rtomb c32rtomb mbrtoc16 mbrtoc32"
	bad=""
	syms=$(used_symbols)
	for f in $newer; do
		grep -qx "$f" <<<"$syms" && bad="$bad $f"
	done
	[ -z "$bad" ] || { echo "uses functions newer than glibc 2.12:$bad"; return 1; }
}

@test "json-c: only functions json-c 0.11 has" {
	[ -d "$OBJS" ] || skip "no release build"
	allowed="json_object_new_object json_object_new_string json_object_new_string_len json_object_new_int
		json_object_new_int64 json_object_new_boolean json_object_new_double json_object_new_array
		json_object_object_add json_object_array_add json_object_array_length json_object_array_get_idx
		json_object_to_json_string json_object_to_json_string_ext json_object_put json_object_get
		json_tokener_new json_tokener_free json_tokener_parse json_tokener_parse_ex json_tokener_get_error
		json_tokener_error_desc json_object_object_get_ex json_object_is_type json_object_get_type
		json_object_get_string json_object_get_string_len json_object_get_int json_object_get_int64
		json_object_get_boolean json_object_get_double json_object_array_put_idx json_object_get_object"
	bad=""
	for s in $(used_symbols | grep '^json_'); do
		grep -qw "$s" <<<"$allowed" || bad="$bad $s"
	done
	[ -z "$bad" ] || { echo "json-c functions not in 0.11 (or not yet vetted):$bad"; return 1; }
}

@test "libkmod: only functions kmod 20 (CentOS 7) has, opened with dlopen" {
	allowed="kmod_new kmod_unref kmod_load_resources kmod_module_new_from_name kmod_module_new_from_lookup
		kmod_module_new_from_path kmod_module_unref kmod_module_unref_list kmod_module_get_path
		kmod_module_get_name kmod_module_get_info kmod_module_info_get_key kmod_module_info_get_value
		kmod_module_info_free_list kmod_list_next kmod_set_log_fn kmod_set_log_priority"
	syms=$(grep -o 'SYM([a-z_]*, "kmod_[a-z_]*")' "$TOP/src/read/modules.c" | sed 's/.*"\(kmod_[a-z_]*\)".*/\1/')
	[ "$(wc -w <<<"$syms")" -ge 10 ]
	bad=""
	for s in $syms; do
		grep -qw "$s" <<<"$allowed" || bad="$bad $s"
	done
	[ -z "$bad" ] || { echo "libkmod functions not vetted for kmod 20:$bad"; return 1; }
	# and none linked directly: libkmod (and the libcrypto, libzstd, liblzma it pulls) load only when needed
	[ -d "$OBJS" ] || skip "no release build"
	[ -z "$(used_symbols | grep '^kmod_')" ]
}

@test "no C11 or newer-gcc constructs in the sources" {
	run grep -rnE '_Static_assert|static_assert|_Generic|_Alignas|_Alignof|_Thread_local|_Noreturn|_Atomic|stdatomic\.h|threads\.h|__builtin_(add|sub|mul)_overflow|__attribute__\(\(fallthrough|#pragma GCC diagnostic (push|pop)|__has_include' "$TOP/src"
	[ "$status" -eq 1 ] || { echo "$output"; return 1; }
}

@test "nothing outside the root layer opens a host path" {
	# root.c is the layer; spawn.c opens the /dev/null of the machine it runs on for a child; dirfd.c
	# works inside dump directories (paths of the machine we run on) through their descriptors
	run grep -rnE 'fopen\("/|open\("/|opendir\("/|stat\("/' "$TOP/src" --exclude=root.c --exclude=spawn.c \
		--exclude=dirfd.c
	[ "$status" -eq 1 ] || { echo "$output"; return 1; }
	run grep -rlE '\b(fopen|opendir|openat|open)\(' "$TOP/src" --exclude=root.c --exclude=spawn.c --exclude=dirfd.c
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
