/* The console's languages (lib/lang.h): which exist (a file in either
 * template directory), the choice from a browser's Accept-Language, and
 * each language's way with numbers, dates and CSV separators. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/core/config.h"
#include "lib/lang.h"
#include "lib/sheet/csv_write.h"

static char root[64];

static void write_lang(const char *dir, const char *code)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s/lang/%s.hdf", root, dir, code);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("greeting = x\n", f);
	assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
	snprintf(root, sizeof root, "/tmp/sblang.XXXXXX");
	assert_non_null(mkdtemp(root));
	char path[256];
	const char *dirs[] = {"default", "default/lang", "override", "override/lang"};
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
		assert_int_equal(mkdir(path, 0755), 0);
	}
	write_lang("default", "en");
	write_lang("default", "fr");
	write_lang("override", "de");   /* an administrator's own language */
	write_lang("default", "pt-br");
	snprintf(path, sizeof path, "%s/default/lang/README", root);
	FILE *f = fopen(path, "w");
	fclose(f);
	snprintf(path, sizeof path, "%s/switchboard.hdf", root);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "Templates.Dir = %s/default\nTemplates.Override = %s/override\n", root, root);
	fclose(f);
	return config_load(path);
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void codes_name_files_and_nothing_else(void **state)
{
	const char *good[] = {"en", "fr", "de", "fil", "pt-br", "zh-hant", "es-419"};
	const char *bad[] = {"", "e", "EN", "english", "../en", "en/", "en_GB", "en-", "en-x", "fr-ca!", "en.hdf", NULL};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(lang_code_ok(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(lang_code_ok(bad[i]));
}

static void a_language_exists_when_its_file_does(void **state)
{
	assert_true(lang_exists("en"));
	assert_true(lang_exists("fr"));
	assert_true(lang_exists("de"));
	assert_false(lang_exists("it"));
	assert_false(lang_exists("README"));
	char codes[LANG_MAX][LANG_CODE];
	int n = lang_available(codes, LANG_MAX);
	assert_int_equal(n, 4);
	assert_string_equal(codes[0], "en");
	assert_string_equal(codes[1], "de");
	assert_string_equal(codes[2], "fr");
	assert_string_equal(codes[3], "pt-br");
	/* An override of a language the defaults have counts once. */
	write_lang("override", "fr");
	assert_int_equal(lang_available(codes, LANG_MAX), 4);
	/* A file added or removed is seen at the next look. */
	write_lang("default", "it");
	assert_int_equal(lang_available(codes, LANG_MAX), 5);
	assert_string_equal(codes[3], "it");
	char path[256];
	snprintf(path, sizeof path, "%s/default/lang/it.hdf", root);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(lang_available(codes, LANG_MAX), 4);
	assert_false(lang_exists("it"));
}

static void the_browser_s_first_language_that_exists(void **state)
{
	char code[LANG_CODE];
	assert_true(lang_from_accept("fr-CA,fr;q=0.9,en;q=0.8", code));
	assert_string_equal(code, "fr");
	assert_true(lang_from_accept("it-IT, de;q=0.7, en;q=0.3", code));
	assert_string_equal(code, "de");
	assert_true(lang_from_accept("en;q=0.5, de;q=0.9", code));
	assert_string_equal(code, "de");
	assert_true(lang_from_accept("pt-BR", code));
	assert_string_equal(code, "pt-br");
	assert_false(lang_from_accept("it, es;q=0.5", code));
	assert_false(lang_from_accept("fr;q=0, *", code));
	assert_false(lang_from_accept("", code));
	assert_false(lang_from_accept(NULL, code));
	assert_false(lang_from_accept("../../etc/passwd", code));
}

static void numbers_and_dates_in_each_language_s_way(void **state)
{
	char out[64];
	lang_format_int("en", 1234567, out, sizeof out);
	assert_string_equal(out, "1,234,567");
	lang_format_int("de", -1234567, out, sizeof out);
	assert_string_equal(out, "-1.234.567");
	lang_format_int("fr", 12345, out, sizeof out);
	assert_string_equal(out, "12\xe2\x80\xaf" "345");
	lang_format_int("fr", 999, out, sizeof out);
	assert_string_equal(out, "999");
	lang_format_int("xx", 1000, out, sizeof out);   /* no conventions of its own: English's */
	assert_string_equal(out, "1,000");

	lang_format_datetime("en", "2026-03-05 14:07", out, sizeof out);
	assert_string_equal(out, "2026-03-05 14:07");
	lang_format_datetime("fr", "2026-03-05 14:07:09", out, sizeof out);
	assert_string_equal(out, "05/03/2026 14:07:09");
	lang_format_datetime("de", "2026-03-05", out, sizeof out);
	assert_string_equal(out, "05.03.2026");
	lang_format_datetime("de", "2026-03-05, 14:07:09", out, sizeof out);   /* the Events screen's */
	assert_string_equal(out, "05.03.2026 14:07:09");
	lang_format_datetime("de", "soon", out, sizeof out);
	assert_string_equal(out, "soon");
	lang_format_datetime("de", "", out, sizeof out);
	assert_string_equal(out, "");
}

/* A French or German spreadsheet splits a CSV file on semicolons: such a
 * file quotes the fields that hold one, and leaves commas alone. */
static void csv_files_in_the_locale_s_separator(void **state)
{
	assert_int_equal(lang_locale("en")->csv_sep, ',');
	assert_int_equal(lang_locale("fr")->csv_sep, ';');
	assert_int_equal(lang_locale("de")->csv_sep, ';');
	struct csv_out o;
	csv_begin(&o);
	o.sep = lang_locale("de")->csv_sep;
	csv_field(&o, "1,5");
	csv_field(&o, "a;b");
	csv_end_record(&o);
	char *data;
	size_t len;
	assert_int_equal(csv_finish(&o, &data, &len), 0);
	assert_string_equal(data, "\xEF\xBB\xBF" "1,5;\"a;b\"\r\n");
	free(data);

	struct csv_buffer buf = {0};
	struct csv_sink s = {.write = csv_buffer_write, .ctx = &buf, .sep = ';'};
	csv_sink_begin(&s);
	csv_sink_field(&s, "x,y");
	csv_sink_field(&s, "p;q");
	csv_sink_end_record(&s);
	assert_string_equal(buf.data, "\xEF\xBB\xBF" "x,y;\"p;q\"\r\n");
	free(buf.data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(codes_name_files_and_nothing_else),
		cmocka_unit_test(a_language_exists_when_its_file_does),
		cmocka_unit_test(the_browser_s_first_language_that_exists),
		cmocka_unit_test(numbers_and_dates_in_each_language_s_way),
		cmocka_unit_test(csv_files_in_the_locale_s_separator),
	};
	return cmocka_run_group_tests_name("lang", tests, setup, teardown);
}
