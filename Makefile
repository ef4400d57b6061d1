# suture: a static site generator for a clinic's patient-information site.
#
#   make            build build/suture (installing missing Debian packages first)
#   make site       build the site from content/ into site/
#   make test       unit tests and end-to-end tests (cmocka)
#   make unit       the unit tests alone; make e2e: the end-to-end tests alone
#   make check      lint content/ against the compliance rules and verify site/
#   make compliance-eval   precision and recall of the rules on tests/compliance/corpus.tsv
#   make bench      time suture check (and build) over a generated 10,000-article corpus
#   make asan       the tests again under AddressSanitizer and UndefinedBehaviorSanitizer
#   make valgrind   the end-to-end tests under valgrind
#   make fuzz       each libFuzzer harness of tests/fuzz/ for FUZZ_SECONDS (clang, ASan, UBSan)
#   make regen-golden   rewrite the golden pages after a deliberate change
#   make install    PREFIX=/usr/local DESTDIR=   (the binary, its manual, the templates)
#   make uninstall  the same PREFIX and DESTDIR

SHELL = /bin/bash
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
# The templates and assets an installed suture uses when a site has no templates/ of its own.
DATADIR ?= $(PREFIX)/share/suture
CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
           -Wwrite-strings -Wshadow -Wpointer-arith -Wformat=2
PKGS = libcmark libxml-2.0 libxslt libexslt yaml-0.1 libpcre2-8 libhs icu-uc icu-i18n jansson zlib \
       libxxhash libmicrohttpd libbrotlienc
TEST_PKGS = cmocka libbrotlidec
# The allocator: libxml2 and libxslt make and free millions of small blocks, and mimalloc
# (Debian libmimalloc-dev; it has no pkg-config file) takes a quarter off a build's CPU time
# against glibc's malloc (issue 4). Linked first and kept even though nothing names it, so
# that every library's malloc resolves to it. Empty under AddressSanitizer, which brings its
# own; valgrind is told where it is (--soname-synonyms). mimalloc gives C++'s new, new[],
# delete and free one implementation under several names, so valgrind would report every
# delete in Vectorscan (C++) as mismatched: it is told not to (suture is C and calls no new
# or delete; AddressSanitizer, without mimalloc, still checks for mismatches).
ALLOC_LIBS = -Wl,--push-state,--no-as-needed -lmimalloc -Wl,--pop-state

-include Makefile.local

BUILD = build
DEPS_STAMP = $(BUILD)/.deps-ok

# Asked once per make (simple variables), not once per object. Every entry point installs
# what is missing and then runs make again, which asks afresh.
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread
TEST_CFLAGS := $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS := $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)
PKG_MISSING := $(shell for m in $(PKGS) $(TEST_PKGS); do pkg-config --exists $$m 2>/dev/null || echo $$m; done)
# Stop a compile at once, naming what is missing, rather than with empty flags and a
# compiler error far from the cause (scripts/install-deps names each module's package).
NEED_PKGS = $(if $(PKG_MISSING),$(error pkg-config cannot find $(PKG_MISSING): run make, which \
            installs their Debian packages (scripts/install-deps says which), or install them))

# Includes name the stage folder ("content/frontmatter.h"), from generator/.
ALL_CFLAGS = $(WARNINGS) $(CFLAGS) $(PKG_CFLAGS) -Igenerator -D_POSIX_C_SOURCE=200809L -MMD -MP

