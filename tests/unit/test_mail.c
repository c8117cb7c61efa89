#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/core/config.h"
#include "lib/jobs.h"
#include "lib/mail.h"
#include "lib/tokens.h"

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Decodes base64 (ignoring line breaks) into out. */
static void unbase64(const char *in, char *out)
{
	unsigned v = 0;
	int bits = 0;
	for (; *in; in++) {
		const char *p = strchr(b64, *in);
		if (!p)
			continue;
		v = v << 6 | (unsigned)(p - b64);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			*out++ = (char)(v >> bits & 0xff);
		}
	}
	*out = 0;
}

/* The base64 body of the part of the given type, decoded. */
static void part_of(const char *message, const char *type, char *out)
{
	char marker[64];
	snprintf(marker, sizeof marker, "Content-Type: %s;", type);
	const char *start = strstr(message, marker);
	assert_non_null(start);
	start = strstr(start, "\r\n\r\n") + 4;
	const char *end = strstr(start, "--=_sb_");
	assert_non_null(end);
	char *body = strndup(start, (size_t)(end - start));
	unbase64(body, out);
	free(body);
}

static void message_has_both_parts(void **state)
{
	char text[] = "Hello Ada,\n\nhttp://x/register?t=abc\n— Switchboard\n";
	char html[] = "<p>Hello Ada</p>";
	char subject[] = "Finish building your account";
	struct mail_parts m = {subject, text, html, "de"};
	char *msg = mail_message("no-reply@example.com", "Switchboard", "ada@example.com",
				 "Mon, 02 Jan 2023 03:04:05 +0000", "<1.abc@example.com>", &m);
	assert_non_null(msg);
	assert_non_null(strstr(msg, "From: Switchboard <no-reply@example.com>\r\n"));
	assert_non_null(strstr(msg, "To: <ada@example.com>\r\n"));
	assert_non_null(strstr(msg, "Subject: Finish building your account\r\n"));
	assert_non_null(strstr(msg, "Message-ID: <1.abc@example.com>\r\n"));
	assert_non_null(strstr(msg, "Content-Language: de\r\n"));
	assert_non_null(strstr(msg, "Content-Type: multipart/alternative; boundary=\"=_sb_1.abc\"\r\n"));
	char decoded[512];
	part_of(msg, "text/plain", decoded);
	assert_string_equal(decoded, text);
	part_of(msg, "text/html", decoded);
	assert_string_equal(decoded, html);
	assert_non_null(strstr(msg, "--=_sb_1.abc--\r\n"));
	free(msg);
}

static void subject_encoded_when_not_ascii(void **state)
{
	char subject[] = "Bienvenue, Zoë";
	struct mail_parts m = {subject, (char *)"t", (char *)"h", ""};
	char *msg = mail_message("a@example.com", "", "b@example.com", "d", "<1@x>", &m);
	assert_non_null(msg);
	assert_non_null(strstr(msg, "Subject: =?UTF-8?B?"));
	assert_null(strstr(msg, "Zoë"));
	assert_non_null(strstr(msg, "From: <a@example.com>\r\n"));
	free(msg);
}

static void header_injection_refused(void **state)
{
	struct mail_parts m = {(char *)"Hi\r\nBcc: evil@example.com", (char *)"t", (char *)"h", ""};
	assert_null(mail_message("a@example.com", "", "b@example.com", "d", "<1@x>", &m));
	m.subject = (char *)"Hi";
	assert_null(mail_message("a@example.com", "", "b@example.com>\r\nBcc: <evil@example.com", "d", "<1@x>", &m));
}

static void backoff_doubles_up_to_the_limit(void **state)
{
	assert_int_equal(mail_backoff_seconds(1, 30, 900), 30);
	assert_int_equal(mail_backoff_seconds(2, 30, 900), 60);
	assert_int_equal(mail_backoff_seconds(3, 30, 900), 120);
	assert_int_equal(mail_backoff_seconds(10, 30, 900), 900);
	assert_int_equal(mail_backoff_seconds(1000, 30, 900), 900);
	assert_int_equal(mail_backoff_seconds(0, 0, 900), 1);
}

static void tokens_must_be_64_hex(void **state)
{
	char t[TOKEN_HEX];
	assert_int_equal(random_token(t), 0);
	assert_true(token_well_formed(t));
	assert_false(token_well_formed(""));
	assert_false(token_well_formed(NULL));
	t[10] = 'G';
	assert_false(token_well_formed(t));
	assert_false(token_well_formed("abc"));
	char longer[TOKEN_HEX + 1];
	memset(longer, 'a', TOKEN_HEX);
	longer[TOKEN_HEX] = 0;
	assert_false(token_well_formed(longer));
}

static void job_kinds(void **state)
{
	assert_int_equal(job_kind_from_key("welcome"), JOB_WELCOME);
	assert_int_equal(job_kind_from_key("reset"), JOB_RESET);
	assert_int_equal(job_kind_from_key("delete"), JOB_DELETE);
	assert_int_equal(job_kind_from_key("convert"), JOB_CONVERT);
	assert_int_equal(job_kind_from_key("unassign"), JOB_UNASSIGN);
	assert_string_equal(job_kind_key(JOB_UPGRADE), "upgrade");
	assert_string_equal(job_kind_key(JOB_ASSIGN), "assign");
	assert_int_equal(job_kind_from_key("Delete"), -1);
	assert_int_equal(job_kind_from_key(NULL), -1);
	assert_string_equal(job_kind_key(JOB_RESET), "reset");
}

/* Renders the real templates of the repository: both parts, escaped for HTML only. */
static void renders_the_welcome_templates(void **state)
{
	char cfg[] = "/tmp/sb-test-mail-XXXXXX";
	int fd = mkstemp(cfg);
	assert_true(fd >= 0);
	dprintf(fd, "Templates.Dir = templates\n");
	close(fd);
	assert_int_equal(config_load(cfg), 0);
	unlink(cfg);
	HDF *h = NULL;
	assert_null(hdf_init(&h));
	hdf_set_value(h, "Mail.Name", "Ada <Lovelace>");
	hdf_set_value(h, "Mail.Account", "Acme & Co");
	hdf_set_value(h, "Mail.Link", "http://127.0.0.1/register?t=abc");
	hdf_set_value(h, "Mail.Valid", "7");
	struct mail_parts m;
	char err[256];
	assert_int_equal(mail_render("welcome", "xx", h, &m, err, sizeof err), 0);
	assert_string_equal(m.subject, "Finish building your account");
	assert_string_equal(m.language, "en");   /* "xx" has no file: the mail is in English */
	assert_non_null(strstr(m.text, "Hello Ada <Lovelace>,"));
	assert_non_null(strstr(m.text, "Acme & Co"));
	assert_non_null(strstr(m.text, "http://127.0.0.1/register?t=abc"));
	assert_non_null(strstr(m.html, "Ada &lt;Lovelace&gt;"));
	assert_non_null(strstr(m.html, "Acme &amp; Co"));
	assert_non_null(strstr(m.html, "href=\"http://127.0.0.1/register?t=abc\""));
	mail_parts_free(&m);
	hdf_destroy(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(message_has_both_parts), cmocka_unit_test(subject_encoded_when_not_ascii),
		cmocka_unit_test(header_injection_refused), cmocka_unit_test(backoff_doubles_up_to_the_limit),
		cmocka_unit_test(tokens_must_be_64_hex), cmocka_unit_test(job_kinds),
		cmocka_unit_test(renders_the_welcome_templates),
	};
	return cmocka_run_group_tests_name("mail", tests, NULL, NULL);
}
