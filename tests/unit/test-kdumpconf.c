/* test-kdumpconf.c - /etc/kdump.conf (RHEL 6/7) and /etc/default/kdump-tools (Debian 12) parsing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "parse/kdumpconf.h"
#include "root.h"
#include "util.h"

/* Read path from the fixture root tests/unit/data/kdumpconf/<name> into a new buffer. */
static char *fixture(const char *name, const char *path, size_t *len)
{
	char dir[4096];
	const char *slash = strrchr(__FILE__, '/');
	int n = slash ? (int)(slash - __FILE__) : 1;
	struct root *r;
	const char *data;
	char *copy = NULL;

	snprintf(dir, sizeof(dir), "%.*s/data/kdumpconf/%s", n, slash ? __FILE__ : ".", name);
	if (root_new(dir, &r))
		return NULL;
	if (root_read(r, path, &data, len) == 0)
		copy = xstrndup(data, *len);
	root_free(r);
	return copy;
}

/* Parse a kdump.conf given as a C string. */
static int kc_str(const char *s, struct kdump_conf *kc)
{
	return kdump_conf_parse(s, strlen(s), kc);
}

/* Parse a kdump-tools file given as a C string. */
static int kt_str(const char *s, struct kdump_tools *kt)
{
	return kdump_tools_parse(s, strlen(s), kt);
}

TEST(rhel6_stock)
{
	struct kdump_conf kc;
	size_t len;
	char *text = fixture("rhel6", "/etc/kdump.conf", &len);

	CHECK(text != NULL);
	CHECK_INT(kdump_conf_parse(text, len, &kc), 0);
	CHECK_INT(kc.errline, 0);
	CHECK_STR(kc.path, "/var/crash");
	CHECK_INT(kc.path_line, 110);
	CHECK_STR(kc.core_collector, "makedumpfile -c --message-level 1 -d 31");
	CHECK_INT(kc.core_collector_line, 111);
	CHECK_STR(kc.collector_tool, "makedumpfile");
	CHECK_INT(kc.dump_level, 31);
	CHECK_STR(kc.target_type, "");
	CHECK_STR(kc.default_action, "");
	free(text);
}

TEST(rhel7_stock)
{
	struct kdump_conf kc;
	size_t len;
	char *text = fixture("rhel7", "/etc/kdump.conf", &len);

	CHECK(text != NULL);
	CHECK_INT(kdump_conf_parse(text, len, &kc), 0);
	CHECK_STR(kc.path, "/var/crash");
	CHECK_STR(kc.core_collector, "makedumpfile -l --message-level 1 -d 31");
	CHECK_INT(kc.dump_level, 31);
	CHECK_STR(kc.target_type, "");
	CHECK_INT(kc.target_line, 0);
	free(text);
}

TEST(targets_and_actions)
{
	struct kdump_conf kc;

	CHECK_INT(kc_str("ext4 UUID=03138356-5e61-4ab3-b58e-27507ac41937\npath /crash\n"
			 "default dump_to_rootfs\n", &kc), 0);
	CHECK_STR(kc.target_type, "ext4");
	CHECK_STR(kc.target, "UUID=03138356-5e61-4ab3-b58e-27507ac41937");
	CHECK_INT(kc.target_line, 1);
	CHECK_STR(kc.path, "/crash");
	CHECK_STR(kc.default_action, "dump_to_rootfs");
	CHECK_INT(kc.dump_level, -1);
	CHECK_STR(kc.core_collector, "");

	CHECK_INT(kc_str("xfs LABEL=kdump\n", &kc), 0);
	CHECK_STR(kc.target, "LABEL=kdump");
	CHECK_INT(kc_str("ext4 /dev/mapper/vg00-lv_crash\n", &kc), 0);
	CHECK_STR(kc.target, "/dev/mapper/vg00-lv_crash");
	CHECK_INT(kc_str("raw /dev/vg/lv_kdump\n", &kc), 0);
	CHECK_STR(kc.target_type, "raw");

	CHECK_INT(kc_str("ssh kdump@backup.example.com\nsshkey /root/.ssh/kdump_id_rsa\n"
			 "core_collector makedumpfile -F -l --message-level 1 -d 31\n"
			 "failure_action shell\nfinal_action poweroff\n", &kc), 0);
	CHECK_STR(kc.target_type, "ssh");
	CHECK_STR(kc.target, "kdump@backup.example.com");
	CHECK_STR(kc.default_action, "shell");
	CHECK_INT(kc.dump_level, 31);

	/* EL6 "net": ssh when the argument has a user@, nfs otherwise */
	CHECK_INT(kc_str("net user@my.server.com\n", &kc), 0);
	CHECK_STR(kc.target_type, "ssh");
	CHECK_INT(kc_str("net my.server.com:/export/tmp\n", &kc), 0);
	CHECK_STR(kc.target_type, "nfs");
	CHECK_INT(kc_str("nfs4 filer:/export/crash\noptions bnx2x disable_tpa=1\nblacklist kvm\n"
			 "link_delay 60\ndisk_timeout 30\ndebug_mem_level 0\ndefault mount_root_run_init\n", &kc), 0);
	CHECK_STR(kc.target_type, "nfs4");
	CHECK_STR(kc.default_action, "mount_root_run_init");
	CHECK_INT(kc_str("force_rebuild 1\nforce_no_rebuild 0\nextra_modules gfs2\n"
			 "extra_bins /usr/bin/lftp\nkdump_post /var/crash/scripts/kdump-post.sh\n"
			 "kdump_pre /var/crash/scripts/kdump-pre.sh\n"
			 "dracut_args --omit-drivers \"cfg80211 snd\" --add-drivers \"ext2 ext3\"\n"
			 "fence_kdump_args -p 7410 -f auto -c 0 -i 10\nfence_kdump_nodes node1 node2\n", &kc), 0);
}

