/* The pure parts of support logs (lib/support_logs*.c, cgi-bin/support/):
 * the report an app posts, the types of its files told by their bytes, the
 * tabs each product shows, the reminder schedule under a clock the test
 * sets, and the names and dates the screens show. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi-bin/support/support_view.h"
#include "lib/sheet/csv_write.h"
#include "lib/support_logs.h"

static const unsigned char PNG[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
static const unsigned char JPEG[] = {0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};
static const unsigned char ZIP[] = {'P', 'K', 3, 4, 20, 0, 0, 0};
static const unsigned char ELF[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};

#define SNIFF(bytes) support_file_sniff((const unsigned char *)(bytes), sizeof(bytes) - 1)

static void types_come_from_bytes(void **state)
{
	assert_int_equal(support_file_sniff(PNG, sizeof PNG), FT_PNG);
	assert_int_equal(support_file_sniff(JPEG, sizeof JPEG), FT_JPEG);
	assert_int_equal(support_file_sniff(ZIP, sizeof ZIP), FT_ZIP);
	assert_int_equal(support_file_sniff(ELF, sizeof ELF), FT_UNKNOWN);
	assert_int_equal(SNIFF("2025-07-01 INFO started\n"), FT_TEXT);
	assert_int_equal(SNIFF("\xef\xbb\xbf  <!DOCTYPE html><title>x</title>"), FT_HTML);
	assert_int_equal(SNIFF("<HTML><body>"), FT_HTML);
	assert_int_equal(SNIFF("MZ\x90\0\3\0\0\0"), FT_UNKNOWN);
	assert_int_equal(SNIFF("caf\xc3\xa9 \x1b[31mred\x1b[0m\ttab\r\n"), FT_TEXT);
	assert_string_equal(support_file_mime(FT_JPEG), "image/jpeg");
	assert_string_equal(support_file_mime(FT_TEXT), "text/plain; charset=utf-8");
}

static void text_is_checked_across_pieces(void **state)
{
	int s = 0;
	/* "é" (c3 a9) and "€" (e2 82 ac) split between pieces. */
	assert_int_equal(support_text_feed(&s, (const unsigned char *)"ab\xc3", 3), 0);
	assert_int_equal(support_text_feed(&s, (const unsigned char *)"\xa9 \xe2\x82", 4), 0);
	assert_int_not_equal(support_text_end(s), 0); /* a character left open */
	assert_int_equal(support_text_feed(&s, (const unsigned char *)"\xac\n", 2), 0);
	assert_int_equal(support_text_end(s), 0);

	static const char *const bad[] = {
		"nul\0here", "bell\a", "\xc0\xaf", /* overlong '/' */ "\xed\xa0\x80", /* a surrogate */
		"\xf4\x90\x80\x80", /* past U+10FFFF */ "\xff", "del\x7f",
	};
	static const size_t lens[] = {8, 5, 2, 3, 4, 1, 4};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		s = 0;
		assert_int_equal(support_text_feed(&s, (const unsigned char *)bad[i], lens[i]), -1);
		/* Once bad, always bad. */
		assert_int_equal(support_text_feed(&s, (const unsigned char *)"ok", 2), -1);
	}
}

