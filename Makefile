# yusuan — build, test, demo.  `make demo` and `make check` are the two
# set-up commands (README.md); both install missing Debian packages first.

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
SAN     ?=
PKGS    := libutf8proc libzip expat libxml-2.0 poppler-glib xlsxwriter sqlite3
WARN    := -std=c17 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
DEFS    := -D_GNU_SOURCE
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# poppler-glib, libxml2, libzip and libxlsxwriter are headers only:
# lib/dynlib.c dlopens each on the first file that needs it (PDF, HTML,
# DOCX/XLSX read, XLSX written), since linking them costs every run the
# loading of their ~60 shared objects (see lib/dynlib.h).
DL_PKGS    := poppler-glib libxml-2.0 libzip xlsxwriter
PKG_LIBS   := $(shell pkg-config --libs $(filter-out $(DL_PKGS),$(PKGS)) 2>/dev/null)
# The tests also write zips and workbooks themselves (readers_testutil.h,
# test_eval.c, test_package.c).
TEST_LIBS  := $(shell pkg-config --libs libzip xlsxwriter cmocka 2>/dev/null)
CFLAGS_ALL := $(WARN) $(DEFS) $(OPT) $(SAN) -Iinclude -Ilib $(PKG_CFLAGS) $(CFLAGS)
# --as-needed: only libraries actually called become run-time dependencies
# (the toolchain's default, but not under -fsanitize); a test binary that
# does not write zips itself must start without libzip.
LDLIBS_ALL := -Wl,--as-needed $(PKG_LIBS) -ldl -pthread -lm $(LDLIBS)
# The tool itself starts with as few shared objects as it can: utf8proc
# and expat linked in from the static archives their -dev packages install
# (when present: --as-needed then drops the shared ones), and a
# position-dependent executable (no relocation of its data, the compiled-in
# profiles, at every start).  Page faults of the usage message 126 -> 79,
# of an audit of the reference document 319 -> 276.  libm is linked in
# from its static archive too (only the PDF reader calls it: fmax, fmin):
# loading libm.so cost every run ~10 page faults; in a position-dependent
# executable the archive links, ifunc'ed floor and ceil included.  Not
# under the sanitizers, which want their own start-up.
ifeq ($(SAN),)
LIBM_A     := $(filter /%,$(shell $(CC) -print-file-name=libm.a 2>/dev/null))
STATIC_A   := $(wildcard $(shell pkg-config --variable=libdir libutf8proc 2>/dev/null)/libutf8proc.a \
                         $(shell pkg-config --variable=libdir expat 2>/dev/null)/libexpat.a \
                         $(LIBM_A))
BIN_LDLIBS := -no-pie -Wl,--as-needed $(STATIC_A) $(PKG_LIBS) -ldl -pthread -lm $(LDLIBS)
else
BIN_LDLIBS := $(LDLIBS_ALL)
endif

LIB_SRC  := $(sort $(wildcard lib/*.c lib/*/*.c))
CLI_SRC  := $(sort $(wildcard src/*.c))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
DATA_CODES := $(sort $(wildcard data/codes/*.tsv))
DATA_EMBED := $(sort $(wildcard data/profiles/* data/templates/*))
DATA_PROFILES := $(sort $(wildcard data/profiles/*.profile))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/codes_data.o $(BUILD)/gen/embedded_data.o \
            $(BUILD)/gen/profiles_data.o
# The profiles are parsed at build time by the library's own parser (what
# scripts/gen-profiles.c links) and compiled in as constant objects.
PROFGEN_OBJ := $(addprefix $(BUILD)/lib/,profile.o arena.o text.o error.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TESTS    := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
LIBA     := $(BUILD)/libyusuan.a
BIN      := $(BUILD)/yusuan

.PHONY: all deps test check asan valgrind demo fuzz bench clean

all: $(BIN) $(TESTS)

deps:
	@sh scripts/install-deps.sh

$(BUILD)/gen/codes_data.c: $(DATA_CODES) scripts/gen-codes.sh
	@mkdir -p $(@D)
	sh scripts/gen-codes.sh $(DATA_CODES) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/embedded_data.c: $(DATA_EMBED) scripts/gen-embed.sh
	@mkdir -p $(@D)
	sh scripts/gen-embed.sh $(DATA_EMBED) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/gen-profiles: scripts/gen-profiles.c $(PROFGEN_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $< $(PROFGEN_OBJ) -o $@ $(LDLIBS_ALL)

$(BUILD)/gen/profiles_data.c: $(BUILD)/gen/gen-profiles $(DATA_PROFILES)
	$(BUILD)/gen/gen-profiles $(DATA_PROFILES) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CFLAGS_ALL) -Wno-overlength-strings -c $< -o $@

$(BUILD)/%.o: %.c $(wildcard include/yusuan/*.h) $(wildcard lib/*.h lib/*/*.h src/*.h)
	@mkdir -p $(@D)
	@echo "  CC $<"; $(CC) $(CFLAGS_ALL) -c $< -o $@

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIBA)
	$(CC) $(OPT) $(SAN) -o $@ $(CLI_OBJ) $(LIBA) $(BIN_LDLIBS)

$(BUILD)/tests/%: tests/%.c $(wildcard tests/*.h) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(shell pkg-config --cflags cmocka) -Itests $< -o $@ $(LIBA) $(LDLIBS_ALL) $(TEST_LIBS)

# Every test: unit tests (cmocka) and end-to-end scripts, against $(BUILD).
test: all
	@sh tests/run.sh $(BUILD)

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" test

# The end-to-end audits under valgrind (memcheck, leaks are errors).
valgrind: all
	@sh tests/run.sh $(BUILD) --valgrind

check: deps
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory valgrind

demo: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(BIN)

fuzz:
	@sh fuzz/build.sh

bench: all
	@sh bench/run.sh $(BIN)

clean:
	rm -rf build build-asan build-fuzz out
