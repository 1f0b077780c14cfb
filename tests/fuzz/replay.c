/*
 * replay.c - run a fuzz target over every file of corpus directories, so the
 * corpus (and every crash input kept in it) is replayed by `make check`
 * without clang or libFuzzer:  replay DIR...   Prints TAP, one test per file
 * (the regular files of each DIR and its subdirectories).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REPLAY_MAX_INPUT (16u << 20)

/* Compare two names for qsort, so the order is stable. */
static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read a whole file (at most REPLAY_MAX_INPUT bytes). 0 or -errno. */
static int slurp(const char *path, unsigned char **buf, size_t *len)
{
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > REPLAY_MAX_INPUT) {
		close(fd);
		return -EINVAL;
	}
	*len = (size_t)st.st_size;
	*buf = malloc(*len ? *len : 1);
	if (!*buf) {
		close(fd);
		return -ENOMEM;
	}
	n = *len ? read(fd, *buf, *len) : 0;
	close(fd);
	if (n != (ssize_t)*len) {
		free(*buf);
		return -EIO;
	}
	return 0;
}

/* Add one path to *names. */
static int add_name(char ***names, size_t *n, size_t *cap, const char *dir, const char *name)
{
	if (*n == *cap) {
		char **grown;

		*cap = *cap ? *cap * 2 : 64;
		grown = realloc(*names, *cap * sizeof(**names));
		if (!grown)
			return -ENOMEM;
		*names = grown;
	}
	if (asprintf(&(*names)[*n], "%s/%s", dir, name) < 0)
		return -ENOMEM;
	(*n)++;
	return 0;
}

/*
 * Collect the regular files of dir and of its subdirectories (a unit test's
 * data may be a host tree) into *names; symbolic links and other files are
 * left out, so a tree's links to /dev/null or back up do not count.
 */
static int list_dir(const char *dir, char ***names, size_t *n, size_t *cap, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int r = 0;

	if (!d)
		return -errno;
	while (r == 0 && (e = readdir(d)) != NULL) {
		struct stat st;
		char *sub;

		if (e->d_name[0] == '.')
			continue;
		if (asprintf(&sub, "%s/%s", dir, e->d_name) < 0)
			break;
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode) && depth < 16)
			r = list_dir(sub, names, n, cap, depth + 1);
		else if (lstat(sub, &st) == 0 && S_ISREG(st.st_mode))
			r = add_name(names, n, cap, dir, e->d_name);
		free(sub);
	}
	closedir(d);
	return r;
}

int main(int argc, char **argv)
{
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int a, failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s CORPUS_DIR...\n", argv[0]);
		return 2;
	}
	for (a = 1; a < argc; a++)
		if (list_dir(argv[a], &names, &n, &cap, 0) < 0) {
			fprintf(stderr, "%s: %s\n", argv[a], strerror(errno));
			return 2;
		}
	qsort(names, n, sizeof(*names), by_name);
	printf("1..%zu\n", n);
	for (i = 0; i < n; i++) {
		unsigned char *buf = NULL;
		size_t len = 0;
		int r = slurp(names[i], &buf, &len);

		if (r == 0) {
			LLVMFuzzerTestOneInput(buf, len);	/* a crash aborts the run */
			free(buf);
		} else {
			failed++;
		}
		printf("%sok %zu - %s\n", r ? "not " : "", i + 1, names[i]);
		free(names[i]);
	}
	free(names);
	return failed ? 1 : 0;
}
