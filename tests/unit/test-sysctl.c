/* test-sysctl.c - sysctl file parsing and the boot order of EL6, EL7 and Debian 12 roots. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "parse/sysctl.h"
#include "read/sysctl-files.h"
#include "root.h"
#include "util.h"

/* The fixture root tests/unit/data/sysctl/<name>, found next to this source file. */
static struct root *sysctl_root(const char *name)
{
	char dir[4096];
	const char *slash = strrchr(__FILE__, '/');
	int len = slash ? (int)(slash - __FILE__) : 1;
	struct root *r = NULL;

	snprintf(dir, sizeof(dir), "%.*s/data/sysctl/%s", len, slash ? __FILE__ : ".", name);
	if (root_new(dir, &r))
		return NULL;
	return r;
}

/* Load a fixture root's boot files; returns the load result. */
static int load(const char *name, enum host_family fam, int systemd, struct sysctl_set *set,
		char *err, size_t errlen)
{
	struct root *r = sysctl_root(name);
	int e;

	memset(set, 0, sizeof(*set));
	if (!r)
		return -9999;
	e = sysctl_load_boot(r, fam, systemd, set, err, errlen);
	root_free(r);
	return e;
}

/* The value of key in set, or NULL. */
static const char *val(const struct sysctl_set *set, const char *key)
{
	const struct sysctl_setting *s = sysctl_find(set, key);
	return s ? s->value : NULL;
}

TEST(parse_forms_of_assignment)
{
	static const char text[] =
		"# comment\n"
		"; another comment\n"
		"\n"
		"kernel.panic = 10\n"
		"kernel.panic_on_oops=1\n"
		"   vm.swappiness\t=\t 10  \r\n"
		"net.ipv4.ip_local_port_range = 32768 60999\n"
		"-kernel.softlockup_panic = 1\n"
		"kernel/hung_task_panic = 1\n"
		"net/ipv4/conf/enp3s0.200/forwarding = 0\n"
		"kernel.core_pattern =\n"
		"kernel.panic = 20";	/* no trailing newline; replaces line 4 */
	struct sysctl_set set;
	unsigned line = 99;
	const struct sysctl_setting *s;

	memset(&set, 0, sizeof(set));
	CHECK_INT(sysctl_parse(&set, "/etc/sysctl.conf", text, sizeof(text) - 1, &line, NULL), 0);
	CHECK_INT(line, 0);
	CHECK_INT(set.n, 8);
	CHECK_STR(val(&set, "kernel.panic_on_oops"), "1");
	CHECK_STR(val(&set, "vm.swappiness"), "10");
	CHECK_STR(val(&set, "net.ipv4.ip_local_port_range"), "32768 60999");
	CHECK_STR(val(&set, "kernel.softlockup_panic"), "1");
	CHECK_STR(val(&set, "kernel.hung_task_panic"), "1");
	CHECK_STR(val(&set, "kernel/hung_task_panic"), "1");
	CHECK_STR(val(&set, "net.ipv4.conf.enp3s0/200.forwarding"), "0");
	CHECK_STR(val(&set, "kernel.core_pattern"), "");
	s = sysctl_find(&set, "kernel.panic");
	CHECK(s != NULL);
	CHECK_STR(s->value, "20");
	CHECK_INT(s->line, 12);
	CHECK_STR(s->file, "/etc/sysctl.conf");
	CHECK_STR(set.v[0].key, "kernel.panic");	/* replaced in place */
	CHECK_INT(set.nfiles, 1);
	CHECK_STR(set.files[0], "/etc/sysctl.conf");
	CHECK(sysctl_find(&set, "kernel.sysrq") == NULL);
	sysctl_set_free(&set);
	CHECK_INT(set.n, 0);
}

TEST(parse_reports_first_bad_line_and_keeps_rest)
{
	static const char text[] =
		"kernel.panic = 10\n"
		"kernel.panic_on_oops 1\n"
		"vm.swappiness = 10\n"
		" = 5\n";
	struct sysctl_set set;
	unsigned line = 0;

	memset(&set, 0, sizeof(set));
	CHECK_INT(sysctl_parse(&set, "x.conf", text, sizeof(text) - 1, &line, NULL), -EINVAL);
	CHECK_INT(line, 2);
	CHECK_STR(val(&set, "kernel.panic"), "10");
	CHECK_STR(val(&set, "vm.swappiness"), "10");
	CHECK(sysctl_find(&set, "kernel.panic_on_oops") == NULL);
	sysctl_set_free(&set);
}

