/* test-kdumpconf.c - /etc/kdump.conf (RHEL 6/7), /etc/sysconfig/kdump and /etc/default/kdump-tools (Debian 12) parsing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "parse/kdumpconf.h"
#include "parse/kdumpsys.h"
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
	CHECK_STR(kc.errmsg, "unknown directive 'dump_level' (in no release of kdump.conf(5)): \"dump_level 31\"");
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
	/* a DOS line ending: kdumpctl's read keeps the CR in the value; a CR in a comment is harmless */
	CHECK_INT(kc_str("# saved on Windows\r\npath /var/crash # here\r\ncore_collector makedumpfile -d 31\r\n", &kc), -EINVAL);
	CHECK_INT(kc.errline, 3);
	CHECK(strstr(kc.errmsg, "carriage return") != NULL);
	CHECK_INT(kc.dump_level, 31);
	CHECK_INT(kdump_conf_parse("path /a\0b\n", 10, &kc), -EINVAL);
	CHECK_STR(kc.errmsg, "NUL byte in line");
	CHECK_INT(kc_str("\x01\xff\xfe garbage\n", &kc), -EINVAL);
	CHECK(str_startswith(kc.errmsg, "unknown directive '\\x01\\xff\\xfe'"));
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
		{ "# saved on Windows\r\nUSE_KDUMP=1\r\n", 2, "USE_KDUMP holds a carriage return" },
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

/*
 * Every directive form of kdump.conf (EL6, EL7, newer), what the rest of the
 * tool reads from it (initramfs inputs, fence_kdump), unsupported lines
 * quoted, /etc/sysconfig/kdump of EL6 and EL7, the kdump-tools variables of
 * the remote dump, and rd.driver.pre= lookup.
 */

static struct kdump_conf fkc;
static struct kdump_tools fkt;
static struct kdump_sysconfig fks;

/* Parse a kdump.conf given as a C string into fkc. */
static int fkc_str(const char *s)
{
	return kdump_conf_parse(s, strlen(s), &fkc);
}

TEST(every_directive_parses)
{
	static const char *const lines[] = {
		"raw /dev/sdb1", "nfs my.server.com:/export/tmp", "nfs4 my.server.com:/export/tmp",
		"net my.server.com:/export/tmp", "net user@my.server.com", "ssh user@my.server.com",
		"virtiofs myfs", "ext2 /dev/sdb1", "ext3 LABEL=/boot", "ext4 UUID=03138356-5e61-4ab3-b58e-27507ac41937",
		"xfs /dev/mapper/vg-crash", "btrfs /dev/sdc", "minix /dev/sdd", "sshkey /root/.ssh/kdump_id_rsa",
		"path /var/crash", "core_collector makedumpfile -l --message-level 1 -d 31",
		"kdump_post /var/crash/scripts/kdump-post.sh", "kdump_pre /var/crash/scripts/kdump-pre.sh",
		"extra_bins /usr/bin/lftp", "extra_modules gfs2", "default shell", "failure_action dump_to_rootfs",
		"final_action poweroff", "fence_kdump_args -p 7410 -f auto -c 0 -i 10",
		"fence_kdump_nodes node1 node2", "link_delay 60", "disk_timeout 30", "debug_mem_level 0",
		"blacklist gfs2", "options bnx2x disable_tpa=1", "force_rebuild 1", "force_no_rebuild 0",
		"dracut_args --omit-drivers \"cfg80211 snd\" --add-drivers \"ext2 ext3\"",
		"override_resettable 1", "auto_reset_crashkernel yes",
	};
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		printf("#   %s\n", lines[i]);
		CHECK_INT(fkc_str(lines[i]), 0);
		CHECK_INT(fkc.errline, 0);
	}
}

