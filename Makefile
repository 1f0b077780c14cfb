# kdumpcheck - build, test and install.
#
#   make            build ./kdumpcheck
#   make run        install what the build lacks, build, run the preflight on this host
#   make check      install what the tests lack, build every variant, run every test
#   make bench      measure the preflight (and the tools that later verbs add)
#   make golden     rewrite the golden reports of tests/roots/ from ./kdumpcheck
#   make fuzz-campaign  run every fuzz target with libFuzzer (clang), figures in docs/fuzz.md
#   make install    DESTDIR=... PREFIX=/usr
#   make rpm        the source tarball, the SRPM and el6/el7 RPMs in build/rpm (make rpmlint: lint them)

VERSION    := 0.1.0
PREFIX     ?= /usr
SBINDIR    ?= $(PREFIX)/sbin
MANDIR     ?= $(PREFIX)/share/man
SYSCONFDIR ?= /etc
LIBEXECDIR ?= $(PREFIX)/libexec
UNITDIR    ?= /usr/lib/systemd/system
SYSV       ?= 0
DESTDIR    ?=
WITH_KMOD  ?= 1
# INIH=bundled builds the copy of inih under src/bundled/inih (EL6 and EL7 ship
# no inih package); INIH=system links the system's libinih.
INIH       ?= system
BUILD      ?= build/default
PKG_CONFIG ?= pkg-config
SANITIZE   ?=

# Libraries through pkg-config, with the plain -l form as a fallback for
# hosts whose packages ship no .pc file (inih on some EL builds).
pc_cflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pc_libs   = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null || echo $(2))

LIB_CFLAGS = $(call pc_cflags,libelf) $(call pc_cflags,json-c) $(call pc_cflags,libcrypto)
LIB_LIBS   = $(call pc_libs,libelf,-lelf) $(call pc_libs,json-c,-ljson-c)
# libcrypto is opened with dlopen() by the paths that hash (src/crypto.c): its
# headers at build time, and the soname of the library built against tried first.
CRYPTO_SONAME := $(shell objdump -p "$$($(CC) -print-file-name=libcrypto.so)" 2>/dev/null | \
	sed -n 's/^ *SONAME *//p')
ifeq ($(INIH),bundled)
LIB_CFLAGS += -Isrc/bundled/inih
else
LIB_CFLAGS += $(call pc_cflags,inih)
LIB_LIBS   += $(call pc_libs,inih,-linih)
endif
# libkmod is opened with dlopen() when a tainted kernel needs module facts:
# its headers at build time, -ldl at link time (glibc before 2.34 needs it).
# libblkid is opened the same way, on the live host, for a device udev has no link for.
ifeq ($(WITH_KMOD),1)
LIB_CFLAGS += $(call pc_cflags,libkmod)
endif
LIB_LIBS   += -ldl

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wpointer-arith -Wwrite-strings -Wundef -Wformat=2 -Wformat-security -Wvla \
	-Wno-format-nonliteral
ifneq ($(SANITIZE),)
SAN_FLAGS := -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=gnu99 -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 $(WARN) $(CFLAGS) $(SAN_FLAGS) \
	-DKDC_VERSION='"$(VERSION)"' -DWITH_KMOD=$(WITH_KMOD) -DSYSCONFDIR='"$(SYSCONFDIR)"' \
	-DCRYPTO_SONAME='"$(CRYPTO_SONAME)"' \
	-Isrc $(LIB_CFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(SAN_FLAGS)

SRCS      := $(sort $(wildcard src/*.c src/*/*.c))
ifeq ($(INIH),bundled)
SRCS      += src/bundled/inih/ini.c
endif
LIB_SRCS  := $(filter-out src/main.c,$(SRCS))
OBJS      := $(SRCS:%.c=$(BUILD)/obj/%.o)
LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
UNIT_SRCS := $(sort $(wildcard tests/unit/test-*.c))
UNITS     := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz-*.c))
FUZZERS   := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/tests/%)
BIN       := $(BUILD)/kdumpcheck

.PHONY: all bin units deps deps-test run check check-quick bench golden install clean
.DEFAULT_GOAL := all

all: kdumpcheck

# a new inode: a kdumpcheck running meanwhile keeps its text
kdumpcheck: $(BIN)
	cp $(BIN) $@.tmp && mv -f $@.tmp $@

bin: $(BIN)
units: $(UNITS) $(FUZZERS)

$(BIN): $(OBJS)
	$(CC) -o $@ $(OBJS) $(ALL_LDFLAGS) $(LIB_LIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(LIB_OBJS) $(ALL_LDFLAGS) $(LIB_LIBS)

# Fuzz targets, linked with a plain main() that replays their corpus (clang's
# libFuzzer is only needed to fuzz: make fuzz).
$(BUILD)/tests/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/replay.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB_OBJS) $(ALL_LDFLAGS) $(LIB_LIBS)

# The fuzz targets share tests/fuzz/fuzz.h.
$(FUZZERS): tests/fuzz/fuzz.h

