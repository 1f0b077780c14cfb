/* host.c - what kind of host the root holds: family, release, memory, cpus. */
#include <errno.h>
#include <string.h>
#include <sys/utsname.h>

#include "host.h"
#include "parse/procfs.h"
#include "root.h"
#include "util.h"

/* The first line of a small file, trimmed, printable, or "". */
static void first_line(struct root *r, const char *path, char *out, size_t outlen)
{
	const char *data;
	size_t len, n;

	out[0] = '\0';
	if (root_read(r, path, &data, &len) || text_value(data, len, out, outlen))
		return;
	for (n = 0; out[n]; n++) {
		if ((unsigned char)out[n] < 0x20 || (unsigned char)out[n] == 0x7f)
			out[n] = '?';
	}
}

/* The value of KEY= in an os-release style file, unquoted. */
static void os_release_get(const char *data, size_t len, const char *key, char *out, size_t outlen)
{
	struct line_iter it;
	const char *line;
	size_t n, kl = strlen(key);

	out[0] = '\0';
	line_iter_init(&it, data, len);
	while (line_iter_next(&it, &line, &n)) {
		if (n > kl && !strncmp(line, key, kl) && line[kl] == '=') {
			const char *v = line + kl + 1;
			size_t vl = n - kl - 1;
			if (vl >= 2 && (v[0] == '"' || v[0] == '\'') && v[vl - 1] == v[0])
				v++, vl -= 2;
			if (vl >= outlen)
				vl = outlen - 1;
			memcpy(out, v, vl);
			out[vl] = '\0';
			return;
		}
	}
}

/* Family and OS name from /etc/redhat-release, /etc/os-release. */
static void detect_family(struct root *r, struct host *h)
{
	char line[256], id[64], like[128], ver[32];
	const char *data;
	size_t len;

	first_line(r, "/etc/redhat-release", line, sizeof(line));
	if (line[0]) {
		xstrlcpy(h->os, line, sizeof(h->os));
		if (strstr(line, "release 6"))
			h->family = HOST_EL6;
		else if (strstr(line, "release 7"))
			h->family = HOST_EL7;
	}
	if (root_read(r, "/etc/os-release", &data, &len) && root_read(r, "/usr/lib/os-release", &data, &len))
		return;
	os_release_get(data, len, "ID", id, sizeof(id));
	os_release_get(data, len, "ID_LIKE", like, sizeof(like));
	os_release_get(data, len, "VERSION_ID", ver, sizeof(ver));
	if (!h->os[0])
		os_release_get(data, len, "PRETTY_NAME", h->os, sizeof(h->os));
	if (h->family != HOST_UNKNOWN)
		return;
	if (!strcmp(id, "debian") || !strcmp(id, "ubuntu") || strstr(like, "debian"))
		h->family = HOST_DEBIAN;
	else if ((!strcmp(id, "centos") || !strcmp(id, "rhel") || strstr(like, "rhel")) && ver[0] == '7' &&
		 (ver[1] == '\0' || ver[1] == '.'))
		h->family = HOST_EL7;
}

/* Architecture: /proc/sys/kernel/arch, else the release's suffix, else ours when live. */
static void detect_arch(struct root *r, struct host *h)
{
	static const struct { const char *suffix, *arch; } map[] = {
		{ ".x86_64", "x86_64" }, { "-amd64", "x86_64" }, { ".i686", "i686" }, { "-686-pae", "i686" },
		{ "-686", "i686" }, { ".aarch64", "aarch64" }, { "-arm64", "aarch64" }, { ".ppc64le", "ppc64le" },
		{ "-powerpc64le", "ppc64le" }, { ".ppc64", "ppc64" }, { ".s390x", "s390x" }, { "-s390x", "s390x" },
	};
	size_t i, rl = strlen(h->release);
	struct utsname u;

	first_line(r, "/proc/sys/kernel/arch", h->arch, sizeof(h->arch));
	if (h->arch[0])
		return;
	for (i = 0; i < ARRAY_SIZE(map); i++) {
		size_t sl = strlen(map[i].suffix);
		if (rl > sl && !strcmp(h->release + rl - sl, map[i].suffix)) {
			xstrlcpy(h->arch, map[i].arch, sizeof(h->arch));
			return;
		}
	}
	if (root_is_live(r) && uname(&u) == 0)
		xstrlcpy(h->arch, u.machine, sizeof(h->arch));
}