# generator/ holds one folder per stage of the data flow (generator/README.md).
LIB_SRCS = $(filter-out generator/cli/main.c,$(wildcard generator/*/*.c))
LIB_OBJS = $(LIB_SRCS:generator/%.c=$(BUILD)/obj/%.o)
MAIN_OBJ = $(BUILD)/obj/cli/main.o
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES = $(FUZZ_SRCS:tests/fuzz/fuzz_%.c=%)
# Each harness also built with a plain main (tests/fuzz/replay.c) that runs its seed corpus
# and the inputs that once crashed it (tests/fuzz/regressions/): part of make test.
REPLAY_BINS = $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/tests/replay_%)
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
E2E_SRCS = $(wildcard tests/e2e/test_*.c)
E2E_BINS = $(E2E_SRCS:tests/e2e/%.c=$(BUILD)/tests/%)

.PHONY: all deps site test check bench unit e2e asan valgrind fuzz regen-golden install uninstall \
        clean compliance-eval

# apt-get as root directly, through sudo otherwise.
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

# Every entry point installs what is missing first, then runs make again, so that the
# pkg-config flags are read after the install.
all: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory $(BUILD)/suture

# Install the Debian packages pkg-config cannot find (only those), once.
deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/install-deps
	@sh scripts/install-deps
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/suture: $(LIB_OBJS) $(MAIN_OBJ) Makefile
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(ALLOC_LIBS) $(MAIN_OBJ) $(LIB_OBJS) $(PKG_LIBS)

# The installed templates' folder is compiled into main.o; a different DATADIR (a make
# install with another PREFIX) rebuilds it.
$(BUILD)/obj/cli/main.o: ALL_CFLAGS += -DSUTURE_DATADIR='"$(DATADIR)"'
$(BUILD)/obj/cli/main.o: $(BUILD)/datadir
$(BUILD)/datadir: FORCE
	@mkdir -p $(BUILD) && echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@

$(BUILD)/obj/%.o: generator/%.c
	@mkdir -p $(dir $@)
	$(NEED_PKGS)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests:
	mkdir -p $@

site: all
	$(BUILD)/suture build --content content --templates templates --out site

# Compliance: every article, data file and built page; any error or warning fails.
check: site
	$(BUILD)/suture check --content content --site site --max-warnings 0

# Browser tests of the built site (tests/browser/run.mjs): every page at 360x800 and
# 1280x800 in Debian's Chromium through playwright-core: axe-core with the WCAG 2.2 A/AA
# tags, no request to another host, keyboard focus visible at every Tab stop, screenshots
# into $(BUILD)/screenshots/; on each search page, a word only deep in the articles' bodies
# shows a marked snippet from the article's page (tests/browser/snippets.mjs); Lighthouse on mobile over every page (tests/browser/
# lighthouse.mjs: performance >= 95, the other categories 100); then the Nu HTML Checker
# (vnu.jar) over every page, zero errors. The summary is $(BUILD)/browser-report.md. Installs what is missing first
# (scripts/install-browser-deps). BROWSER_SITE checks another built site. First, the
# search script's own tests (tests/search) and those of the Lighthouse budgets
# (tests/browser/test_lighthouse.mjs), which need the Node.js this target installs.
BROWSER_SITE ?= site
.PHONY: test-browser
test-browser: site
	@SUDO="$(SUDO)" sh scripts/install-browser-deps
	node --test tests/search/test_search.mjs tests/browser/test_lighthouse.mjs \
	  tests/browser/test_nginx.mjs
	PATH="$(CURDIR)/tests/browser/.node/node_modules/.bin:$$PATH" node tests/browser/run.mjs \
	  --site $(BROWSER_SITE) --out $(BUILD)

# The benchmark corpus and timings (bench/run); a tool, never a test.
BENCH_ARTICLES ?= 10000
# bench/run's build-no-lint row times the same sources built with SUTURE_BENCH_NO_LINT
# (cli/lintbuild.c), a build without its lint step: the baseline for what compliance costs
# a build. That binary publishes what it does not check, so it lives only here.
bench: all
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/bench-no-lint DEPS_STAMP=$(DEPS_STAMP) \
	  CFLAGS="$(CFLAGS) -DSUTURE_BENCH_NO_LINT" $(BUILD)/bench-no-lint/suture
	bash bench/run $(BENCH_ARTICLES)

# The OASIS SARIF 2.1.0 JSON schema the SARIF tests validate against: a fixture, with its
# source and licence in tests/sarif/README.md, so that make test downloads nothing.
SARIF_SCHEMA = tests/sarif/sarif-schema-2.1.0.json

TEST_ENV = SUTURE=$(CURDIR)/$(BUILD)/suture SARIF_SCHEMA=$(CURDIR)/$(SARIF_SCHEMA) \
           SARIF_VALIDATE=$(CURDIR)/scripts/validate-sarif SUTURE_ROOT=$(CURDIR) \
           SUTURE_CACHE_DIR=$(CURDIR)/$(BUILD)/cache

test: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory run-tests

# The unit tests alone (tests/unit), or the end-to-end tests alone (tests/e2e).
unit: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory run-tests RUN_BINS='$$(UNIT_BINS)' RUN_REPLAYS= RUN_LAYERS= \
	  RUN_INSTALL=
e2e: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory run-tests RUN_BINS='$$(E2E_BINS)' RUN_REPLAYS= RUN_LAYERS=

# What run-tests runs: every test binary, every fuzz harness's replay, the layering check
# and the installation test, unless told.
RUN_BINS ?= $(UNIT_BINS) $(E2E_BINS)
RUN_REPLAYS ?= $(FUZZ_NAMES)

# Each test binary, each fuzz harness's replay and the layering check is one target that
# writes its own log into $(BUILD)/logs/ and its exit status beside it, so that make runs
# them in parallel: make test asks for $(TEST_JOBS) jobs (every core), unless make was
# given -j itself. A passing binary prints one line; a failing one its whole log. The last
# line adds up cmocka's counts from every log: "tests: N passed, N failed".
TEST_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
LOGS = $(BUILD)/logs
# The longest first (each takes 7 to 18 s alone, the rest under 2 s), so that two jobs
# finish together instead of one waiting for the last long test.
SLOW_TESTS = test_serve test_build test_faults test_hostile
RUN_ORDER = $(foreach t,$(SLOW_TESTS),$(filter $(BUILD)/tests/$(t),$(RUN_BINS))) \
            $(filter-out $(SLOW_TESTS:%=$(BUILD)/tests/%),$(RUN_BINS))
RUN_LOGS = $(RUN_ORDER:$(BUILD)/tests/%=$(LOGS)/%.log) $(RUN_REPLAYS:%=$(LOGS)/replay_fuzz_%.log) \
           $(if $(RUN_LAYERS),$(LOGS)/layers.log) $(if $(RUN_INSTALL),$(LOGS)/install.log)
RUN_LAYERS ?= yes
RUN_INSTALL ?= yes

.PHONY: run-tests FORCE
run-tests: $(BUILD)/suture $(UNIT_BINS) $(E2E_BINS) $(REPLAY_BINS) $(SARIF_SCHEMA)
	@rm -rf $(LOGS) && mkdir -p $(LOGS)
	@$(MAKE) --no-print-directory $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(TEST_JOBS)) \
	  RUN_BINS='$(RUN_BINS)' RUN_REPLAYS='$(RUN_REPLAYS)' RUN_LAYERS='$(RUN_LAYERS)' \
	  RUN_INSTALL='$(RUN_INSTALL)' $(RUN_LOGS)
	@sh scripts/test-summary $(RUN_LOGS)

# One test's run: never fails itself (the summary does), so that every test runs.
$(LOGS)/test_%.log: FORCE
	@$(TEST_ENV) $(BUILD)/tests/test_$* > $@ 2>&1; echo $$? > $@.status; sh scripts/test-summary --one $@

$(LOGS)/replay_fuzz_%.log: FORCE
	@$(TEST_ENV) $(BUILD)/tests/replay_fuzz_$* tests/fuzz/corpus/$* tests/fuzz/regressions/$* > $@ 2>&1; \
	  echo $$? > $@.status; sh scripts/test-summary --one $@

# The layering rule (scripts/check-layers): generator/ keeps it, and the check finds each
# kind of break in tests/layers/bad (its expected report is tests/layers/bad.expected).
$(LOGS)/layers.log: FORCE
	@{ sh scripts/check-layers generator && \
	   { sh scripts/check-layers tests/layers/bad 2>&1; test $$? -eq 1; } > $(LOGS)/layers-bad.out && \
	   diff -u tests/layers/bad.expected $(LOGS)/layers-bad.out && \
	   echo "[  PASSED  ] 2 test(s)."; } > $@ 2>&1 || echo "[  FAILED  ] 1 test(s), listed above" >> $@; \
	  grep -q '^\[  FAILED' $@; echo $$(( ! $$? )) > $@.status; sh scripts/test-summary --one $@

# make install into a DESTDIR, the clinic's content built by the installed binary from
# another folder (no templates/ there), then make uninstall (tests/install/run).
$(LOGS)/install.log: FORCE
	@MAKE='$(MAKE)' BUILD='$(BUILD)' bash tests/install/run > $@ 2>&1; echo $$? > $@.status; sh scripts/test-summary --one $@

FORCE:

$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIB_OBJS) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -o $@ $< $(LIB_OBJS) $(PKG_LIBS) $(TEST_LIBS)

# The labelled corpus (tests/compliance/corpus.tsv): tests/compliance/corpus_eval.c reads,
# lints and scores it, for make compliance-eval and for the tests that link it: the gate
# (test_compliance_corpus: the bars of issue 17) and the module's own unit test.
CORPUS_OBJ = $(BUILD)/obj/tests/corpus_eval.o
CORPUS_TESTS = $(BUILD)/tests/test_compliance_corpus $(BUILD)/tests/test_corpus_eval

$(CORPUS_OBJ): tests/compliance/corpus_eval.c
	@mkdir -p $(dir $@)
	$(NEED_PKGS)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(CORPUS_TESTS): $(BUILD)/tests/%: tests/unit/%.c $(CORPUS_OBJ) $(LIB_OBJS) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Itests/compliance -o $@ $< $(CORPUS_OBJ) $(LIB_OBJS) \
	  $(PKG_LIBS) $(TEST_LIBS)

$(BUILD)/compliance-eval: tests/compliance/eval_main.c $(CORPUS_OBJ) $(LIB_OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/compliance -o $@ $< $(CORPUS_OBJ) $(LIB_OBJS) \
	  $(PKG_LIBS)

# Precision and recall of every rule on the corpus, every miss and false alarm; fails when
# a bar of make test is not met.
compliance-eval: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory $(BUILD)/compliance-eval
	$(BUILD)/compliance-eval tests/compliance/corpus.tsv

$(BUILD)/tests/replay_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIB_OBJS) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c $(LIB_OBJS) $(PKG_LIBS)

$(BUILD)/tests/test_%: tests/e2e/test_%.c tests/e2e/e2e.h $(LIB_OBJS) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Itests/e2e -o $@ $< $(LIB_OBJS) $(PKG_LIBS) $(TEST_LIBS)

asan: $(DEPS_STAMP)
	$(MAKE) --no-print-directory BUILD=build/asan \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" ALLOC_LIBS= DEPS_STAMP=$(DEPS_STAMP) run-tests

valgrind: $(DEPS_STAMP)
	@command -v valgrind >/dev/null || ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq valgrind)
	$(MAKE) --no-print-directory $(BUILD)/suture $(E2E_BINS) $(SARIF_SCHEMA)
	@set -e; for t in $(E2E_BINS); do \
	  SUTURE_WRAPPER="valgrind -q --error-exitcode=99 --soname-synonyms=somalloc=libmimalloc.so* --show-mismatched-frees=no --leak-check=full --errors-for-leak-kinds=definite --suppressions=$(CURDIR)/tests/valgrind.supp" \
	  $(TEST_ENV) $$t; done

# Fuzzing: clang's libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer. Each
# harness runs FUZZ_SECONDS from its seeds (tests/fuzz/corpus/NAME), keeping what it learns in
# build/fuzz/corpus/NAME; a crash or a hang stops make with the input saved as
# build/fuzz/crash-NAME-*. FUZZ=NAME runs one harness.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ ?= $(FUZZ_NAMES)
FUZZ_DIR = build/fuzz
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_OBJS = $(LIB_SRCS:generator/%.c=$(FUZZ_DIR)/obj/%.o)
# clang's -Wformat=2 also flags vprintf-style helpers that pass their format on (gcc does not).
FUZZ_WARNINGS = $(WARNINGS) -Wno-format-nonliteral
.SECONDARY: $(FUZZ_OBJS)

fuzz: $(DEPS_STAMP)
	@command -v $(FUZZ_CC) >/dev/null && [ -n "$$(find /usr/lib/llvm-*/lib/clang -name 'libclang_rt.fuzzer*.a' 2>/dev/null)" ] || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq clang libclang-rt-14-dev)
	@$(MAKE) --no-print-directory $(FUZZ:%=$(FUZZ_DIR)/fuzz_%)
	@set -e; for f in $(FUZZ); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$f; \
	  echo "== fuzz $$f for $(FUZZ_SECONDS) s"; \
	  SUTURE_ROOT=$(CURDIR) $(FUZZ_DIR)/fuzz_$$f $(FUZZ_DIR)/corpus/$$f tests/fuzz/corpus/$$f \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_DIR)/crash-$$f- 2>&1 | grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+==|SUMMARY|ERROR|artifact_prefix|Test unit written)' ; \
	  test $${PIPESTATUS[0]} -eq 0; \
	done

$(FUZZ_DIR)/obj/%.o: generator/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_WARNINGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) -Igenerator -D_POSIX_C_SOURCE=200809L -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_WARNINGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -Igenerator -D_POSIX_C_SOURCE=200809L -o $@ $< $(FUZZ_OBJS) $(PKG_LIBS)

regen-golden: all
	sh tests/golden/regen

# The binary, its manual and the templates with their assets (under $(DATADIR)/templates,
# where an installed suture looks when the current folder has no templates/).
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)
	install -m 0755 $(BUILD)/suture $(DESTDIR)$(BINDIR)/suture
	install -m 0644 docs/suture.1 $(DESTDIR)$(MANDIR)/man1/suture.1
	cd templates && find . -type d -exec install -d '$(DESTDIR)$(DATADIR)/templates/{}' ';' && \
	  find . -type f -exec install -m 0644 '{}' '$(DESTDIR)$(DATADIR)/templates/{}' ';'

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/suture $(DESTDIR)$(MANDIR)/man1/suture.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) site site.previous

-include $(wildcard $(BUILD)/obj/*/*.d) $(wildcard $(BUILD)/tests/*.d) $(wildcard $(FUZZ_DIR)/obj/*/*.d)