TEST(failure_and_final_actions_as_written)
{
	struct kdump_conf kc;

	CHECK_INT(kc_str("path /var/crash\ndefault shell\nfinal_action poweroff\n", &kc), 0);
	CHECK_STR(kc.action_name, "default");
	CHECK_STR(kc.action_value, "shell");
	CHECK_INT(kc.action_line, 2);
	CHECK_STR(kc.final_value, "poweroff");
	CHECK_INT(kc.final_line, 3);
	/* an unknown action is kept as written, for the message, and is an error */
	CHECK_INT(kc_str("failure_action panic\n", &kc), -EINVAL);
	CHECK_STR(kc.action_name, "failure_action");
	CHECK_STR(kc.action_value, "panic");
	CHECK_STR(kc.default_action, "");
	CHECK_INT(kc_str("final_action \x01" "boom\n", &kc), -EINVAL);
	CHECK_STR(kc.final_value, "\\x01boom");
	CHECK_INT(kc_str("path /var/crash\n", &kc), 0);
	CHECK_STR(kc.action_name, "");
	CHECK_STR(kc.final_value, "");
}

TEST(remote_target_fields)
{
	struct kdump_conf kc;
	struct kdump_tools kt;

	CHECK_INT(kc_str("ssh kdump@backup.example.com\nsshkey /root/.ssh/other_key\n", &kc), 0);
	CHECK_STR(kc.sshkey, "/root/.ssh/other_key");
	CHECK_INT(kc.sshkey_line, 2);
	CHECK_INT(kt_str("USE_KDUMP=1\nSSH=\"kdump@backup\"\nSSH_KEY=/root/.ssh/k\nNFS=filer:/crash\n"
			 "KDUMP_FAIL_CMD=\"reboot -f\"\n", &kt), 0);
	CHECK_STR(kt.ssh, "kdump@backup");
	CHECK_STR(kt.ssh_key, "/root/.ssh/k");
	CHECK_STR(kt.nfs, "filer:/crash");
	CHECK_STR(kt.fail_cmd, "reboot -f");
}