TEST(releases_of_directives)
{
	CHECK_INT(kc_directive_releases("net"), KC_EL6);
	CHECK_INT(kc_directive_releases("nfs4"), KC_EL6);
	CHECK_INT(kc_directive_releases("options"), KC_EL6);
	CHECK_INT(kc_directive_releases("link_delay"), KC_EL6);
	CHECK_INT(kc_directive_releases("dracut_args"), KC_EL7 | KC_NEWER);
	CHECK_INT(kc_directive_releases("failure_action"), KC_EL7 | KC_NEWER);
	CHECK_INT(kc_directive_releases("virtiofs"), KC_NEWER);
	CHECK_INT(kc_directive_releases("path"), KC_EL6 | KC_EL7 | KC_NEWER);
	CHECK_INT(kc_directive_releases("vfat"), 0);
	CHECK_INT(kc_directive_releases(NULL), 0);
	/* the first EL6-only directive, and the first EL6 lacks, with their lines */
	CHECK_INT(fkc_str("path /var/crash\nnet filer:/crash\nlink_delay 30\ndracut_args -o plymouth\n"), 0);
	CHECK_STR(fkc.el6_only, "net");
	CHECK_INT(fkc.el6_only_line, 2);
	CHECK_STR(fkc.not_el6, "dracut_args");
	CHECK_INT(fkc.not_el6_line, 4);
	CHECK_STR(fkc.target_type, "nfs");
	CHECK_INT(fkc_str("nfs4 filer:/crash\n"), 0);
	CHECK_STR(fkc.el6_only, "nfs4");
	CHECK_STR(fkc.not_el6, "");
}

TEST(initramfs_inputs_and_fence)
{
	CHECK_INT(fkc_str("extra_bins /usr/bin/lftp /usr/local/bin/notify\n"
			 "kdump_post /var/crash/scripts/kdump-post.sh --verbose\n"
			 "kdump_pre /var/crash/scripts/pre1.sh\nkdump_pre /var/crash/scripts/pre2.sh\n"
			 "extra_modules gfs2\nextra_modules hpwdt\n"
			 "dracut_args --add-drivers \"hpwdt\"\n"
			 "fence_kdump_nodes node2.example.com 192.168.0.3\n"
			 "fence_kdump_args -p 7410 -f auto\nforce_rebuild 1\nforce_no_rebuild 0\n"), 0);
	CHECK_INT(fkc.n_extra_bins, 2);
	CHECK_STR(fkc.extra_bins[0].text, "/usr/bin/lftp");
	CHECK_STR(fkc.extra_bins[1].text, "/usr/local/bin/notify");
	CHECK_INT(fkc.extra_bins[1].line, 1);
	CHECK_INT(fkc.n_kdump_post, 1);
	CHECK_STR(fkc.kdump_post[0].text, "/var/crash/scripts/kdump-post.sh");
	CHECK_INT(fkc.kdump_post[0].line, 2);
	CHECK_INT(fkc.n_kdump_pre, 2);
	CHECK_STR(fkc.kdump_pre[1].text, "/var/crash/scripts/pre2.sh");
	CHECK_INT(fkc.kdump_pre[1].line, 4);
	CHECK_STR(fkc.extra_modules, "gfs2 hpwdt");
	CHECK_INT(fkc.extra_modules_line, 6);
	CHECK_STR(fkc.dracut_args, "--add-drivers \"hpwdt\"");
	CHECK_INT(fkc.n_fence_nodes, 2);
	CHECK_STR(fkc.fence_nodes[1].text, "192.168.0.3");
	CHECK_INT(fkc.fence_nodes[0].line, 8);
	CHECK_STR(fkc.fence_args, "-p 7410 -f auto");
	CHECK_INT(fkc.force_rebuild, 1);
	CHECK_INT(fkc.force_no_rebuild, 0);
	CHECK_INT(fkc_str("path /var/crash\n"), 0);
	CHECK_INT(fkc.force_rebuild, -1);
	CHECK_INT(fkc.n_fence_nodes, 0);
}