TEST(parse_accepts_systemd_glob_exclusions)
{
	/* systemd 250+ 50-default.conf: a glob assignment, then "-key" lines that exclude keys from it */
	static const char text[] =
		"net.ipv4.conf.default.rp_filter = 2\n"
		"net.ipv4.conf.*.rp_filter = 2\n"
		"-net.ipv4.conf.all.rp_filter\n"
		"kernel.panic = 5\n";
	struct sysctl_set set;
	unsigned line = 9;

	memset(&set, 0, sizeof(set));
	CHECK_INT(sysctl_parse(&set, "50-default.conf", text, sizeof(text) - 1, &line, NULL), 0);
	CHECK_INT(line, 0);
	CHECK_STR(val(&set, "kernel.panic"), "5");
	CHECK(sysctl_find(&set, "net.ipv4.conf.all.rp_filter") == NULL);
	/* "- x" with a blank is still not a key */
	CHECK_INT(sysctl_parse(&set, "a", "-kernel panic\n", 14, &line, NULL), -EINVAL);
	sysctl_set_free(&set);
}

TEST(parse_rejects_empty_and_garbage_keys)
{
	struct sysctl_set set;
	unsigned line = 0;

	memset(&set, 0, sizeof(set));
	CHECK_INT(sysctl_parse(&set, "a", "=1\n", 3, &line, NULL), -EINVAL);
	CHECK_INT(line, 1);
	CHECK_INT(sysctl_parse(&set, "a", "- = 1\n", 6, &line, NULL), -EINVAL);
	CHECK_INT(sysctl_parse(&set, "a", "...=1\n", 6, &line, NULL), -EINVAL);
	CHECK_INT(sysctl_parse(&set, "a", "kernel panic = 1\n", 17, &line, NULL), -EINVAL);
	CHECK_INT(sysctl_parse(&set, "a", "kernel.pa\0nic = 1\n", 18, &line, NULL), -EINVAL);
	CHECK_INT(line, 1);
	CHECK_INT(set.n, 0);
	/* a file that is only comments or empty is fine */
	CHECK_INT(sysctl_parse(&set, "b", "", 0, &line, NULL), 0);
	CHECK_INT(sysctl_parse(&set, "b", "#\n;\n\n", 5, &line, NULL), 0);
	CHECK_INT(set.n, 0);
	sysctl_set_free(&set);
}

TEST(parse_hostile_sizes)
{
	size_t big = 4u << 20, i;
	char *buf = malloc(big);
	struct sysctl_set set;
	unsigned line = 0;
	char key[32];

	CHECK(buf != NULL);
	/* one 4 MiB line: a key with a huge value */
	memcpy(buf, "kernel.core_pattern=", 20);
	memset(buf + 20, 'x', big - 20);
	memset(&set, 0, sizeof(set));
	CHECK_INT(sysctl_parse(&set, "big", buf, big, &line, NULL), 0);
	CHECK_INT(strlen(val(&set, "kernel.core_pattern")), big - 20);
	sysctl_set_free(&set);
	/* 200k distinct keys stay fast and all land */
	{
		struct sbuf b;
		sbuf_init(&b);
		for (i = 0; i < 200000; i++)
			sbuf_printf(&b, "net.k%zu = %zu\n", i, i);
		CHECK_INT(sysctl_parse(&set, "many", b.s, b.len, &line, NULL), 0);
		sbuf_free(&b);
	}
	CHECK_INT(set.n, 200000);
	snprintf(key, sizeof(key), "net.k%d", 123456);
	CHECK_STR(val(&set, key), "123456");
	sysctl_set_free(&set);
	free(buf);
}

TEST(proc_path_conversion)
{
	char out[256];

	CHECK_INT(sysctl_proc_path("kernel.panic", out, sizeof(out)), 0);
	CHECK_STR(out, "/proc/sys/kernel/panic");
	CHECK_INT(sysctl_proc_path("kernel/panic", out, sizeof(out)), 0);
	CHECK_STR(out, "/proc/sys/kernel/panic");
	CHECK_INT(sysctl_proc_path("net.ipv4.conf.enp3s0/200.forwarding", out, sizeof(out)), 0);
	CHECK_STR(out, "/proc/sys/net/ipv4/conf/enp3s0.200/forwarding");
	CHECK_INT(sysctl_proc_path("net/ipv4/conf/enp3s0.200/forwarding", out, sizeof(out)), 0);
	CHECK_STR(out, "/proc/sys/net/ipv4/conf/enp3s0.200/forwarding");
	CHECK_INT(sysctl_proc_path("kernel.threads-max", out, sizeof(out)), 0);
	CHECK_STR(out, "/proc/sys/kernel/threads-max");
	CHECK_INT(sysctl_proc_path("", out, sizeof(out)), -EINVAL);
	CHECK_INT(sysctl_proc_path("kernel/../../etc/shadow", out, sizeof(out)), -EINVAL);
	CHECK_INT(sysctl_proc_path("kernel.a b", out, sizeof(out)), -EINVAL);
	CHECK_INT(sysctl_proc_path("kernel.panic", out, 12), -ENAMETOOLONG);
}

