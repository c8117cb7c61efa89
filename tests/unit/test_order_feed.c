/* The pure parts of order file feeds (lib/order_feed_parse.c): which names
 * are feed files, which sources a feed may have, and a JSON or CSV file
 * read into the API's documents (ch2 §3.7). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/order_feed.h"

static void names_and_sources(void **state)
{
	assert_true(order_feed_file_name("orders-2026-05-01.json"));
	assert_true(order_feed_file_name("Orders_1.CSV"));
	assert_false(order_feed_file_name(".orders.json"));        /* still being written */
	assert_false(order_feed_file_name("orders.json.part"));
	assert_false(order_feed_file_name("../x.json"));
	assert_false(order_feed_file_name(".json"));
	assert_false(order_feed_file_name("a b.csv"));
	assert_true(order_feed_source_valid("/srv/feeds/acme"));
	assert_true(order_feed_source_valid("https://erp.example.com/feeds/index.json"));
	assert_false(order_feed_source_valid("feeds/acme"));
	assert_false(order_feed_source_valid("ftp://erp.example.com/"));
	assert_false(order_feed_source_valid("/srv/my feeds"));
	assert_false(order_feed_source_valid(""));
}

static const char *str(json_t *o, const char *key) { return json_string_value(json_object_get(o, key)); }

static void a_csv_file(void **state)
{
	static const char csv[] =
		"\xef\xbb\xbforderNumber,partnerBillingId,termMonths,activated,revision,product,plan,quantity\r\n"
		"A-1,B1,12,no,3,Mitel One,Premier,10\r\n"
		"A-1,,,,,MiTeam Meetings,,25\r\n"
		"\r\n"
		"A-2,B1,x12,maybe,1,Zoom Hybrid,\"hMitel, Indirect\",2\r\n";
	char error[200] = "";
	json_t *list = order_feed_parse("o.csv", csv, sizeof csv - 1, error, sizeof error);
	assert_non_null(list);
	assert_int_equal(json_array_size(list), 2);
	json_t *a = json_array_get(list, 0), *b = json_array_get(list, 1);
	assert_string_equal(str(a, "orderNumber"), "A-1");
	assert_string_equal(str(a, "at"), "row 2");
	assert_int_equal(json_integer_value(json_object_get(a, "termMonths")), 12);
	assert_true(json_is_false(json_object_get(a, "activated")));
	assert_int_equal(json_array_size(json_object_get(a, "lines")), 2);
	json_t *second = json_array_get(json_object_get(a, "lines"), 1);
	assert_string_equal(str(second, "product"), "MiTeam Meetings");
	assert_null(json_object_get(second, "plan"));             /* an empty cell: absent */
	assert_int_equal(json_integer_value(json_object_get(second, "quantity")), 25);
	assert_string_equal(str(b, "at"), "row 5");
	assert_string_equal(str(b, "termMonths"), "x12");       /* left as text: order_parse names it */
	assert_string_equal(str(b, "activated"), "maybe");
	assert_string_equal(str(json_array_get(json_object_get(b, "lines"), 0), "plan"), "hMitel, Indirect");
	json_decref(list);
}

static void bad_files(void **state)
{
	char error[200];
	static const char unknown[] = "orderNumber,colour\nA-1,red\n";
	assert_null(order_feed_parse("o.csv", unknown, sizeof unknown - 1, error, sizeof error));
	assert_string_equal(error, "unknown column \"colour\" in the header row");
	static const char no_number[] = "product,quantity\nX,1\n";
	assert_null(order_feed_parse("o.csv", no_number, sizeof no_number - 1, error, sizeof error));
	assert_string_equal(error, "no orderNumber column in the header row");
	assert_null(order_feed_parse("o.csv", "", 0, error, sizeof error));
	assert_string_equal(error, "no header row");
	static const char binary[] = "orderNumber\n\0\1\2";
	assert_null(order_feed_parse("o.csv", binary, sizeof binary - 1, error, sizeof error));
	assert_null(order_feed_parse("o.json", "{\"orders\": [", 12, error, sizeof error));
	assert_non_null(strstr(error, "not JSON"));
	assert_null(order_feed_parse("o.json", "{\"orders\": 3}", 13, error, sizeof error));
	assert_null(order_feed_parse("o.json", "[{}, 2]", 7, error, sizeof error));
	assert_string_equal(error, "order 2 is not a JSON object");
}

static void a_json_file(void **state)
{
	static const char doc[] = "{\"orders\": [{\"orderNumber\": \"A-1\", \"revision\": 1}, {\"orderNumber\": \"A-2\"}]}";
	char error[200];
	json_t *list = order_feed_parse("o.json", doc, sizeof doc - 1, error, sizeof error);
	assert_int_equal(json_array_size(list), 2);
	assert_string_equal(str(json_array_get(list, 1), "at"), "order 2");
	json_decref(list);
	list = order_feed_parse("o.JSON", "[]", 2, error, sizeof error);
	assert_int_equal(json_array_size(list), 0);
	json_decref(list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_and_sources),
		cmocka_unit_test(a_csv_file),
		cmocka_unit_test(bad_files),
		cmocka_unit_test(a_json_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
