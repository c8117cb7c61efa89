/* The Event History's pure pieces: the vocabulary of the console's dotted
 * actions (guide §2.16), list positions, a person's columns, and CSV cells
 * a spreadsheet cannot run. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lib/events.h"
#include "lib/events_prefs.h"
#include "lib/events_vocab.h"
#include "lib/sheet/csv_write.h"

static void dotted_actions_map_to_the_guides_actions(void **state)
{
	char act[EVENT_KEY_MAX + 1];
	event_act_of("user.update", act, sizeof act);
	assert_string_equal(act, "edit");
	event_act_of("account.create", act, sizeof act);
	assert_string_equal(act, "create");
	event_act_of("role.delete", act, sizeof act);
	assert_string_equal(act, "delete");
	event_act_of("user.password_change", act, sizeof act);
	assert_string_equal(act, "password_change");
	event_act_of("launch", act, sizeof act);
	assert_string_equal(act, "launch");
	event_act_of("user.Bad-Word", act, sizeof act);
	assert_string_equal(act, "");
	event_act_of(NULL, act, sizeof act);
	assert_string_equal(act, "");
}

static void writers_assets_become_the_guides(void **state)
{
	const char *type;
	char asset[EVENT_KEY_MAX + 1];
	event_vocab_of("pbx_user.create", "PBX user", &type, asset, sizeof asset);
	assert_string_equal(type, "mivb");
	assert_string_equal(asset, "pbx_user_profile");
	event_vocab_of("did.delete", "DID", &type, asset, sizeof asset);
	assert_string_equal(type, "mivb");
	assert_string_equal(asset, "did");
	event_vocab_of("gateway.claimed", "Gateway", &type, asset, sizeof asset);
	assert_string_equal(type, "admin");
	assert_string_equal(asset, "gateway");
	event_vocab_of("integration.remove", "  CloudLink -- Gateway!", &type, asset, sizeof asset);
	assert_string_equal(asset, "cloudlink_gateway");
	event_vocab_of("user.update", "user", &type, asset, sizeof asset);
	assert_string_equal(type, "admin");
	assert_string_equal(asset, "user");
	event_vocab_of(NULL, NULL, &type, asset, sizeof asset);
	assert_string_equal(asset, "");
	assert_true(event_key_valid("cloudlink_gateway", EVENT_KEY_MAX));
}

static void keys_and_labels(void **state)
{
	assert_true(event_key_valid("pbx_user_profile", EVENT_KEY_MAX));
	assert_false(event_key_valid("", EVENT_KEY_MAX));
	assert_false(event_key_valid("a/b", EVENT_KEY_MAX));
	assert_false(event_key_valid("a%", EVENT_KEY_MAX));
	assert_false(event_key_valid("Phone", EVENT_KEY_MAX));
	char label[64];
	event_key_label("pbx_user_profile", label, sizeof label);
	assert_string_equal(label, "Pbx User Profile");
	event_key_label("x", label, 2);
	assert_string_equal(label, "X");
	char t[EVENT_KEY_MAX + 1], a[EVENT_KEY_MAX + 1], x[EVENT_KEY_MAX + 1];
	assert_int_equal(event_kind_split("mivb/phone/edit", t, a, x), 0);
	assert_string_equal(t, "mivb");
	assert_string_equal(a, "phone");
	assert_string_equal(x, "edit");
	assert_int_equal(event_kind_split("mivb/phone", t, a, x), -1);
	assert_int_equal(event_kind_split("mivb//edit", t, a, x), -1);
	assert_int_equal(event_kind_split("mivb/phone/edit/more", t, a, x), -1);
}

static void positions_round_trip_and_refuse_anything_else(void **state)
{
	struct event_cursor c = {"2024-08-14 17:16:57.123456", 42}, back;
	char text[64];
	event_cursor_format(&c, text, sizeof text);
	assert_string_equal(text, "2024-08-14T17:16:57.123456~42");
	assert_int_equal(event_cursor_parse(text, &back), 0);
	assert_string_equal(back.at, c.at);
	assert_int_equal(back.id, 42);
	assert_int_equal(event_cursor_parse("2024-08-14T17:16:57~42", &back), -1);
	assert_int_equal(event_cursor_parse("2024-08-14T17:16:57.123456~", &back), -1);
	assert_int_equal(event_cursor_parse("2024-08-14T17:16:57.123456~0", &back), -1);
	assert_int_equal(event_cursor_parse("2024-08-14 17:16:57.123456~4", &back), -1);
	assert_int_equal(event_cursor_parse("2024-08-14T17:16:57.123456~4' OR 1", &back), -1);
	assert_int_equal(event_cursor_parse(NULL, &back), -1);
}

static const struct table_column cols[] = {
	{"a", 1, 0}, {"b", 0, 0}, {"c", 1, 1}, {"d", 1, 0},
};

static void layouts(void **state)
{
	struct table_layout l;
	char text[128];
	table_layout_default(cols, 4, &l);
	table_layout_format(cols, &l, text, sizeof text);
	assert_string_equal(text, "a,-b,c,d");
	/* Unknown keys dropped, a fixed column shown, missing ones in their place. */
	table_layout_parse(cols, 4, "d,-c,zz,-a", &l);
	table_layout_format(cols, &l, text, sizeof text);
	assert_string_equal(text, "d,c,-a,-b");
	table_layout_parse(cols, 4, "b,d", &l);
	table_layout_format(cols, &l, text, sizeof text);
	assert_string_equal(text, "a,b,c,d");
	table_layout_move(&l, 3, -1);
	table_layout_format(cols, &l, text, sizeof text);
	assert_string_equal(text, "a,b,d,c");
	table_layout_move(&l, 0, -1);
	table_layout_move(&l, 3, 1);
	table_layout_format(cols, &l, text, sizeof text);
	assert_string_equal(text, "a,b,d,c");
	table_layout_parse(cols, 4, "a,a,a", &l);
	assert_int_equal(l.n, 4);
}