TEST(collector_forms)
{
	struct kdump_conf kc;

	/* inline comment, tabs, CRLF */
	CHECK_INT(kc_str("core_collector\tmakedumpfile -l -d 17   # keep cache pages\r\n", &kc), 0);
	CHECK_STR(kc.core_collector, "makedumpfile -l -d 17");
	CHECK_INT(kc.dump_level, 17);
	/* glued, clustered, list, repeated, full path */
	CHECK_INT(kc_str("core_collector makedumpfile -d31 -c\n", &kc), 0);
	CHECK_INT(kc.dump_level, 31);
	CHECK_INT(kc_str("core_collector makedumpfile -cd 1\n", &kc), 0);
	CHECK_INT(kc.dump_level, 1);
	CHECK_INT(kc_str("core_collector makedumpfile -d 1,31 -l\n", &kc), 0);
	CHECK_INT(kc.dump_level, 1);
	CHECK_INT(kc_str("core_collector /usr/sbin/makedumpfile -d 0 -l -d 31\n", &kc), 0);
	CHECK_STR(kc.collector_tool, "/usr/sbin/makedumpfile");
	CHECK_INT(kc.dump_level, 31);
	/* -x takes an argument, so "-d" after it is that argument's neighbour */
	CHECK_INT(kc_str("core_collector makedumpfile -x /boot/vmlinux -d 15\n", &kc), 0);
	CHECK_INT(kc.dump_level, 15);
	/* no -d: -1 */
	CHECK_INT(kc_str("core_collector makedumpfile -l --message-level 1\n", &kc), 0);
	CHECK_INT(kc.dump_level, -1);
	/* not makedumpfile: the -d of cp means nothing */
	CHECK_INT(kc_str("core_collector cp --sparse=always -d 99\n", &kc), 0);
	CHECK_STR(kc.collector_tool, "cp");
	CHECK_INT(kc.dump_level, -1);
	CHECK_INT(kc_str("core_collector scp\n", &kc), 0);
	CHECK_STR(kc.collector_tool, "scp");
}

TEST(collector_bad_levels)
{
	static const char *const bad[] = {
		"core_collector makedumpfile -d 32\n",
		"core_collector makedumpfile -d abc\n",
		"core_collector makedumpfile -d -1\n",
		"core_collector makedumpfile -d 99999999999999999999\n",
		"core_collector makedumpfile -l -d\n",
		"core_collector makedumpfile -d 1,,31\n",
		"core_collector makedumpfile -d 31x\n",
	};
	struct kdump_conf kc;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		printf("#   %s", bad[i]);
		CHECK_INT(kc_str(bad[i], &kc), -EINVAL);
		CHECK_INT(kc.errline, 1);
		CHECK_INT(kc.dump_level, -1);
		CHECK(strstr(kc.errmsg, "dump level") != NULL);
	}
}

TEST(broken_file_reports_first_problem_and_parses_rest)
{
	struct kdump_conf kc;
	size_t len;
	char *text = fixture("broken", "/etc/kdump.conf", &len);

	CHECK(text != NULL);
	CHECK_INT(kdump_conf_parse(text, len, &kc), -EINVAL);
	CHECK_INT(kc.errline, 5);
	CHECK(strstr(kc.errmsg, "more than one dump target") != NULL);
	/* the first target stays, later lines still parsed */
	CHECK_STR(kc.target_type, "nfs4");
	CHECK_STR(kc.target, "filer01.example.com:/export/crash");
	CHECK_STR(kc.path, "/var/crash");
	CHECK_INT(kc.core_collector_line, 7);
	CHECK_INT(kc.dump_level, -1);
	CHECK_STR(kc.default_action, "shell");
	free(text);
}

TEST(malformed_lines)
{
	struct kdump_conf kc;

	CHECK_INT(kc_str("path /var/crash\ndump_level 31\n", &kc), -EINVAL);
	CHECK_INT(kc.errline, 2);
	CHECK_STR(kc.errmsg, "unknown directive 'dump_level'");
	CHECK_STR(kc.path, "/var/crash");
	CHECK_INT(kc_str("path\n", &kc), -EINVAL);
	CHECK_STR(kc.errmsg, "path: missing argument");
	CHECK_INT(kc_str("path   # only a comment\n", &kc), -EINVAL);
	CHECK_INT(kc_str("default panic\n", &kc), -EINVAL);
	CHECK_STR(kc.default_action, "");
	CHECK_INT(kc_str("force_rebuild yes\n", &kc), -EINVAL);
	CHECK_INT(kc_str("link_delay soon\n", &kc), -EINVAL);
	CHECK_INT(kc_str("  path /var/crash\n", &kc), -EINVAL);
	CHECK(strstr(kc.errmsg, "blank before") != NULL);
	CHECK_STR(kc.path, "/var/crash");
	CHECK_INT(kc_str("Path /var/crash\n", &kc), -EINVAL);
	CHECK_INT(kdump_conf_parse("path /a\0b\n", 10, &kc), -EINVAL);
	CHECK_STR(kc.errmsg, "NUL byte in line");
	CHECK_INT(kc_str("\x01\xff\xfe garbage\n", &kc), -EINVAL);
	CHECK_STR(kc.errmsg, "unknown directive '\\x01\\xff\\xfe'");
	/* empty, comments only, no trailing newline */
	CHECK_INT(kdump_conf_parse("", 0, &kc), 0);
	CHECK_INT(kc.dump_level, -1);
	CHECK_INT(kdump_conf_parse(NULL, 0, &kc), 0);
	CHECK_INT(kc_str("#path /x\n   \n\t# indented comment\npath /y", &kc), 0);
	CHECK_STR(kc.path, "/y");
	CHECK_INT(kc.path_line, 4);
}