static void names_must_not_lie(void **state)
{
	enum support_file_type t;
	const char *why;
	/* What the bytes say, named as such. */
	assert_int_equal(support_file_type_settle(FILE_ATTACHMENT, "shot.PNG", FT_PNG, 0, &t, &why), 0);
	assert_int_equal(t, FT_PNG);
	assert_int_equal(support_file_type_settle(FILE_ATTACHMENT, "photo.jpeg", FT_JPEG, 0, &t, &why), 0);
	assert_int_equal(support_file_type_settle(FILE_LOG, "app.log", FT_TEXT, 1, &t, &why), 0);
	/* A name without an extension takes the bytes' type. */
	assert_int_equal(support_file_type_settle(FILE_ATTACHMENT, "capture", FT_JPEG, 0, &t, &why), 0);
	assert_int_equal(t, FT_JPEG);
	/* HTML in a .txt is text (served as text/plain); a .html must open as HTML. */
	assert_int_equal(support_file_type_settle(FILE_ATTACHMENT, "page.txt", FT_HTML, 1, &t, &why), 0);
	assert_int_equal(t, FT_TEXT);
	assert_int_equal(support_file_type_settle(FILE_ATTACHMENT, "page.html", FT_TEXT, 1, &t, &why), -1);
	/* A file lying about its type: text or HTML named as an image, an image named as text. */
	assert_int_equal(support_file_type_settle(FILE_ATTACHMENT, "shot.png", FT_HTML, 1, &t, &why), -1);
	assert_non_null(why);
	assert_int_equal(support_file_type_settle(FILE_ATTACHMENT, "shot.png", FT_JPEG, 0, &t, &why), -1);
	assert_int_equal(support_file_type_settle(FILE_ATTACHMENT, "notes.txt", FT_PNG, 0, &t, &why), -1);
	/* Bytes of no type the reports take, whatever the name. */
	assert_int_equal(support_file_type_settle(FILE_ATTACHMENT, "shot.png", FT_UNKNOWN, 0, &t, &why), -1);
	/* Text that turned out not to be. */
	assert_int_equal(support_file_type_settle(FILE_LOG, "app.log", FT_TEXT, 0, &t, &why), -1);
	/* Extensions the reports do not take. */
	assert_int_equal(support_file_type_settle(FILE_ATTACHMENT, "tool.exe", FT_ZIP, 0, &t, &why), -1);
	/* The log text and SIP logs are text. */
	assert_int_equal(support_file_type_settle(FILE_SIP, "sip.png", FT_PNG, 0, &t, &why), -1);
	assert_int_equal(support_file_type_settle(FILE_LOG, "log.zip", FT_ZIP, 0, &t, &why), -1);
}

static void part_names_give_roles(void **state)
{
	assert_int_equal(support_file_role_of("log"), FILE_LOG);
	assert_int_equal(support_file_role_of("sip"), FILE_SIP);
	assert_int_equal(support_file_role_of("sip2"), FILE_SIP);
	assert_int_equal(support_file_role_of("attachment1"), FILE_ATTACHMENT);
	assert_int_equal(support_file_role_of("screenshot"), FILE_ATTACHMENT);
	assert_int_equal(support_file_role_of("logs"), -1);
	assert_int_equal(support_file_role_of("file"), -1);
}

static void file_names_are_cleaned(void **state)
{
	char out[256];
	support_file_name_clean("C:\\Users\\ada\\shot.png", "x", out, sizeof out);
	assert_string_equal(out, "shot.png");
	support_file_name_clean("../../etc/passwd", "x", out, sizeof out);
	assert_string_equal(out, "passwd");
	support_file_name_clean("a\"b;c\r\nd.txt", "x", out, sizeof out);
	assert_string_equal(out, "abcd.txt");
	support_file_name_clean("..", "attachment1", out, sizeof out);
	assert_string_equal(out, "attachment1");
	support_file_name_clean("", "log", out, sizeof out);
	assert_string_equal(out, "log");
	/* Cut to fit, never inside a character. */
	char small[6];
	support_file_name_clean("abc\xc3\xa9\xc3\xa9", "x", small, sizeof small);
	assert_string_equal(small, "abc\xc3\xa9");

	support_download_name("r\xc3\xa9sum\xc3\xa9 \"1\".txt", out, sizeof out);
	assert_string_equal(out, "r_sum_ _1_.txt");
	support_download_name(".hidden", out, sizeof out);
	assert_string_equal(out, "attachment");
}

static const char *REPORT =
	"{\"reportId\": \"2a03091d-6da3-40c7-9f0e-af311f490963\", \"product\": \"Mitel One Mobile\","
	" \"platform\": \"android\", \"title\": \"Support log 22 - feedback\", \"topic\": \"Messages\","
	" \"description\": \"feed back\\nfor two.\", \"logLevel\": \"debug\","
	" \"userDetails\": {\"Name\": \"Ada\", \"Extension\": 101, \"Beta\": true},"
	" \"deviceAndApps\": {\"Device model\": \"Pixel 8\"},"
	" \"signalStrength\": [{\"time\": \"12:00\", \"strength\": -97, \"network\": \"LTE\"}],"
	" \"errorInformation\": {\"Code\": \"SIP-408\"},"
	" \"accountId\": \"not taken from here\"}";

