/* A PBX sync's error as a key and its arguments (lib/stored_message.h), and
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(placeholders_take_their_arguments),
		cmocka_unit_test(an_error_reads_in_the_reader_s_language),
	};
	return cmocka_run_group_tests_name("stored_message", tests, NULL, NULL);
}