TEST(hostile_sizes)
{
	struct kdump_conf kc;
	size_t big = 3u << 20;
	char *buf = malloc(big);

	CHECK(buf != NULL);
	memcpy(buf, "path /", 6);
	memset(buf + 6, 'a', big - 6);
	CHECK_INT(kdump_conf_parse(buf, big, &kc), -EINVAL);
	CHECK_STR(kc.errmsg, "path: value too long");
	memcpy(buf, "core_collector makedumpfile -d ", 31);
	memset(buf + 31, '1', big - 31);
	CHECK_INT(kdump_conf_parse(buf, big, &kc), -EINVAL);
	memset(buf, '\n', big);
	CHECK_INT(kdump_conf_parse(buf, big, &kc), 0);
	free(buf);
}

TEST(kdump_tools_debian12_stock)
{
	struct kdump_tools kt;
	size_t len;
	char *text = fixture("debian12", "/etc/default/kdump-tools", &len);

	CHECK(text != NULL);
	CHECK_INT(kdump_tools_parse(text, len, &kt), 0);
	CHECK_INT(kt.errline, 0);
	CHECK_INT(kt.use_kdump, 1);
	CHECK_STR(kt.coredir, "/var/crash");
	CHECK_INT(kt.has_coredir, 1);
	CHECK_STR(kt.makedump_args, "-c -d 31");
	CHECK_INT(kt.has_makedump_args, 0);
	CHECK_INT(kt.dump_level, 31);
	CHECK_STR(kt.kdump_kernel, "/var/lib/kdump/vmlinuz");
	CHECK_STR(kt.kdump_initrd, "/var/lib/kdump/initrd.img");
	free(text);
}

TEST(kdump_tools_shell_forms)
{
	struct kdump_tools kt;

	CHECK_INT(kt_str("", &kt), 0);
	CHECK_INT(kt.use_kdump, -1);
	CHECK_STR(kt.coredir, "/var/crash");
	CHECK_INT(kt.has_coredir, 0);
	CHECK_INT(kt.dump_level, 31);

	CHECK_INT(kt_str("USE_KDUMP=0\nKDUMP_COREDIR='/srv/crash dumps'  # local disk\n"
			 "MAKEDUMP_ARGS=\"-l -d 17\"\n", &kt), 0);
	CHECK_INT(kt.use_kdump, 0);
	CHECK_STR(kt.coredir, "/srv/crash dumps");
	CHECK_INT(kt.has_makedump_args, 1);
	CHECK_STR(kt.makedump_args, "-l -d 17");
	CHECK_INT(kt.dump_level, 17);

	/* export, several per line, expansion of earlier variables, escapes, continuation */
	CHECK_INT(kt_str("export USE_KDUMP=1; BASE=/var/lib/kdump\n"
			 "KDUMP_KERNEL=${BASE}/vmlinuz KDUMP_INITRD=$BASE/initrd.img\n"
			 "KDUMP_COREDIR=/var/cr\\\nash\n"
			 "MAKEDUMP_ARGS=\"-c \\\"-d\\\" \\$x\"\n", &kt), 0);
	CHECK_INT(kt.use_kdump, 1);
	CHECK_STR(kt.kdump_kernel, "/var/lib/kdump/vmlinuz");
	CHECK_STR(kt.kdump_initrd, "/var/lib/kdump/initrd.img");
	CHECK_STR(kt.coredir, "/var/crash");
	CHECK_STR(kt.makedump_args, "-c \"-d\" $x");

	/* a multi-line double-quoted value; the error line after it is right */
	CHECK_INT(kt_str("KDUMP_CMDLINE_APPEND=\"nr_cpus=1\n irqpoll\"\nMAKEDUMP_ARGS=-d\n", &kt), -EINVAL);
	CHECK_INT(kt.errline, 3);

	/* empty values mean the defaults, as ${VAR:=default} in kdump-config */
	CHECK_INT(kt_str("KDUMP_COREDIR=\nMAKEDUMP_ARGS=\"\"\n", &kt), 0);
	CHECK_STR(kt.coredir, "/var/crash");
	CHECK_INT(kt.has_coredir, 0);
	CHECK_INT(kt.dump_level, 31);

	CHECK_INT(kt_str("MAKEDUMP_ARGS=\"-c --message-level 1\"\n", &kt), 0);
	CHECK_INT(kt.dump_level, -1);
}