TEST(el6_reads_only_sysctl_conf)
{
	struct sysctl_set set;
	char err[256];

	CHECK_INT(load("el6", HOST_EL6, 0, &set, err, sizeof(err)), 0);
	CHECK_INT(set.nfiles, 1);
	CHECK_STR(set.files[0], "/etc/sysctl.conf");
	CHECK_INT(set.n, 13);
	CHECK_STR(val(&set, "kernel.sysrq"), "0");
	CHECK_STR(val(&set, "kernel.shmmax"), "68719476736");
	CHECK_STR(val(&set, "net.bridge.bridge-nf-call-iptables"), "0");
	CHECK(sysctl_find(&set, "kernel.panic") == NULL);
	sysctl_set_free(&set);
	/* EL7 tree judged as a non-systemd host: only its (comment-only) sysctl.conf */
	CHECK_INT(load("el7-override", HOST_EL6, 0, &set, err, sizeof(err)), 0);
	CHECK_INT(set.nfiles, 1);
	CHECK_STR(val(&set, "kernel.panic"), "10");
	CHECK(sysctl_find(&set, "kernel.panic_on_oops") == NULL);
	sysctl_set_free(&set);
}

TEST(el7_stock_order)
{
	struct sysctl_set set;
	char err[256];
	const struct sysctl_setting *s;

	CHECK_INT(load("el7", HOST_EL7, 1, &set, err, sizeof(err)), 0);
	CHECK_STR(err, "");
	CHECK_INT(set.nfiles, 4);
	CHECK_STR(set.files[0], "/usr/lib/sysctl.d/00-system.conf");
	CHECK_STR(set.files[1], "/usr/lib/sysctl.d/10-default-yama-scope.conf");
	CHECK_STR(set.files[2], "/usr/lib/sysctl.d/50-default.conf");
	CHECK_STR(set.files[3], "/etc/sysctl.d/99-sysctl.conf");	/* the link, not a second read */
	CHECK_STR(val(&set, "kernel.sysrq"), "16");
	CHECK_STR(val(&set, "kernel.yama.ptrace_scope"), "0");
	s = sysctl_find(&set, "fs.protected_symlinks");
	CHECK(s != NULL);
	CHECK_STR(s->file, "/usr/lib/sysctl.d/50-default.conf");
	CHECK_INT(s->line, 28);
	sysctl_set_free(&set);
}

TEST(el7_overrides_masks_and_order_across_dirs)
{
	struct sysctl_set set;
	char err[256];
	const struct sysctl_setting *s;
	size_t i;

	CHECK_INT(load("el7-override", HOST_EL7, 1, &set, err, sizeof(err)), 0);
	for (i = 0; i < set.nfiles; i++)
		printf("#   applied %s\n", set.files[i]);
	CHECK_INT(set.nfiles, 7);
	CHECK_STR(set.files[0], "/usr/lib/sysctl.d/00-system.conf");
	CHECK_STR(set.files[1], "/etc/sysctl.d/50-default.conf");	/* masks /usr/lib's */
	CHECK_STR(set.files[2], "/run/sysctl.d/60-tuned.conf");
	CHECK_STR(set.files[3], "/etc/sysctl.d/90-kdump.conf");		/* masks /run's */
	CHECK_STR(set.files[4], "/usr/local/lib/sysctl.d/95-local.conf");
	CHECK_STR(set.files[5], "/etc/sysctl.d/99-sysctl.conf");
	CHECK_STR(set.files[6], "/usr/lib/sysctl.d/99-zz-vendor.conf");
	/* /dev/null link disables the yama file */
	CHECK(sysctl_find(&set, "kernel.yama.ptrace_scope") == NULL);
	/* the /etc copy replaces the whole /usr/lib file */
	CHECK_STR(val(&set, "kernel.sysrq"), "1");
	CHECK(sysctl_find(&set, "fs.protected_symlinks") == NULL);
	/* /run/sysctl.d/90-kdump.conf is masked by /etc's */
	CHECK_STR(val(&set, "kernel.panic_on_oops"), "1");
	/* later file by name wins, whatever its directory */
	CHECK_STR(val(&set, "vm.swappiness"), "30");
	s = sysctl_find(&set, "kernel.panic");
	CHECK(s != NULL);
	CHECK_STR(s->value, "5");
	CHECK_STR(s->file, "/usr/lib/sysctl.d/99-zz-vendor.conf");
	/* sysctl.conf (through the link) comes after 90-kdump.conf */
	s = sysctl_find(&set, "kernel.hung_task_panic");
	CHECK(s != NULL);
	CHECK_STR(s->value, "1");
	CHECK_STR(s->file, "/etc/sysctl.d/99-sysctl.conf");
	CHECK_INT(s->line, 6);
	/* not *.conf, a dangling link and a directory named *.conf are skipped */
	for (i = 0; i < set.nfiles; i++) {
		CHECK(strstr(set.files[i], "rpmsave") == NULL);
		CHECK(strstr(set.files[i], "80-dangling") == NULL);
		CHECK(strstr(set.files[i], "85-dir") == NULL);
	}
	sysctl_set_free(&set);
}

