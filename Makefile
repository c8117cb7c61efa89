# Switchboard — build, run, check, bench, deps.
# `make` builds bin/console and bin/syncd; see README.md for the two commands a new user needs.

CC      ?= cc
CSTD    := -std=c11 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter
HARDEN  := -O2 -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
# SAML (lib/saml*.c) is lasso's, over libxml2 and xmlsec (guide §3.2.2).
SAML_PKGS := lasso libxml-2.0 glib-2.0 gobject-2.0
INCS    := -I. -I/usr/include/ClearSilver $(shell pkg-config --cflags libmariadb 2>/dev/null) \
           $(shell pkg-config --cflags $(SAML_PKGS) 2>/dev/null)
# Header dependencies come from the compiler (-MMD -MP), one .d file per object.
CFLAGS  += $(CSTD) $(WARN) $(HARDEN) -g $(INCS) -MMD -MP
LDFLAGS += -pie -Wl,-z,relro,-z,now
LIBS    := -lcurl -lneo_cgi -lneo_cs -lneo_utl -lfcgi $(shell pkg-config --libs libmariadb 2>/dev/null || echo -lmariadb) \
           -largon2 -ljansson -lcrypto -lzip -lexpat -lxlsxwriter -lz -lpthread \
           $(shell pkg-config --libs $(SAML_PKGS) 2>/dev/null || echo -llasso -lxml2 -lgobject-2.0 -lglib-2.0)

LIB_SRC     := $(sort $(shell find lib -name '*.c'))
CONSOLE_SRC := $(sort $(shell find cgi-bin -name '*.c'))
SYNCD_SRC   := $(sort $(shell find syncd -name '*.c'))
UNIT_SRC    := $(wildcard tests/unit/test_*.c)

LIB_OBJ     := $(LIB_SRC:%.c=build/%.o)
CONSOLE_OBJ := $(CONSOLE_SRC:%.c=build/%.o)
SYNCD_OBJ   := $(SYNCD_SRC:%.c=build/%.o)
UNIT_BIN    := $(UNIT_SRC:%.c=build/%)

# The test suite runs under AddressSanitizer and UndefinedBehaviorSanitizer
# (ARCHITECTURE §8): unit tests are built with them, and `make check` runs its
# e2e stack on sanitizer builds of both binaries (build/san/bin).
SAN    := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_CFLAGS := $(CSTD) $(WARN) -g -O1 $(SAN) $(INCS) -MMD -MP
SAN_LIB_OBJ     := $(LIB_SRC:%.c=build/san/%.o)
SAN_CONSOLE_OBJ := $(CONSOLE_SRC:%.c=build/san/%.o)
SAN_SYNCD_OBJ   := $(SYNCD_SRC:%.c=build/san/%.o)

.PHONY: all deps run stop check bench clean unit san fuzz fuzz-scim lint-sql lint-tx cluster-check cluster-bench
# Objects of the unit tests are intermediate files make would otherwise delete.
.SECONDARY:
all: bin/console bin/syncd

deps:
	@scripts/install-deps

# V=1 shows the full commands.
Q := $(if $(V),,@)

# lib/ is built once, as a static library both binaries link.
build/libsb.a: $(LIB_OBJ)
	@echo "  AR    $@"
	$(Q)rm -f $@ && ar rcs $@ $^

bin/console: $(CONSOLE_OBJ) build/libsb.a | bin
	@echo "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

bin/syncd: $(SYNCD_OBJ) build/libsb.a | bin
	@echo "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

build/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

build/san/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $@"
	$(Q)$(CC) $(SAN_CFLAGS) -c -o $@ $<

build/san/libsb.a: $(SAN_LIB_OBJ)
	@echo "  AR    $@"
	$(Q)rm -f $@ && ar rcs $@ $^

build/san/bin/console: $(SAN_CONSOLE_OBJ) build/san/libsb.a
	@mkdir -p $(dir $@)
	@echo "  LD    $@"
	$(Q)$(CC) $(SAN) -o $@ $^ $(LIBS)

build/san/bin/syncd: $(SAN_SYNCD_OBJ) build/san/libsb.a
	@mkdir -p $(dir $@)
	@echo "  LD    $@"
	$(Q)$(CC) $(SAN) -o $@ $^ $(LIBS)

