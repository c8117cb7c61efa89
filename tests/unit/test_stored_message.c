/* A stored message (a PBX sync's error, a SCIM source's) as a key and its arguments (lib/stored_message.h), and
 * lang_fill that words it (lib/lang.h): each reader's language, the stored
 * English words for a row written before errors had keys. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lang.h"
#include "lib/stored_message.h"

static void placeholders_take_their_arguments(void **state)
{
	char out[128];
	const char *args[] = {"30", "GET", "/v1/users"};
	lang_fill("no answer within {1} s ({2} {3})", args, 3, out, sizeof out);
	assert_string_equal(out, "no answer within 30 s (GET /v1/users)");
	lang_fill("{2} before {1}, {4} stays", args, 2, out, sizeof out);
	assert_string_equal(out, "GET before 30, {4} stays");
	lang_fill("{1}{1}{1}", args, 1, out, 5);   /* cut to fit */
	assert_string_equal(out, "3030");
}

static void an_error_reads_in_the_reader_s_language(void **state)
{
	HDF *fr = NULL;
	assert_null(hdf_init(&fr));
	hdf_set_value(fr, "pbx.errors.wrong_type", "le PBX à l'adresse {1} est un {2}, pas un {3}");
	struct stored_message e;
	stored_message_set(&e, "wrong_type", "10.0.0.1:443", "MiVoice Business", "MX-ONE", NULL);
	assert_int_equal(e.n, 3);
	char *args = stored_message_args_json(&e);
	assert_string_equal(args, "[\"10.0.0.1:443\",\"MiVoice Business\",\"MX-ONE\"]");
	char out[256];
	stored_message_words(fr, "pbx.errors", e.key, args, "the English words", out, sizeof out);
	assert_string_equal(out, "le PBX à l'adresse 10.0.0.1:443 est un MiVoice Business, pas un MX-ONE");
	/* Written before errors had keys, or a key the language file lacks: the words stored. */
	stored_message_words(fr, "pbx.errors", "", "", "gateway unreachable (timeout)", out, sizeof out);
	assert_string_equal(out, "gateway unreachable (timeout)");
	stored_message_words(fr, "pbx.errors", "no_such_key", "[]", "stored", out, sizeof out);
	assert_string_equal(out, "stored");
	free(args);
	hdf_destroy(&fr);
}

/* Each kind of message has its own keys: a SCIM source's error reads from
 * scim.errors, the same key under pbx.errors is another message. */
static void a_message_reads_from_its_own_kind(void **state)
{
	HDF *de = NULL;
	assert_null(hdf_init(&de));
	hdf_set_value(de, "scim.errors.http_status", "die Quelle hat mit HTTP {1} geantwortet");
	hdf_set_value(de, "pbx.errors.out_of_memory", "nicht genügend Speicher (PBX)");
	hdf_set_value(de, "scim.errors.out_of_memory", "nicht genügend Speicher");
	struct stored_message m;
	stored_message_set(&m, "http_status", "401", NULL);
	char *args = stored_message_args_json(&m);
	char out[256];
	stored_message_words(de, "scim.errors", m.key, args, "the source answered HTTP 401", out, sizeof out);
	assert_string_equal(out, "die Quelle hat mit HTTP 401 geantwortet");
	stored_message_words(de, "pbx.errors", m.key, args, "the source answered HTTP 401", out, sizeof out);
	assert_string_equal(out, "the source answered HTTP 401");
	stored_message_words(de, "scim.errors", "out_of_memory", "[]", "out of memory", out, sizeof out);
	assert_string_equal(out, "nicht genügend Speicher");
	/* more arguments than a message holds are cut, none is lost in the middle */
	stored_message_set(&m, "k", "1", "2", "3", "4", "5", NULL);
	assert_int_equal(m.n, STORED_MESSAGE_ARGS);
	assert_string_equal(m.args[3], "4");
	free(args);
	hdf_destroy(&de);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(placeholders_take_their_arguments),
		cmocka_unit_test(an_error_reads_in_the_reader_s_language),
		cmocka_unit_test(a_message_reads_from_its_own_kind),
	};
	return cmocka_run_group_tests_name("stored_message", tests, NULL, NULL);
}
