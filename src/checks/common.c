/* common.c - helpers the check groups share. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "checks/common.h"
#include "root.h"
#include "util.h"

void quote(const char *p, size_t n, char *out, size_t outlen)
{
	char buf[800];

	while (n && (p[n - 1] == '\n' || p[n - 1] == ' '))
		n--;
	quote_bytes(p, n, buf, outlen < sizeof(buf) ? outlen : sizeof(buf));
	xstrlcpy(out, buf, outlen);
}

void size_words(uint64_t bytes, char *out, size_t outlen)
{
	char h[32];

	fmt_size(bytes, h, sizeof(h));
	snprintf(out, outlen, "%s (%llu bytes)", h, (unsigned long long)bytes);
}

void remedy_crashkernel(struct ctx *c, struct result *res, const char *size)
{
	switch (c->host.family) {
	case HOST_EL6:
		res_remedy(res, "grubby --update-kernel=ALL --args=\"crashkernel=%s\" && reboot", size);
		break;
	case HOST_EL7:
		res_remedy(res, "grubby --update-kernel=ALL --args=\"crashkernel=%s\" && "
			   "sed -i 's/crashkernel=[^ \"]*//; s/^GRUB_CMDLINE_LINUX=\"/&crashkernel=%s /' /etc/default/grub && reboot",
			   size, size);
		break;
	case HOST_DEBIAN:
		res_remedy(res, "echo 'GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT crashkernel=%s\"' "
			   "> /etc/default/grub.d/kdump-tools.cfg && update-grub && reboot", size);
		break;
	default:
		res_remedy(res, "add crashkernel=%s to the kernel command line in the bootloader config, then reboot", size);
		break;
	}
}

const char *errstr(int e)
{
	return root_strerror(e);
}


/* The kdump initramfs and the config it must be newer than, for this family. */
int kdump_files(const struct ctx *c, char *img, size_t imglen, const char **conf)
{
	const char *rel = c->host.release;

	switch (c->host.family) {
	case HOST_EL6:
		*conf = "/etc/kdump.conf";
		return xsnprintf(img, imglen, "/boot/initrd-%skdump.img", rel);
	case HOST_EL7:
		*conf = "/etc/kdump.conf";
		return xsnprintf(img, imglen, "/boot/initramfs-%skdump.img", rel);
	case HOST_DEBIAN:
		*conf = "/etc/default/kdump-tools";
		return xsnprintf(img, imglen, "/var/lib/kdump/initrd.img-%s", rel);
	default:
		return -ENOENT;
	}
}

int need_ram(struct ctx *c, struct result *res)
{
	if (c->host.mem_total)
		return 0;
	if (c->host.meminfo_err == -EINVAL)
		res_set(res, ST_FAIL, "/proc/meminfo does not parse (line %u): RAM size unknown", c->host.meminfo_line);
	else
		res_set(res, ST_SKIP, "no /proc/meminfo: RAM size unknown");
	return -1;
}

void sh_quote(const char *s, char *out, size_t outlen)
{
	static const char safe[] = "@%+=:,./-_";
	struct sbuf b;
	const char *p;
	int plain = *s != '\0';

	for (p = s; *p && plain; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			strchr(safe, *p) != NULL;
	if (plain) {
		xstrlcpy(out, s, outlen);
		return;
	}
	sbuf_init(&b);
	sbuf_add(&b, "'", 1);
	for (p = s; *p; p++) {
		if (*p == '\'')
			sbuf_puts(&b, "'\\''");
		else
			sbuf_add(&b, p, 1);
	}
	sbuf_add(&b, "'", 1);
	/* cut short, a quote would stay open: a word that cannot be pasted by mistake instead */
	xstrlcpy(out, b.len < outlen ? sbuf_str(&b) : outlen > 26 ? "'(word too long to quote)'" : outlen > 2 ? "''" : "",
		 outlen);
	sbuf_free(&b);
}

const char *kdump_reload_cmd(const struct ctx *c)
{
	switch (c->host.family) {
	case HOST_EL6: return "service kdump restart";
	case HOST_EL7: return "systemctl restart kdump";
	case HOST_DEBIAN: return "kdump-config load";
	default: return c->host.systemd ? "systemctl restart kdump" : "service kdump restart";
	}
}

void res_remedy_clear(struct result *res)
{
	res->remedy[0] = '\0';
	res->argvlen = 0;
	res->ncmd = 0;
	res->shell = 0;
}

/* Append " && " between steps of the text remedy. */
static void remedy_sep(struct result *res)
{
	size_t n = strlen(res->remedy);

	if (n)
		xstrlcpy(res->remedy + n, " && ", sizeof(res->remedy) - n);
}

void res_remedy_argv(struct result *res, const char *const *argv)
{
	char q[1024];
	size_t i, n, len = res->argvlen;
	int fits = res->ncmd < REMEDY_MAX_CMDS;

	remedy_sep(res);
	for (i = 0; argv[i]; i++) {
		n = strlen(argv[i]) + 1;
		if (len + n > sizeof(res->argv) || i >= 255)
			fits = 0;
		else
			memcpy(res->argv + len, argv[i], n);
		len += n;
		sh_quote(argv[i], q, sizeof(q));
		n = strlen(res->remedy);
		xsnprintf(res->remedy + n, sizeof(res->remedy) - n, "%s%s", i ? " " : "", q);
	}
	if (!fits || !i || strlen(res->remedy) + 1 >= sizeof(res->remedy)) {
		res->shell = 1;	/* cut short: the text alone, no argv that says less */
		return;
	}
	res->argc[res->ncmd++] = (unsigned char)i;
	res->argvlen = len;
}

void res_remedy_cmd(struct result *res, const char *arg0, ...)
{
	const char *argv[64];
	size_t n = 0;
	va_list ap;

	va_start(ap, arg0);
	for (argv[n] = arg0; argv[n] && n + 1 < sizeof(argv) / sizeof(argv[0]);)
		argv[++n] = va_arg(ap, const char *);
	va_end(ap);
	argv[n] = NULL;
	res_remedy_argv(res, argv);
}

void res_remedy_words(struct result *res, const char *line)
{
	char buf[512], *words[32], *save = NULL, *w;
	size_t n = 0;

	xstrlcpy(buf, line, sizeof(buf));
	for (w = strtok_r(buf, " ", &save);; w = strtok_r(NULL, " ", &save)) {
		if (w && strcmp(w, "&&") && n + 1 < sizeof(words) / sizeof(words[0])) {
			words[n++] = w;
			continue;
		}
		words[n] = NULL;
		if (n)
			res_remedy_argv(res, (const char *const *)words);
		n = 0;
		if (!w)
			break;
	}
}

void res_remedy_sh(struct result *res, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	remedy_sep(res);
	n = strlen(res->remedy);
	va_start(ap, fmt);
	vsnprintf(res->remedy + n, sizeof(res->remedy) - n, fmt, ap);
	va_end(ap);
	res->shell = 1;
}