TEST(unsupported_lines_are_quoted)
{
	static const char *const fs[] = { "vfat", "tmpfs", "cifs", "ntfs", "f2fs", "zfs" };
	char line[64], want[200];
	size_t i;

	for (i = 0; i < sizeof(fs) / sizeof(fs[0]); i++) {
		snprintf(line, sizeof(line), "path /crash\n%s /dev/sdb1   # the USB disk\n", fs[i]);
		CHECK_INT(fkc_str(line), -EINVAL);
		CHECK_INT(fkc.errline, 2);
		snprintf(want, sizeof(want), "unsupported dump target type '%s'", fs[i]);
		CHECK(str_startswith(fkc.errmsg, want));
		snprintf(want, sizeof(want), ": \"%s /dev/sdb1\"", fs[i]);
		CHECK(strstr(fkc.errmsg, want) != NULL);
		CHECK_STR(fkc.target_type, "");
	}
	CHECK_INT(fkc_str("mdfs /dev/md0\n"), -EINVAL);
	CHECK_STR(fkc.errmsg, "unknown directive 'mdfs' (in no release of kdump.conf(5)): \"mdfs /dev/md0\"");
	/* control bytes of the line are escaped in the quote */
	CHECK_INT(fkc_str("bogus a\x1b[31mb\n"), -EINVAL);
	CHECK(strstr(fkc.errmsg, "\"bogus a\\x1b[31mb\"") != NULL);
	/* a very long line is cut in the quote, the message stays terminated */
	{
		char *big = malloc(5000);
		CHECK(big != NULL);
		memset(big, 'x', 4999);
		big[4999] = '\0';
		CHECK_INT(fkc_str(big), -EINVAL);
		CHECK(strlen(fkc.errmsg) < sizeof(fkc.errmsg));
		free(big);
	}
}

TEST(list_bounds_and_missing_arguments)
{
	char text[4096];
	size_t n = 0, i;

	n += (size_t)snprintf(text + n, sizeof(text) - n, "extra_bins");
	for (i = 0; i <= KC_MAX_FILES; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, " /bin/b%zu", i);
	snprintf(text + n, sizeof(text) - n, "\n");
	CHECK_INT(fkc_str(text), -EINVAL);
	CHECK(strstr(fkc.errmsg, "extra_bins: more than") != NULL);
	CHECK_INT(fkc.n_extra_bins, KC_MAX_FILES);
	n = 0;
	for (i = 0; i <= KC_MAX_HOOKS; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "kdump_post /s%zu\n", i);
	CHECK_INT(fkc_str(text), -EINVAL);
	CHECK_INT(fkc.errline, KC_MAX_HOOKS + 1);
	CHECK_INT(fkc_str("kdump_post\n"), -EINVAL);
	CHECK_STR(fkc.errmsg, "kdump_post: missing argument");
	CHECK_INT(fkc_str("fence_kdump_nodes   # none\n"), -EINVAL);
	CHECK_INT(fkc_str("extra_modules a\nforce_no_rebuild 2\n"), -EINVAL);
	CHECK_INT(fkc.errline, 2);
	CHECK_STR(fkc.extra_modules, "a");
}

