# Pipecalc - sales-pipeline functions and sidebar for LibreOffice Calc, in C.
# `make run` and `make check` are the two entry points; README.md explains the rest.

OUT      := build/out
CC       ?= gcc
CSTD     := -std=c11 -D_GNU_SOURCE -ffp-contract=off  # same bits on every machine (FMA)
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT      ?= -O2 -g
GLIB_CF  := $(shell pkg-config --cflags glib-2.0 2>/dev/null)
GLIB_LD  := $(shell pkg-config --libs glib-2.0 2>/dev/null)
XML_CF   := $(shell pkg-config --cflags libxml-2.0 2>/dev/null)
XML_LD   := $(shell pkg-config --libs libxml-2.0 2>/dev/null)
CFLAGS_CORE := $(CSTD) $(WARN) $(OPT) -fPIC -fvisibility=hidden $(GLIB_CF) -Iaddin/core

# where the test suites record "suite passed failed" (kept across sub-makes with other OUT)
RESULTS  ?= $(abspath $(OUT))/results
export RESULTS

CORE_SRC   := $(wildcard addin/core/*.c)
CORE_OBJ   := $(CORE_SRC:addin/core/%.c=$(OUT)/core/%.o)
CORE_LIB   := $(OUT)/libpccore.a
CORE_TESTS := $(patsubst tests/core/%.c,$(OUT)/tests/%,$(wildcard tests/core/test-*.c))

.PHONY: all deps core test-core check clean

all: core

deps:
	@sh build/deps.sh

core: $(CORE_LIB)

$(OUT)/core/%.o: addin/core/%.c $(wildcard addin/core/*.h) | $(OUT)/core
	$(CC) $(CFLAGS_CORE) -c $< -o $@

$(CORE_LIB): $(CORE_OBJ)
	rm -f $@ && ar rcs $@ $^

$(OUT)/tests/%: tests/core/%.c $(CORE_LIB) $(wildcard tests/core/*.h) | $(OUT)/tests
	$(CC) $(CSTD) $(WARN) $(OPT) $(GLIB_CF) -Iaddin/core -Itests/core $< $(CORE_LIB) $(GLIB_LD) -lm $(LDSAN) -o $@

# Core unit tests (GLib g_test, TAP output counted by build/tap-count.sh)
test-core: $(CORE_TESTS)
	@sh build/run-tap.sh core $(CORE_TESTS)

$(OUT)/core $(OUT)/tests:
	mkdir -p $@

clean:
	rm -rf $(OUT)

# ---- the extension -------------------------------------------------------------------
SDK      ?= /usr/lib/libreoffice/sdk
OFFICE   ?= /usr/lib/libreoffice/program
VERSION  := 0.1.0
UNO_CF   := -I$(SDK)/include -DLINUX -DUNX
UNO_LD   := -L$(SDK)/lib -luno_cppu -luno_sal -Wl,-rpath-link,$(OFFICE)
ADDIN_SRC := $(wildcard addin/uno/*.c) $(wildcard addin/functions/*.c) addin/component.c \
             $(wildcard addin/sidebar/*.c)
ADDIN_HDR := $(wildcard addin/uno/*.h addin/functions/*.h addin/core/*.h addin/sidebar/*.h)
EXT      := $(OUT)/ext
OXT      := $(OUT)/pipecalc.oxt

.PHONY: oxt
all: oxt
oxt: $(OXT)

$(EXT)/libpipecalc.so: $(ADDIN_SRC) $(ADDIN_HDR) $(CORE_LIB) | $(EXT)
	$(CC) $(CSTD) $(WARN) $(OPT) -fPIC -fvisibility=hidden $(GLIB_CF) $(UNO_CF) \
	  -Iaddin/core -Iaddin/uno -Iaddin/functions -Iaddin/sidebar -shared -o $@ $(ADDIN_SRC) $(CORE_LIB) \
	  $(UNO_LD) $(GLIB_LD) -lm -Wl,--no-undefined -Wl,-z,defs

$(OUT)/gen-xcu: build/gen-xcu.c addin/functions/fn_table.c addin/functions/fn_table.h $(CORE_LIB) | $(OUT)/tests
	$(CC) $(CSTD) $(WARN) $(OPT) $(GLIB_CF) $(XML_CF) -Iaddin/core -Iaddin/functions \
	  build/gen-xcu.c addin/functions/fn_table.c $(CORE_LIB) $(XML_LD) $(GLIB_LD) -lm -o $@

$(EXT)/CalcAddIns.xcu: $(OUT)/gen-xcu | $(EXT)
	$(OUT)/gen-xcu $@

# One .rdb from every .idl: each file is compiled alone (a file may define an interface
# and its service), then all their entities are merged.
IDL_FILES := $(wildcard idl/org/pipecalc/*.idl)
OFFICE_RDB := $(OFFICE)/types.rdb $(OFFICE)/types/offapi.rdb
$(EXT)/pipecalc.rdb: $(IDL_FILES) | $(EXT)
	rm -rf $(OUT)/idl && mkdir -p $(OUT)/idl
	for f in $(IDL_FILES); do n=$$(basename $$f .idl); \
	  $(SDK)/bin/unoidl-write $(OFFICE_RDB) $$f $(OUT)/idl/$$n.rdb || exit 1; \
	  $(SDK)/bin/unoidl-read --summary $(OFFICE_RDB) $(OUT)/idl/$$n.rdb | sed -n 's/^[a-z]* //p' \
	    | grep -v '^org$$\|^org\.pipecalc$$' >> $(OUT)/idl/entities || exit 1; done
	$(SDK)/bin/unoidl-write $(OFFICE_RDB) $(OUT)/idl/*.rdb @$(OUT)/idl/entities $@

$(OXT): $(EXT)/libpipecalc.so $(EXT)/CalcAddIns.xcu $(EXT)/pipecalc.rdb $(wildcard descriptions/* descriptions/*/*)
	mkdir -p $(EXT)/META-INF $(EXT)/icons $(EXT)/descriptions $(EXT)/registration
	cp descriptions/META-INF/manifest.xml $(EXT)/META-INF/
	cp descriptions/pipecalc.components $(EXT)/
	cp descriptions/Sidebar.xcu descriptions/Factories.xcu $(EXT)/
	cp descriptions/icons/*.png $(EXT)/icons/
	cp descriptions/description-*.txt $(EXT)/descriptions/
	cp descriptions/LICENSE.txt $(EXT)/registration/
	sed 's/@VERSION@/$(VERSION)/' descriptions/description.xml > $(EXT)/description.xml
	rm -f $@ && cd $(EXT) && zip -q -r -X $(abspath $@) .
	@echo "built $@"

$(EXT):
	mkdir -p $@

# ---- running and testing ---------------------------------------------------------------
PY := /usr/bin/python3

.PHONY: run install uninstall test-table test-calc check check-asan check-valgrind check-imports

# Build, install into a private profile under build/out/run, open the demo workbook.
run: deps oxt
	$(PY) build/run.py $(OXT)

# Install into / remove from the user's own LibreOffice (not as root: unopkg refuses).
install: deps oxt
	@if [ "$$(id -u)" -eq 0 ]; then echo "make install: run it as the user whose LibreOffice should get Pipecalc (unopkg refuses root); for all users: $(OFFICE)/unopkg add --shared $(OXT)"; exit 1; fi
	$(OFFICE)/unopkg add --force $(OXT)
	@echo "Pipecalc installed: restart LibreOffice Calc."
uninstall:
	$(OFFICE)/unopkg remove org.pipecalc

# The IDL and the function table agree (C test, no office needed)
$(OUT)/tests/test-table: tests/functions/test-table.c addin/functions/fn_table.c $(CORE_LIB) | $(OUT)/tests
	$(CC) $(CSTD) $(WARN) $(OPT) $(GLIB_CF) -Iaddin/core -Iaddin/functions \
	  -DIDL_FILE='"idl/org/pipecalc/XPipelineFunctions.idl"' -DXCU_FILE='"$(EXT)/CalcAddIns.xcu"' \
	  $< addin/functions/fn_table.c $(CORE_LIB) $(GLIB_LD) -lm -o $@
test-table: $(OUT)/tests/test-table $(EXT)/CalcAddIns.xcu
	@sh build/run-tap.sh table $(OUT)/tests/test-table

# The sidebar deck in a real Calc window under Xvfb; refreshes docs/sidebar.png
.PHONY: test-ui
test-ui: oxt
	$(PY) tests/ui/test_sidebar_ui.py $(OXT) docs/sidebar.png

# Integration tests in real, headless Calc with the freshly built .oxt
test-calc: oxt
	$(PY) tests/calc/run_tests.py $(OXT)

# The core's unit tests again, built with ASan + UBSan (clang), and under valgrind.
SAN := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
check-asan:
	@$(MAKE) --no-print-directory OUT=$(OUT)/asan CC=clang OPT="$(SAN)" LDSAN="$(SAN)" $(OUT)/asan/libpccore.a \
	  $(patsubst $(OUT)/%,$(OUT)/asan/%,$(CORE_TESTS))
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh build/run-tap.sh asan $(patsubst $(OUT)/%,$(OUT)/asan/%,$(CORE_TESTS))

check-valgrind: $(CORE_TESTS)
	@VALGRIND="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=9" \
	  sh build/run-tap.sh valgrind $(CORE_TESTS)

# The add-in imports no file, process, library or network function (see README: Reliability)
check-imports: $(EXT)/libpipecalc.so
	@sh build/check-imports.sh $<

check: deps
	@rm -f $(RESULTS)
	@$(MAKE) --no-print-directory all
	-@$(MAKE) --no-print-directory test-core
	-@$(MAKE) --no-print-directory test-table
	-@$(MAKE) --no-print-directory check-asan
	-@$(MAKE) --no-print-directory check-valgrind
	-@$(MAKE) --no-print-directory check-imports
	-@$(MAKE) --no-print-directory test-calc
	@sh build/summary.sh $(RESULTS)