static void a_report_is_read(void **state)
{
	json_t *doc;
	struct support_report r;
	const char *field, *problem;
	assert_int_equal(support_report_read(REPORT, &doc, &r, &field, &problem), 0);
	assert_string_equal(r.uid, "2a03091d-6da3-40c7-9f0e-af311f490963");
	assert_string_equal(r.product, "Mitel One Mobile");
	assert_string_equal(r.description, "feed back\nfor two.");
	assert_non_null(r.tabs[TAB_USER]);
	assert_non_null(r.tabs[TAB_SIGNAL]);
	assert_non_null(r.tabs[TAB_ERROR]);
	json_decref(doc);
}

/* A change of REPORT, and the field it must be refused at. */
static void refused(const char *from, const char *to, const char *expect_field)
{
	char text[2048];
	const char *at = strstr(REPORT, from);
	assert_non_null(at);
	snprintf(text, sizeof text, "%.*s%s%s", (int)(at - REPORT), REPORT, to, at + strlen(from));
	json_t *doc = (json_t *)1;
	struct support_report r;
	const char *field, *problem;
	assert_int_equal(support_report_read(text, &doc, &r, &field, &problem), -1);
	assert_null(doc);
	assert_string_equal(field, expect_field);
	assert_non_null(problem);
}

static void bad_reports_name_the_field(void **state)
{
	refused("\"title\": \"Support log 22 - feedback\"", "\"title\": \"\"", "title");
	refused("\"title\": \"Support log 22 - feedback\"", "\"title\": 22", "title");
	refused("\"title\": \"Support log 22 - feedback\"", "\"title\": \"a\\u0007b\"", "title");
	refused("\"platform\": \"android\"", "\"platform\": \"windows phone\"", "platform");
	refused("\"logLevel\": \"debug\"", "\"logLevel\": \"loud\"", "logLevel");
	refused("\"reportId\": \"2a03091d-6da3-40c7-9f0e-af311f490963\"", "\"reportId\": \"42\"", "reportId");
	refused("\"userDetails\": {\"Name\": \"Ada\"", "\"userDetails\": {\"Name\": {\"nested\": 1}", "userDetails");
	refused("\"deviceAndApps\": {\"Device model\": \"Pixel 8\"}", "\"deviceAndApps\": [1, 2]", "deviceAndApps");
	refused("\"strength\": -97", "\"strength\": \"strong\"", "signalStrength");
	/* Signal strength comes from Android devices only. */
	refused("\"platform\": \"android\"", "\"platform\": \"ios\"", "signalStrength");
	json_t *doc;
	struct support_report r;
	const char *field, *problem;
	assert_int_equal(support_report_read("[1]", &doc, &r, &field, &problem), -1);
	assert_string_equal(field, "report");
	assert_int_equal(support_report_read("", &doc, &r, &field, &problem), -1);
	assert_int_equal(support_report_read("{\"product\": \"x\", \"product\": \"y\"}", &doc, &r, &field, &problem), -1);
}

static void tabs_follow_the_product(void **state)
{
	unsigned all = (1u << TAB_USER) | (1u << TAB_DEVICE) | (1u << TAB_SIGNAL) | (1u << TAB_ERROR);
	/* Guide §2.10: Mobile has the four (signal strength on Android only), Web two. */
	assert_int_equal(support_tabs_shown("Mitel One Mobile", "android", 0), all);
	assert_int_equal(support_tabs_shown("Mitel One Mobile", "ios", all), all & ~(1u << TAB_SIGNAL));
	assert_int_equal(support_tabs_shown("Mitel One Web", "web", all), (1u << TAB_USER) | (1u << TAB_ERROR));
	/* Another product shows what it sent. */
	assert_int_equal(support_tabs_shown("MiVoice Office", "desktop", 1u << TAB_ERROR), 1u << TAB_ERROR);
}

/* The reminder schedule (spec ch2 §5.4), with the clock the test moves: a
 * log reported at t0 is due at t0 + 24 h, then every 24 h after, on the
 * same hour; a syncd away for days sends one reminder, not one per day
 * missed. */
