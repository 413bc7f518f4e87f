# Pipecalc - sales-pipeline functions and sidebar for LibreOffice Calc, in C.
# `make run` and `make check` are the two entry points; README.md explains the rest.

OUT      := build/out
CC       ?= gcc
CSTD     := -std=c11 -D_GNU_SOURCE
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT      ?= -O2 -g
GLIB_CF  := $(shell pkg-config --cflags glib-2.0 2>/dev/null)
GLIB_LD  := $(shell pkg-config --libs glib-2.0 2>/dev/null)
XML_CF   := $(shell pkg-config --cflags libxml-2.0 2>/dev/null)
XML_LD   := $(shell pkg-config --libs libxml-2.0 2>/dev/null)
CFLAGS_CORE := $(CSTD) $(WARN) $(OPT) -fPIC -fvisibility=hidden $(GLIB_CF) -Iaddin/core

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
	$(CC) $(CSTD) $(WARN) $(OPT) $(GLIB_CF) -Iaddin/core -Itests/core $< $(CORE_LIB) $(GLIB_LD) -lm -o $@

# Core unit tests (GLib g_test, TAP output counted by build/tap-count.sh)
test-core: $(CORE_TESTS)
	@sh build/run-tap.sh core $(CORE_TESTS)

$(OUT)/core $(OUT)/tests:
	mkdir -p $@

clean:
	rm -rf $(OUT)