# The same targets linked with libFuzzer (CC=clang SANITIZE=fuzzer-no-link,...),
# as tests/fuzz/campaign.sh builds them in build/fuzz.
$(BUILD)/libfuzzer/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.h $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB_OBJS) $(ALL_LDFLAGS) $(LIB_LIBS)

-include $(OBJS:.o=.d)

# Dependencies: installed only when missing (root on Debian/EL), else a no-op.
deps:
	@sh packaging/install-deps.sh build
deps-test:
	@sh packaging/install-deps.sh test

run: deps
	@$(MAKE) --no-print-directory all
	./kdumpcheck check

# Every variant: the release build, ASan+UBSan, and without libkmod.
check: deps-test
	@$(MAKE) --no-print-directory all units
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=address,undefined CFLAGS="-O1 -g" bin units
	@$(MAKE) --no-print-directory BUILD=build/nokmod WITH_KMOD=0 bin units
	@sh tests/run-suite.sh

# The release build only, no sanitizers or valgrind: for quick iterations.
check-quick: deps-test
	@$(MAKE) --no-print-directory all units
	@QUICK=1 sh tests/run-suite.sh

# Fuzzing with clang's libFuzzer, ASan and UBSan, one target at a time
# (tests/fuzz/campaign.sh). fuzz-campaign writes its figures to docs/fuzz.md;
# fuzz is a shorter run whose table stays in build/fuzz/fuzz.md.
#   make fuzz-campaign [FUZZ_RUNS=10000000] [FUZZ_TARGETS="crashkernel iomem"] [FUZZ_MINIMIZE=1]
FUZZ_RUNS     ?= 10000000
FUZZ_TARGETS  ?=
FUZZ_MINIMIZE ?= 0
.PHONY: fuzz fuzz-campaign
fuzz-campaign:
	@FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_TARGETS="$(FUZZ_TARGETS)" FUZZ_MINIMIZE=$(FUZZ_MINIMIZE) \
		FUZZ_REPORT=docs/fuzz.md sh tests/fuzz/campaign.sh

fuzz:
	@FUZZ_RUNS=$(if $(filter command line,$(origin FUZZ_RUNS)),$(FUZZ_RUNS),1000000) \
		FUZZ_TARGETS="$(FUZZ_TARGETS)" FUZZ_MINIMIZE=$(FUZZ_MINIMIZE) \
		FUZZ_REPORT=build/fuzz/fuzz.md sh tests/fuzz/campaign.sh

bench: deps-test
	@$(MAKE) --no-print-directory all
	@sh tests/bench.sh

# After an intended change of a report: rewrite every case's expected,
# expected.txt and expected.json; review them with git diff tests/roots.
golden: all
	@bash tests/golden.sh --update

# SYSV=1 (CentOS 6): the init script and the cron entry instead of systemd units.
install: all
	install -D -m 0755 kdumpcheck $(DESTDIR)$(SBINDIR)/kdumpcheck
	install -D -m 0644 docs/kdumpcheck.8 $(DESTDIR)$(MANDIR)/man8/kdumpcheck.8
	install -D -m 0755 packaging/kdumpcheck-report $(DESTDIR)$(LIBEXECDIR)/kdumpcheck/kdumpcheck-report
	install -D -m 0755 packaging/kdumpcheck-kdump-post $(DESTDIR)$(LIBEXECDIR)/kdumpcheck/kdumpcheck-kdump-post
ifeq ($(SYSV),1)
	install -D -m 0755 packaging/kdumpcheck.init $(DESTDIR)$(SYSCONFDIR)/rc.d/init.d/kdumpcheck
	install -D -m 0644 packaging/kdumpcheck.cron $(DESTDIR)$(SYSCONFDIR)/cron.d/kdumpcheck
else
	install -D -m 0644 systemd/kdumpcheck-harvest.service $(DESTDIR)$(UNITDIR)/kdumpcheck-harvest.service
	install -D -m 0644 systemd/kdumpcheck-check.service $(DESTDIR)$(UNITDIR)/kdumpcheck-check.service
	install -D -m 0644 systemd/kdumpcheck-check.timer $(DESTDIR)$(UNITDIR)/kdumpcheck-check.timer
endif
	@if [ -e $(DESTDIR)$(SYSCONFDIR)/kdumpcheck.conf ]; then \
		echo "keeping $(DESTDIR)$(SYSCONFDIR)/kdumpcheck.conf"; \
	else \
		install -D -m 0644 conf/kdumpcheck.conf $(DESTDIR)$(SYSCONFDIR)/kdumpcheck.conf; \
	fi

clean:
	rm -rf build kdumpcheck