/* CPUs in a sysfs CPU list ("0-3,6"), as in /sys/devices/system/cpu/online; else /proc/cpuinfo's count. */
static unsigned count_cpus(struct root *r, const char *list)
{
	const char *data, *p;
	size_t len;
	unsigned total = 0;

	if (root_read(r, list, &data, &len) == 0) {
		for (p = data; *p && *p != '\n';) {
			uint64_t a = 0, b;
			const char *s = p;
			while (*p >= '0' && *p <= '9')
				a = a * 10 + (uint64_t)(*p++ - '0');
			if (p == s || a > 65536)
				return 0;
			b = a;
			if (*p == '-') {
				s = ++p;
				b = 0;
				while (*p >= '0' && *p <= '9')
					b = b * 10 + (uint64_t)(*p++ - '0');
				if (p == s || b < a || b > 65536)
					return 0;
			}
			total += (unsigned)(b - a + 1);
			if (*p == ',')
				p++;
			else if (*p && *p != '\n')
				return 0;
		}
		return total;
	}
	if (root_read(r, "/proc/cpuinfo", &data, &len) == 0) {
		struct line_iter it;
		const char *line;
		size_t n;
		line_iter_init(&it, data, len);
		while (line_iter_next(&it, &line, &n)) {
			if (n >= 9 && !strncmp(line, "processor", 9) && (line[9] == ' ' || line[9] == '\t' || line[9] == ':'))
				total++;
		}
	}
	return total;
}

void host_detect(struct root *r, struct host *h)
{
	struct meminfo mi;
	const char *data;
	size_t len;
	unsigned errline;
	struct stat st;

	memset(h, 0, sizeof(*h));
	detect_family(r, h);
	first_line(r, "/proc/sys/kernel/osrelease", h->release, sizeof(h->release));
	first_line(r, "/proc/sys/kernel/hostname", h->hostname, sizeof(h->hostname));
	if (!h->hostname[0])
		first_line(r, "/etc/hostname", h->hostname, sizeof(h->hostname));
	detect_arch(r, h);
	h->meminfo_err = root_read(r, "/proc/meminfo", &data, &len);
	if (h->meminfo_err == 0) {
		errline = 0;
		h->meminfo_err = meminfo_parse(data, len, &mi, &errline) ? -EINVAL : 0;
		h->meminfo_line = errline;
		if (h->meminfo_err == 0)
			h->mem_total = mi.mem_total;
	} else if (h->meminfo_err != -ENOENT) {
		h->meminfo_err = -EINVAL;
	}
	h->cpus = count_cpus(r, "/sys/devices/system/cpu/online");
	h->cpus_possible = count_cpus(r, "/sys/devices/system/cpu/possible");
	switch (h->family) {
	case HOST_EL6:
		h->systemd = 0;
		break;
	case HOST_EL7:
	case HOST_DEBIAN:
		h->systemd = 1;
		break;
	default:
		h->systemd = root_stat(r, "/run/systemd/system", &st) == 0 ||
			     root_stat(r, "/usr/lib/systemd/systemd", &st) == 0 ||
			     root_stat(r, "/lib/systemd/systemd", &st) == 0;
		break;
	}
}

const char *host_family_name(enum host_family f)
{
	switch (f) {
	case HOST_EL6: return "el6";
	case HOST_EL7: return "el7";
	case HOST_DEBIAN: return "debian";
	default: return "unknown";
	}
}