TEST(sample_files_el6_el7)
{
	size_t len;
	char *text = fixture("rhel7", "/etc/sysconfig/kdump", &len);

	CHECK(text != NULL);
	CHECK_INT(kdump_sysconfig_parse(text, len, &fks), 0);
	CHECK_STR(fks.commandline, "");
	CHECK(str_startswith(fks.append, "irqpoll nr_cpus=1 reset_devices"));
	CHECK(fks.append_line > 0);
	CHECK_STR(fks.remove, "hugepages hugepagesz slub_debug quiet log_buf_len swiotlb");
	CHECK_STR(fks.img, "vmlinuz");
	CHECK_STR(fks.img_ext, "");
	free(text);
	text = fixture("rhel6", "/etc/sysconfig/kdump", &len);
	CHECK(text != NULL);
	CHECK_INT(kdump_sysconfig_parse(text, len, &fks), 0);
	CHECK_STR(fks.append, "irqpoll nr_cpus=1 reset_devices cgroup_disable=memory mce=off ");
	CHECK_STR(fks.remove, "");
	free(text);
	/* the EL6 and EL7 sample kdump.conf files have no initramfs inputs or fence nodes */
	text = fixture("rhel7", "/etc/kdump.conf", &len);
	CHECK(text != NULL);
	CHECK_INT(kdump_conf_parse(text, len, &fkc), 0);
	CHECK_INT(fkc.n_extra_bins + fkc.n_kdump_pre + fkc.n_kdump_post + fkc.n_fence_nodes, 0);
	CHECK_STR(fkc.el6_only, "");
	free(text);
	text = fixture("rhel6", "/etc/kdump.conf", &len);
	CHECK(text != NULL);
	CHECK_INT(kdump_conf_parse(text, len, &fkc), 0);
	CHECK_STR(fkc.not_el6, "");
	free(text);
}

TEST(sysconfig_shell_forms_and_errors)
{
	const char *s = "KDUMP_COMMANDLINE_APPEND=\"irqpoll nr_cpus=1\"\n"
			"KDUMP_COMMANDLINE_APPEND=\"$KDUMP_COMMANDLINE_APPEND rd.driver.pre=hpwdt\"\n"
			"KDUMP_IMG=vmlinux; KDUMP_IMG_EXT='.gz'\nKEXEC_ARGS=\"-s\"\nKDUMP_KERNELVER=3.10.0-1160.el7.x86_64\n";

	CHECK_INT(kdump_sysconfig_parse(s, strlen(s), &fks), 0);
	CHECK_STR(fks.append, "irqpoll nr_cpus=1 rd.driver.pre=hpwdt");
	CHECK_INT(fks.append_line, 2);
	CHECK_STR(fks.img, "vmlinux");
	CHECK_STR(fks.img_ext, ".gz");
	CHECK_STR(fks.kexec_args, "-s");
	CHECK_STR(fks.kernelver, "3.10.0-1160.el7.x86_64");
	CHECK_INT(kdump_sysconfig_parse(NULL, 0, &fks), 0);
	CHECK_STR(fks.img, "vmlinuz");
	s = "KDUMP_COMMANDLINE_APPEND=\"unterminated\n";
	CHECK_INT(kdump_sysconfig_parse(s, strlen(s), &fks), -EINVAL);
	CHECK(fks.errline > 0 && fks.errmsg[0]);
	{
		char big[200];
		memset(big, 'a', sizeof(big));
		memcpy(big, "KDUMP_IMG=", 10);
		CHECK_INT(kdump_sysconfig_parse(big, sizeof(big), &fks), -EINVAL);
		CHECK(strstr(fks.errmsg, "KDUMP_IMG longer") != NULL);
	}
	/* a quoted value too long for its field that runs to the last line: the error names the assignment's line */
	{
		char big[300];
		memset(big, 'a', sizeof(big));
		memcpy(big, "A=1\nKDUMP_KERNELVER=\"", 21);
		memcpy(big + sizeof(big) - 3, "\"\n", 3);
		big[100] = '\n';
		CHECK_INT(kdump_sysconfig_parse(big, sizeof(big) - 1, &fks), -EINVAL);
		CHECK_INT(fks.errline, 2);
		CHECK(strstr(fks.errmsg, "KDUMP_KERNELVER longer") != NULL);
	}
}

