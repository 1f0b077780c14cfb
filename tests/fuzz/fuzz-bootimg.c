/*
 * fuzz-bootimg.c - libFuzzer target for the kernel and initramfs size
 * readers: each input is taken as a bzImage and as an initramfs (through a
 * temp file). An answer must hold together: a size only for a known segment,
 * never a read past the end, the unpacked size bounded.
 */
#include <errno.h>

#include "fuzz.h"
#include "parse/bootimg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct initrd_size s;
	uint64_t init = 0;
	int fd = fuzz_tmp_file("bootimg", data, size, 0), r;

	r = bzimage_init_size(fd, &init);
	FUZZ_CHECK(r == 0 || r == -EINVAL || r == -ENOTSUP);
	FUZZ_CHECK(r != 0 || (init > 0 && init <= 0xffffffffu));
	r = initrd_size(fd, size, &s);
	FUZZ_CHECK(r == 0 || r == -EINVAL || r == -EFBIG);
	if (r == 0) {
		FUZZ_CHECK(s.segments >= 1 && s.file == size && s.comp[0] != '\0');
		FUZZ_CHECK(s.how == INITRD_EXACT || s.how == INITRD_GUESS);
		FUZZ_CHECK(strcmp(s.comp, "cpio") != 0 || s.unpacked <= size);
	}
	/* a size claimed larger than the file: an error, never a read past it */
	r = initrd_size(fd, size + 4096, &s);
	FUZZ_CHECK(r != 0 || strcmp(s.comp, "cpio") != 0 || s.unpacked <= size + 4096);
	return 0;
}