TEST(kdump_tools_malformed)
{
	static const struct {
		const char *text;
		unsigned line;
		const char *msg;
	} bad[] = {
		{ "USE_KDUMP=yes\n", 1, "USE_KDUMP must be 0 or 1" },
		{ "# c\nMAKEDUMP_ARGS=\"-c -d 47\"\n", 2, "MAKEDUMP_ARGS: dump level '47'" },
		{ "KDUMP_COREDIR=\"/var/crash\n", 1, "unterminated double quote" },
		{ "KDUMP_COREDIR='/var/crash\n", 1, "unterminated single quote" },
		{ "KDUMP_COREDIR=$(mktemp -d)\n", 1, "command substitution" },
		{ "KDUMP_COREDIR=`pwd`\n", 1, "command substitution" },
		{ "KDUMP_COREDIR=${X:-/var/crash}\n", 1, "parameter expansion" },
		{ "\n\nif true; then USE_KDUMP=1; fi\n", 3, "not a variable assignment" },
		{ "USE_KDUMP = 1\n", 1, "not a variable assignment" },
		{ "USE_KDUMP=1|cat\n", 1, "shell operator '|'" },
		{ "USE_KDUMP=1 | cat\n", 1, "not a variable assignment: '| cat'" },
		{ "9X=1\n", 1, "not a variable assignment" },
	};
	struct kdump_tools kt;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		printf("#   case %zu\n", i);
		CHECK_INT(kt_str(bad[i].text, &kt), -EINVAL);
		CHECK_INT(kt.errline, bad[i].line);
		CHECK(str_startswith(kt.errmsg, bad[i].msg));
	}
	CHECK_INT(kdump_tools_parse("USE_KDUMP=1\0\n", 13, &kt), -EINVAL);
	CHECK_STR(kt.errmsg, "NUL byte in value");
}

TEST(kdump_tools_hostile)
{
	struct kdump_tools kt;
	struct sbuf b;
	int i;

	/* doubling a variable is bounded */
	sbuf_init(&b);
	sbuf_puts(&b, "A=xxxxxxxxxxxxxxxx\n");
	for (i = 0; i < 40; i++)
		sbuf_puts(&b, "A=$A$A\n");
	CHECK_INT(kdump_tools_parse(b.s, b.len, &kt), -EINVAL);
	CHECK(strstr(kt.errmsg, "value longer") != NULL);
	sbuf_free(&b);
	/* too many variables */
	sbuf_init(&b);
	for (i = 0; i < 5000; i++)
		sbuf_printf(&b, "V%d=%d\n", i, i);
	CHECK_INT(kdump_tools_parse(b.s, b.len, &kt), -EINVAL);
	CHECK_INT(kt.errline, 1025);
	sbuf_free(&b);
	/* a value too long for the field */
	sbuf_init(&b);
	sbuf_puts(&b, "KDUMP_COREDIR=/");
	for (i = 0; i < 600; i++)
		sbuf_puts(&b, "a");
	CHECK_INT(kdump_tools_parse(b.s, b.len, &kt), -EINVAL);
	CHECK_STR(kt.errmsg, "KDUMP_COREDIR too long");
	sbuf_free(&b);
	CHECK_INT(kdump_tools_parse(NULL, 0, &kt), 0);
	CHECK_INT(kdump_tools_parse("\\", 1, &kt), -EINVAL);
	CHECK_INT(kdump_tools_parse("A=\\", 3, &kt), 0);
	CHECK_INT(kdump_tools_parse("A=\"\\", 4, &kt), -EINVAL);
	CHECK_INT(kdump_tools_parse("A=$", 3, &kt), 0);
	CHECK_INT(kdump_tools_parse("A=${", 4, &kt), -EINVAL);
}

UNIT_MAIN(T(rhel6_stock),
	  T(rhel7_stock),
	  T(targets_and_actions),
	  T(failure_and_final_actions_as_written),
	  T(remote_target_fields),
	  T(collector_forms),
	  T(collector_bad_levels),
	  T(broken_file_reports_first_problem_and_parses_rest),
	  T(malformed_lines),
	  T(hostile_sizes),
	  T(kdump_tools_debian12_stock),
	  T(kdump_tools_shell_forms),
	  T(kdump_tools_malformed),
	  T(kdump_tools_hostile))