static char *csv_of(const char *const *fields, int n)
{
	struct csv_buffer b = {0};
	struct csv_sink s = {.write = csv_buffer_write, .ctx = &b};
	for (int i = 0; i < n; i++)
		csv_sink_field(&s, fields[i]);
	csv_sink_end_record(&s);
	return b.data;
}

static void csv_cells_never_run_as_formulas(void **state)
{
	/* The rule itself is lib/sheet/sheet_cell.c's (test_sheet_cell.c); here,
	 * that the streaming writer applies it and quotes as the other writer. */
	const char *fields[] = {"plain", "=HYPERLINK(\"http://x\",\"y\")", "a,b", "say \"hi\"", " padded", "line\nbreak", "-5",
				"@cmd "};
	char *out = csv_of(fields, 8);
	assert_string_equal(out, "plain,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"a,b\",\"say \"\"hi\"\"\",\" padded\","
				 "\"line\nbreak\",'-5,\"'@cmd \"\r\n");
	free(out);
	/* The same cells through the in-memory writer come out the same. */
	struct csv_out o;
	csv_begin(&o);
	for (int i = 0; i < 8; i++)
		csv_field(&o, fields[i]);
	csv_end_record(&o);
	char *data;
	size_t len;
	assert_int_equal(csv_finish(&o, &data, &len), 0);
	assert_string_equal(data + 3, "plain,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"a,b\",\"say \"\"hi\"\"\",\" padded\","
				      "\"line\nbreak\",'-5,\"'@cmd \"\r\n");
	free(data);
}

static void csv_starts_with_a_byte_order_mark(void **state)
{
	struct csv_buffer b = {0};
	struct csv_sink s = {.write = csv_buffer_write, .ctx = &b};
	csv_sink_begin(&s);
	csv_sink_field(&s, "x");
	assert_memory_equal(b.data, "\xEF\xBB\xBFx", 4);
	free(b.data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dotted_actions_map_to_the_guides_actions), cmocka_unit_test(writers_assets_become_the_guides),
		cmocka_unit_test(keys_and_labels),
		cmocka_unit_test(positions_round_trip_and_refuse_anything_else), cmocka_unit_test(layouts),
		cmocka_unit_test(csv_cells_never_run_as_formulas), cmocka_unit_test(csv_starts_with_a_byte_order_mark),
	};
	return cmocka_run_group_tests_name("events", tests, NULL, NULL);
}