TEST(el7_without_link_reads_sysctl_conf_last)
{
	struct sysctl_set set;
	char err[256];
	const struct sysctl_setting *s;

	CHECK_INT(load("el7-nolink", HOST_EL7, 1, &set, err, sizeof(err)), 0);
	CHECK(set.nfiles >= 1);
	CHECK_STR(set.files[set.nfiles - 1], "/etc/sysctl.conf");
	s = sysctl_find(&set, "kernel.panic");
	CHECK(s != NULL);
	CHECK_STR(s->value, "10");
	CHECK_STR(s->file, "/etc/sysctl.conf");
	sysctl_set_free(&set);
}

TEST(debian12_lib_link_and_readme)
{
	struct sysctl_set set;
	char err[256];
	size_t i;

	CHECK_INT(load("debian12", HOST_DEBIAN, 1, &set, err, sizeof(err)), 0);
	CHECK_STR(err, "");
	for (i = 0; i < set.nfiles; i++)
		printf("#   applied %s\n", set.files[i]);
	/* /lib -> usr/lib: the same names are not applied twice; README.sysctl ignored */
	CHECK_INT(set.nfiles, 4);
	CHECK_STR(set.files[0], "/usr/lib/sysctl.d/50-pid-max.conf");
	CHECK_STR(set.files[1], "/etc/sysctl.d/70-kdump.conf");
	CHECK_STR(set.files[2], "/usr/lib/sysctl.d/99-protect-links.conf");	/* 'p' < 's' */
	CHECK_STR(set.files[3], "/etc/sysctl.d/99-sysctl.conf");
	CHECK_STR(val(&set, "kernel.pid_max"), "4194304");
	CHECK_STR(val(&set, "fs.protected_regular"), "2");
	CHECK_STR(val(&set, "kernel.hung_task_panic"), "1");
	CHECK_STR(val(&set, "kernel.softlockup_panic"), "1");
	CHECK_STR(val(&set, "net.ipv4.ip_local_port_range"), "32768 60999");
	CHECK_STR(val(&set, "net.ipv4.conf.enp3s0/200.forwarding"), "0");
	CHECK_STR(val(&set, "kernel.core_pattern"),
		  "|/usr/share/apport/apport -p%p -s%s -c%c -d%d -P%P -u%u -g%g -- %E");
	CHECK(sysctl_find(&set, "kernel.printk") == NULL);
	sysctl_set_free(&set);
	/* an unknown systemd host uses the same rules */
	CHECK_INT(load("debian12", HOST_UNKNOWN, 1, &set, err, sizeof(err)), 0);
	CHECK_INT(set.nfiles, 4);
	sysctl_set_free(&set);
}

TEST(malformed_file_is_named)
{
	struct sysctl_set set;
	char err[256];

	CHECK_INT(load("malformed", HOST_DEBIAN, 1, &set, err, sizeof(err)), -EINVAL);
	CHECK(str_startswith(err, "/etc/sysctl.d/10-bad.conf:3: "));
	/* the good lines and the good file still count */
	CHECK_STR(val(&set, "kernel.panic"), "10");
	CHECK_STR(val(&set, "vm.swappiness"), "10");
	CHECK_STR(val(&set, "kernel.hung_task_panic"), "1");
	CHECK_INT(set.nfiles, 2);
	sysctl_set_free(&set);
	/* an empty root: nothing to apply, no error */
	CHECK_INT(load("el7/usr/lib/sysctl.d", HOST_EL7, 1, &set, err, sizeof(err)), 0);
	CHECK_INT(set.n, 0);
	CHECK_INT(set.nfiles, 0);
	sysctl_set_free(&set);
}

UNIT_MAIN(T(parse_forms_of_assignment),
	  T(parse_reports_first_bad_line_and_keeps_rest),
	  T(parse_accepts_systemd_glob_exclusions),
	  T(parse_rejects_empty_and_garbage_keys),
	  T(parse_hostile_sizes),
	  T(proc_path_conversion),
	  T(el6_reads_only_sysctl_conf),
	  T(el7_stock_order),
	  T(el7_overrides_masks_and_order_across_dirs),
	  T(el7_without_link_reads_sysctl_conf_last),
	  T(debian12_lib_link_and_readme),
	  T(malformed_file_is_named))
