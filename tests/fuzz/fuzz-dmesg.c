/*
 * fuzz-dmesg.c - libFuzzer target for the crash-story parser: each input is
 * a kernel log; the story must come out without a crash, a read past the
 * buffer or a leak, and its fields must hold their bounds.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-dmesg tests/fuzz/fuzz-dmesg.c src/vmcore/dmesg.c \
 *     src/parse/klog.c src/parse/proctask.c src/util.c
 *   ./fuzz-dmesg tests/fuzz/corpus/dmesg
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vmcore/dmesg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct crash_story cs;
	size_t i;

	if (dmesg_story((const char *)data, size, &cs) != 0)
		abort();
	if (strlen(crash_class_name(cs.cls)) == 0 || memchr(cs.panic_message, '\0', sizeof(cs.panic_message)) == NULL ||
	    memchr(cs.taint, '\0', sizeof(cs.taint)) == NULL || cs.ntasks > 256 || cs.noot > 256 ||
	    (cs.ntasks && !cs.tasks) || (cs.noot && !cs.oot_modules))
		abort();
	for (i = 0; i < cs.ntasks; i++)
		if (memchr(cs.tasks[i].comm, '\0', sizeof(cs.tasks[i].comm)) == NULL || cs.tasks[i].pid < 0 ||
		    cs.tasks[i].seconds < -1)
			abort();
	for (i = 0; i < cs.noot; i++)
		if (!cs.oot_modules[i] || !cs.oot_modules[i][0])
			abort();
	crash_story_free(&cs);
	return 0;
}