# ---------------------------------------------------------------------------
# RPMs for CentOS/RHEL 6 and 7 (packaging/kdumpcheck.spec, packaging/README.RPM):
# the source tarball of the tracked tree (with its uncommitted changes), the
# SRPM, and the el6 and el7 binary RPMs rebuilt from that SRPM, all under
# build/rpm. The binary RPMs prove the spec; a real el6/el7 package is
# `rpmbuild --rebuild` of the SRPM there. RPMBUILD_OPTS=--nocheck skips %check.
# --nodeps: this host's rpm database knows no build dependencies. Payloads are
# gzip, which EL6's rpm 4.8 reads (it cannot read zstd).
RPM_TOPDIR   ?= $(CURDIR)/build/rpm
RPM_RELEASES ?= 6 7
RPMBUILD_OPTS ?=
RPM_SPEC      = $(RPM_TOPDIR)/kdumpcheck.spec
RPM_TARBALL   = $(RPM_TOPDIR)/kdumpcheck-$(VERSION).tar.gz
RPM_SRPM      = $(RPM_TOPDIR)/SRPMS/kdumpcheck-$(VERSION)-1.src.rpm
# _build_id_links none: EL6 and EL7's rpm make no /usr/lib/.build-id links.
# brp-compress under bash: Debian 12's copy uses bash's read -d under #!/bin/sh
# and leaves the man page uncompressed when sh is dash.
RPMBUILD      = rpmbuild --define "_topdir $(RPM_TOPDIR)" --define "_build_id_links none" \
	--define "__brp_compress bash /usr/lib/rpm/brp-compress %{_prefix}" \
	--define "_source_payload w9.gzdio" --define "_binary_payload w9.gzdio" $(RPMBUILD_OPTS)
.PHONY: rpm srpm rpm-tarball rpmlint
# The spec and the tarball stay beside SPECS/ and SOURCES/, which --rebuild empties.
rpm-tarball:
	@command -v rpmbuild >/dev/null || { echo "kdumpcheck: make rpm needs rpmbuild (make deps-test as root installs it)" >&2; exit 1; }
	@git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "kdumpcheck: make rpm: not a git checkout" >&2; exit 1; }
	@rm -rf $(addprefix $(RPM_TOPDIR)/,BUILD BUILDROOT RPMS SRPMS SOURCES SPECS log) $(RPM_SPEC)
	@mkdir -p $(RPM_TOPDIR)/SOURCES $(RPM_TOPDIR)/log
	sed 's/@VERSION@/$(VERSION)/g' packaging/kdumpcheck.spec >$(RPM_SPEC)
	git ls-files -z | tar --null --no-recursion -T - --transform 's,^,kdumpcheck-$(VERSION)/,rSH' \
		--owner=0 --group=0 --numeric-owner -cf $(RPM_TARBALL).tar
	gzip -n -9 -c $(RPM_TARBALL).tar >$(RPM_TARBALL).tmp
	rm -f $(RPM_TARBALL).tar
	mv -f $(RPM_TARBALL).tmp $(RPM_TARBALL)

srpm: rpm-tarball
	cp $(RPM_TARBALL) $(RPM_TOPDIR)/SOURCES/
	$(RPMBUILD) --nodeps -bs $(RPM_SPEC)

rpm: srpm
	@set -e; for r in $(RPM_RELEASES); do \
		echo "rpmbuild --rebuild for el$$r (log: $(RPM_TOPDIR)/log/el$$r.log)"; \
		$(RPMBUILD) --define "rhel $$r" --define "dist .el$$r" --nodeps --rebuild $(RPM_SRPM) \
			>$(RPM_TOPDIR)/log/el$$r.log 2>&1 || { tail -n 40 $(RPM_TOPDIR)/log/el$$r.log; exit 1; }; \
	done
	@find $(RPM_TOPDIR)/SRPMS $(RPM_TOPDIR)/RPMS -name '*.rpm' | sort

# rpmlint of the spec, the SRPM and the RPMs; packaging/rpmlintrc says why each filter.
rpmlint:
	rpmlint -r packaging/rpmlintrc $(RPM_SPEC) $(RPM_SRPM) $(RPM_TOPDIR)/RPMS/*/kdumpcheck-$(VERSION)-*.rpm

# ---------------------------------------------------------------------------
# VM harness (tests/vm): a real crash-and-capture cycle of Debian's kernel
# under QEMU with ./kdumpcheck in both kernels; see docs/vm.md. Installs what
# it lacks as root, downloads the kernel with apt-get into build/vm.
# check-vm-debug also opens every dump with drgn and the -dbg vmlinux.
.PHONY: check-vm check-vm-debug
check-vm: deps
	@$(MAKE) --no-print-directory all
	@bash tests/vm/run.sh

check-vm-debug: deps
	@$(MAKE) --no-print-directory all
	@bash tests/vm/run.sh --debug

# check-vm-grub: opt-in, not part of check-vm (2.5 minutes warm under TCG): a
# Debian 12 disk booted through a real GRUB 2 without crashkernel=, then
# kdumpcheck fix --apply, a reboot, kdumpcheck test and harvest (tests/vm/README.md).
.PHONY: check-vm-grub
check-vm-grub: deps
	@$(MAKE) --no-print-directory all
	@bash tests/vm/run.sh grubfix