san: build/san/bin/console build/san/bin/syncd

# Unit tests link the sanitizer builds of the console (all but main.c) and of lib/.
build/san/libconsole.a: $(filter-out build/san/cgi-bin/main.o,$(SAN_CONSOLE_OBJ))
	@echo "  AR    $@"
	$(Q)rm -f $@ && ar rcs $@ $^

build/tests/unit/%: build/san/tests/unit/%.o build/san/libconsole.a build/san/libsb.a
	@mkdir -p $(dir $@)
	@echo "  TEST  $@"
	$(Q)$(CC) $(SAN) -o $@ $< build/san/libconsole.a build/san/libsb.a -lcmocka $(LIBS)

unit: $(UNIT_BIN)

bin:
	@mkdir -p bin

# The targets that install first build in a second make: its flags are read
# after the install, when pkg-config and the -dev packages exist.
run: deps
	@$(MAKE) --no-print-directory all
	@scripts/run

stop:
	@scripts/stack down $(CURDIR)/var

# No SQL text under cgi-bin/: the console's data access lives in lib/ (ARCHITECTURE §5).
lint-sql:
	@scripts/lint-sql

# Every transaction is lib/core/db.c's db_tx or db_claim (ARCHITECTURE §10).
lint-tx:
	@scripts/lint-tx

check: deps
	@$(MAKE) --no-print-directory all unit san
	@scripts/check

# Each benchmark brings up its own stack and data; see the scripts' headers.
bench: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench
	@scripts/bench-import
	@scripts/bench-users
	@scripts/bench-pbx
	@scripts/bench-api
	@scripts/bench-scim
	@scripts/bench-events
	@scripts/bench-support

# Beyond one machine (ARCHITECTURE §10): a three-node Galera cluster, two
# consoles and two syncd behind nginx on this machine (scripts/cluster).
# Not part of check: its own tests, ending "N passed, N failed".
cluster-check: deps
	@$(MAKE) --no-print-directory all
	@scripts/cluster-check

# The users list and Add User on the cluster against a one-machine stack,
# in the same run, as ratios.
cluster-bench: deps
	@$(MAKE) --no-print-directory all
	@scripts/bench-cluster

# libFuzzer on the spreadsheet readers (not part of check): FUZZ_SECONDS=60
# by default; new inputs that reach new code are kept in tests/fuzz/corpus.
# Any sanitizer report stops the run.
FUZZ_SRC := lib/sheet/csv_read.c lib/sheet/xlsx_read.c lib/import/import_parse.c lib/import/import_check.c lib/core/validate.c
build/fuzz/fuzz_import: tests/fuzz/fuzz_import.c $(FUZZ_SRC)
	@mkdir -p $(dir $@)
	@echo "  FUZZ  $@"
	$(Q)clang $(CSTD) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(INCS) -MMD -MP -o $@ $< $(FUZZ_SRC) -lzip -lexpat

fuzz: build/fuzz/fuzz_import fuzz-scim
	build/fuzz/fuzz_import -max_len=65536 -max_total_time=$${FUZZ_SECONDS:-60} -rss_limit_mb=2048 tests/fuzz/corpus

# libFuzzer on the SCIM engines (filter, PATCH, paths, normalization), pure C
# over jansson; its corpus is tests/fuzz/corpus-scim.
FUZZ_SCIM_SRC := lib/scim/error.c lib/scim/json_util.c lib/scim/schema.c lib/scim/path.c lib/scim/filter.c \
		 lib/scim/resource.c lib/scim/patch.c lib/core/validate.c
build/fuzz/fuzz_scim: tests/fuzz/fuzz_scim.c $(FUZZ_SCIM_SRC)
	@mkdir -p $(dir $@)
	@echo "  FUZZ  $@"
	$(Q)clang $(CSTD) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(INCS) -MMD -MP -o $@ $< $(FUZZ_SCIM_SRC) -ljansson

fuzz-scim: build/fuzz/fuzz_scim
	build/fuzz/fuzz_scim -max_len=8192 -max_total_time=$${FUZZ_SECONDS:-60} -rss_limit_mb=2048 tests/fuzz/corpus-scim

clean:
	rm -rf build bin

-include $(shell find build -name '*.d' 2>/dev/null)
