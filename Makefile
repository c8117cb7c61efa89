# Switchboard — build, run, check, bench, deps.
# `make` builds bin/console and bin/syncd; see README.md for the two commands a new user needs.

CC      ?= cc
CSTD    := -std=c11 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter
HARDEN  := -O2 -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
CFLAGS  += $(CSTD) $(WARN) $(HARDEN) -g -I. -I/usr/include/ClearSilver $(shell pkg-config --cflags libmariadb 2>/dev/null)
LDFLAGS += -pie -Wl,-z,relro,-z,now
LIBS    := -lcurl -lneo_cgi -lneo_cs -lneo_utl -lfcgi $(shell pkg-config --libs libmariadb 2>/dev/null || echo -lmariadb) \
           -largon2 -ljansson -lcrypto -lzip -lexpat -lxlsxwriter -lz -lpthread

LIB_SRC     := $(wildcard lib/*.c)
CONSOLE_SRC := $(wildcard cgi-bin/*.c)
SYNCD_SRC   := $(wildcard syncd/*.c)
UNIT_SRC    := $(wildcard tests/unit/test_*.c)

LIB_OBJ     := $(LIB_SRC:%.c=build/%.o)
CONSOLE_OBJ := $(CONSOLE_SRC:%.c=build/%.o)
SYNCD_OBJ   := $(SYNCD_SRC:%.c=build/%.o)
UNIT_BIN    := $(UNIT_SRC:%.c=build/%)

# The test suite runs under AddressSanitizer and UndefinedBehaviorSanitizer
# (ARCHITECTURE §8): unit tests are built with them, and `make check` runs its
# e2e stack on sanitizer builds of both binaries (build/san/bin).
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_LIB_OBJ     := $(LIB_SRC:%.c=build/san/%.o)
SAN_CONSOLE_OBJ := $(CONSOLE_SRC:%.c=build/san/%.o)
SAN_SYNCD_OBJ   := $(SYNCD_SRC:%.c=build/san/%.o)

.PHONY: all deps run stop check bench clean unit san fuzz
all: bin/console bin/syncd

deps:
	@scripts/install-deps

# V=1 shows the full commands.
Q := $(if $(V),,@)

bin/console: $(CONSOLE_OBJ) $(LIB_OBJ) | bin
	@echo "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

bin/syncd: $(SYNCD_OBJ) $(LIB_OBJ) | bin
	@echo "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

build/%.o: %.c $(wildcard lib/*.h cgi-bin/*.h syncd/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

# A unit test links the sources it tests (named in its first line: `// sources: lib/x.c ...`).
build/tests/unit/%: tests/unit/%.c $(LIB_SRC) $(CONSOLE_SRC) $(wildcard lib/*.h cgi-bin/*.h)
	@mkdir -p $(dir $@)
	@echo "  TEST  $@"
	$(Q)$(CC) $(CSTD) $(WARN) -g -O1 $(SAN) -I. -I/usr/include/ClearSilver $(shell pkg-config --cflags libmariadb 2>/dev/null) -o $@ $< \
	  $$(sed -n '1s|^// sources: ||p' $<) -lcmocka $(LIBS)

unit: $(UNIT_BIN)

build/san/%.o: %.c $(wildcard lib/*.h cgi-bin/*.h syncd/*.h)
	@mkdir -p $(dir $@)
	@echo "  CC    $@"
	$(Q)$(CC) $(CSTD) $(WARN) -g -O1 $(SAN) -I. -I/usr/include/ClearSilver $(shell pkg-config --cflags libmariadb 2>/dev/null) -c -o $@ $<

build/san/bin/console: $(SAN_CONSOLE_OBJ) $(SAN_LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD    $@"
	$(Q)$(CC) $(SAN) -o $@ $^ $(LIBS)

build/san/bin/syncd: $(SAN_SYNCD_OBJ) $(SAN_LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LD    $@"
	$(Q)$(CC) $(SAN) -o $@ $^ $(LIBS)

san: build/san/bin/console build/san/bin/syncd

bin:
	@mkdir -p bin

run: deps all
	@scripts/run

stop:
	@scripts/stack down $(CURDIR)/var

check: deps all unit san
	@scripts/check

bench: deps all
	@scripts/bench
	@scripts/bench-import

# libFuzzer on the spreadsheet readers (not part of check): FUZZ_SECONDS=60
# by default; new inputs that reach new code are kept in tests/fuzz/corpus.
FUZZ_SRC := lib/csv_read.c lib/xlsx_read.c lib/import_parse.c lib/import_check.c lib/validate.c
build/fuzz/fuzz_import: tests/fuzz/fuzz_import.c $(FUZZ_SRC) $(wildcard lib/*.h)
	@mkdir -p $(dir $@)
	@echo "  FUZZ  $@"
	$(Q)clang $(CSTD) -g -O1 -fsanitize=fuzzer,address,undefined -I. -I/usr/include/ClearSilver -o $@ $< $(FUZZ_SRC) -lzip -lexpat

fuzz: build/fuzz/fuzz_import
	build/fuzz/fuzz_import -max_len=65536 -max_total_time=$${FUZZ_SECONDS:-60} -rss_limit_mb=2048 tests/fuzz/corpus

clean:
	rm -rf build bin