static void reminders_keep_their_schedule(void **state)
{
	const long day = 24 * 3600;
	long t0 = 1000000, due = t0 + day;
	long now = due;                     /* the clock reaches the first reminder */
	long steps = support_reminder_steps(now - due, day);
	assert_int_equal(steps, 1);
	due += steps * day;
	assert_int_equal(due, t0 + 2 * day);
	now = due + 90;                     /* a tick a minute and a half late */
	due += support_reminder_steps(now - due, day) * day;
	assert_int_equal(due, t0 + 3 * day); /* still on the hour it was reported */
	now = due + 3 * day + 5;            /* syncd was away three days */
	steps = support_reminder_steps(now - due, day);
	assert_int_equal(steps, 4);
	due += steps * day;
	assert_true(due > now && due - now <= day);
	assert_int_equal((due - t0) % day, 0);
	assert_int_equal(support_reminder_steps(-5, day), 1);
	assert_int_equal(support_reminder_steps(10, 0), 11);
}

static void states_and_kinds(void **state)
{
	assert_string_equal(support_state_key(SUPPORT_REPORTED), "reported");
	assert_int_equal(support_state_from_key("resolved"), SUPPORT_RESOLVED);
	assert_int_equal(support_state_from_key("Resolved"), -1);
	assert_int_equal(support_state_from_key(NULL), -1);
	assert_true(support_mail_kind(SUPPORT_MAIL_REMINDER));
	assert_false(support_mail_kind("welcome"));
	assert_true(support_export_has_report("Mitel One Mobile"));
	assert_false(support_export_has_report("Mitel One Web"));
}

static void dates_and_names_as_the_guide_shows_them(void **state)
{
	char out[64];
	support_time_text("en", 1660867320, 0, out, sizeof out); /* 2022-08-19 00:02 UTC */
	assert_string_equal(out, "Aug 19, 2022 12:02 AM");
	support_time_text("en", 1660867320, 1, out, sizeof out);
	assert_string_equal(out, "August 19, 2022 12:02 AM");
	support_time_text("fr", 1660867320, 1, out, sizeof out);
	assert_string_equal(out, "19/08/2022 00:02");
	support_time_text("de", 1660910400 + 13 * 60, 0, out, sizeof out);
	assert_string_equal(out, "19.08.2022 12:13");
	support_time_text("en", 1660910400 + 13 * 60, 0, out, sizeof out); /* 12:13 PM */
	assert_string_equal(out, "Aug 19, 2022 12:13 PM");
	char name[128];
	support_short_name("2a03091d-6da3-40c7-9f0e-af311f490963.txt", name, sizeof name);
	assert_string_equal(name, "2a03091d-6da3-40c7-9...txt");
	support_short_name("shot.png", name, sizeof name);
	assert_string_equal(name, "shot.png");
}

/* The signal strength CSV of report.zip: a value a spreadsheet would run
 * as a formula is written as text. */
static void csv_cells_are_neutralised(void **state)
{
	struct csv_out o;
	char *data;
	size_t len;
	csv_begin(&o);
	csv_field(&o, "=HYPERLINK(\"http://evil\",\"x\")");
	csv_field(&o, "@SUM(A1)");
	csv_field(&o, "LTE");
	csv_end_record(&o);
	assert_int_equal(csv_finish(&o, &data, &len), 0);
	assert_string_equal(data, "\xEF\xBB\xBF\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'@SUM(A1),LTE\r\n");
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(types_come_from_bytes), cmocka_unit_test(text_is_checked_across_pieces),
		cmocka_unit_test(names_must_not_lie), cmocka_unit_test(part_names_give_roles),
		cmocka_unit_test(file_names_are_cleaned), cmocka_unit_test(a_report_is_read),
		cmocka_unit_test(bad_reports_name_the_field), cmocka_unit_test(tabs_follow_the_product),
		cmocka_unit_test(reminders_keep_their_schedule), cmocka_unit_test(states_and_kinds),
		cmocka_unit_test(dates_and_names_as_the_guide_shows_them), cmocka_unit_test(csv_cells_are_neutralised),
	};
	return cmocka_run_group_tests_name("support_logs", tests, NULL, NULL);
}