TEST(driver_pre_lookup)
{
	CHECK_INT(cmdline_driver_pre("irqpoll rd.driver.pre=hpwdt nr_cpus=1", "hpwdt"), 1);
	CHECK_INT(cmdline_driver_pre("rd.driver.pre=loop,iTCO_wdt", "iTCO_wdt"), 1);
	CHECK_INT(cmdline_driver_pre("rd.driver.pre=sp5100-tco", "sp5100_tco"), 1);
	CHECK_INT(cmdline_driver_pre("rd.driver.pre=hpwdtx", "hpwdt"), 0);
	CHECK_INT(cmdline_driver_pre("rd.driver.pre=", "hpwdt"), 0);
	CHECK_INT(cmdline_driver_pre("xrd.driver.pre=hpwdt", "hpwdt"), 0);
	CHECK_INT(cmdline_driver_pre("rd.driver.blacklist=hpwdt", "hpwdt"), 0);
	CHECK_INT(cmdline_driver_pre("", "hpwdt"), 0);
	CHECK_INT(cmdline_driver_pre(NULL, "hpwdt"), 0);
	CHECK_INT(cmdline_driver_pre("rd.driver.pre=hpwdt", ""), 0);
}

TEST(kdump_tools_remote_and_capture_vars)
{
	const char *s = "SSH=\"kdump@backup\"\nHOSTTAG=hostname\nKDUMP_NUM_DUMPS=5\nNFS_TIMEO=900\n"
			"NFS_RETRANS=5\nKDUMP_CMDLINE_APPEND=\"nr_cpus=1 rd.driver.pre=iTCO_wdt\"\n"
			"KDUMP_SYSCTL=\"kernel.panic_on_oops=1 kernel.hung_task_panic=1\"\n";

	CHECK_INT(kdump_tools_parse(s, strlen(s), &fkt), 0);
	CHECK_STR(fkt.hosttag, "hostname");
	CHECK_INT(fkt.num_dumps, 5);
	CHECK_INT(fkt.nfs_timeo, 900);
	CHECK_INT(fkt.nfs_retrans, 5);
	CHECK_INT(fkt.has_cmdline_append, 1);
	CHECK_STR(fkt.cmdline_append, "nr_cpus=1 rd.driver.pre=iTCO_wdt");
	CHECK_STR(fkt.sysctl, "kernel.panic_on_oops=1 kernel.hung_task_panic=1");
	/* kdump-config's defaults */
	CHECK_INT(kdump_tools_parse("USE_KDUMP=1\n", 12, &fkt), 0);
	CHECK_STR(fkt.hosttag, "ip");
	CHECK_INT(fkt.num_dumps, 0);
	CHECK_INT(fkt.nfs_timeo, 600);
	CHECK_INT(fkt.nfs_retrans, 3);
	CHECK_INT(fkt.has_cmdline_append, 0);
	CHECK_STR(fkt.sysctl, "kernel.panic_on_oops=1");
	CHECK_INT(kdump_tools_parse("HOSTTAG=\"\"\n", 11, &fkt), 0);
	CHECK_STR(fkt.hosttag, "ip");
	/* malformed */
	CHECK_INT(kdump_tools_parse("HOSTTAG=fqdn\n", 13, &fkt), -EINVAL);
	CHECK_INT(fkt.errline, 1);
	CHECK(strstr(fkt.errmsg, "HOSTTAG must be hostname or ip") != NULL);
	CHECK_INT(kdump_tools_parse("\nKDUMP_NUM_DUMPS=five\n", 22, &fkt), -EINVAL);
	CHECK_INT(fkt.errline, 2);
	CHECK_INT(kdump_tools_parse("NFS_TIMEO=-1\n", 13, &fkt), -EINVAL);
	CHECK_INT(kdump_tools_parse("NFS_RETRANS=9999999999\n", 23, &fkt), -EINVAL);
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
	  T(kdump_tools_hostile),
	  T(every_directive_parses),
	  T(releases_of_directives),
	  T(initramfs_inputs_and_fence),
	  T(unsupported_lines_are_quoted),
	  T(list_bounds_and_missing_arguments),
	  T(sample_files_el6_el7),
	  T(sysconfig_shell_forms_and_errors),
	  T(driver_pre_lookup),
	  T(kdump_tools_remote_and_capture_vars))
