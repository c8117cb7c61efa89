/* Every language file says what English says: each templates/lang/<code>.hdf
 * has exactly the keys of en.hdf, no more, no fewer, and each text carries
 * the same placeholders ({n}, {date}, ...) as its English text, as many
 * times. A language whose file does not exist is not offered (lib/lang.h),
 * so there is nothing to check for it; one that exists must be whole. Each
 * difference is printed with its language and key. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <ClearSilver.h>
#include "lib/core/log.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LANG_DIR "templates/lang"

static HDF *read_lang(const char *file)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", LANG_DIR, file);
	HDF *h = NULL;
	NEOERR *err = hdf_init(&h);
	if (!err)
		err = hdf_read_file(h, path);
	if (err) {
		char msg[512];
		neo_error_text(&err, msg, sizeof msg);
		print_error("%s: %s\n", path, msg);
		hdf_destroy(&h);
		return NULL;
	}
	return h;
}

/* The placeholders of a text, sorted, one string: "{date}{n}". */
static void placeholders(const char *text, char *out, size_t size)
{
	const char *found[32];
	size_t lens[32];
	int n = 0;
	for (const char *p = text ? strchr(text, '{') : NULL; p && n < 32; p = strchr(p + 1, '{')) {
		size_t len = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz_0123456789");
		if (len && p[1 + len] == '}') {
			found[n] = p;
			lens[n++] = len + 2;
		}
	}
	for (int i = 1; i < n; i++)   /* insertion sort: a handful at most */
		for (int j = i; j > 0; j--) {
			size_t m = lens[j] < lens[j - 1] ? lens[j] : lens[j - 1];
			int c = strncmp(found[j], found[j - 1], m);
			if (c > 0 || (c == 0 && lens[j] >= lens[j - 1]))
				break;
			const char *tf = found[j];
			size_t tl = lens[j];
			found[j] = found[j - 1];
			lens[j] = lens[j - 1];
			found[j - 1] = tf;
			lens[j - 1] = tl;
		}
	size_t o = 0;
	out[0] = 0;
	for (int i = 0; i < n && o + lens[i] < size; i++) {
		memcpy(out + o, found[i], lens[i]);
		o += lens[i];
		out[o] = 0;
	}
}

/* Every key of a that b lacks, or whose placeholders differ from b's (when
 * compare_placeholders): printed, and counted. */
static int walk(HDF *a, HDF *b_root, const char *prefix, const char *code, const char *what, int compare_placeholders)
{
	int problems = 0;
	for (HDF *node = hdf_obj_child(a); node; node = hdf_obj_next(node)) {
		char key[512];
		snprintf(key, sizeof key, "%s%s%s", prefix, *prefix ? "." : "", hdf_obj_name(node));
		const char *value = hdf_obj_value(node);
		if (value) {
			HDF *other = hdf_get_obj(b_root, key);
			const char *other_value = other ? hdf_obj_value(other) : NULL;
			if (!other_value) {
				print_error("%s.hdf: %s %s\n", code, what, key);
				problems++;
			} else if (compare_placeholders) {
				char p1[256], p2[256];
				placeholders(value, p1, sizeof p1);
				placeholders(other_value, p2, sizeof p2);
				if (strcmp(p1, p2) != 0) {
					print_error("%s.hdf: %s has placeholders \"%s\", English \"%s\"\n", code, key, p2, p1);
					problems++;
				}
			}
		}
		problems += walk(node, b_root, key, code, what, compare_placeholders);
	}
	return problems;
}

static void every_language_has_the_keys_and_placeholders_of_english(void **state)
{
	HDF *en = read_lang("en.hdf");
	assert_non_null(en);
	DIR *dir = opendir(LANG_DIR);
	assert_non_null(dir);
	int problems = 0, languages = 0;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".hdf") != 0 || strcmp(e->d_name, "en.hdf") == 0)
			continue;
		char code[64];
		snprintf(code, sizeof code, "%.*s", (int)(len - 4), e->d_name);
		HDF *other = read_lang(e->d_name);
		if (!other) {
			problems++;
			continue;
		}
		languages++;
		problems += walk(en, other, "", code, "lacks", 1);
		problems += walk(other, en, "", code, "has a key English does not:", 0);
		hdf_destroy(&other);
	}
	closedir(dir);
	hdf_destroy(&en);
	print_message("# %d language(s) besides English checked\n", languages);
	assert_int_equal(problems, 0);
}

/* The check itself: a missing key, an extra one and a changed placeholder
 * are each caught. */
static void the_check_catches_each_kind_of_difference(void **state)
{
	HDF *en = NULL, *xx = NULL;
	assert_int_equal(hdf_init(&en), STATUS_OK);
	assert_int_equal(hdf_init(&xx), STATUS_OK);
	hdf_set_value(en, "a.count", "{n} users on {date}");
	hdf_set_value(en, "a.title", "Users");
	hdf_set_value(xx, "a.count", "le {date}, {n} utilisateurs");
	hdf_set_value(xx, "a.title", "Utilisateurs");
	assert_int_equal(walk(en, xx, "", "xx", "lacks", 1) + walk(xx, en, "", "xx", "extra", 0), 0);
	hdf_set_value(xx, "a.count", "{count} utilisateurs le {date}");
	assert_int_equal(walk(en, xx, "", "xx", "lacks", 1), 1);
	hdf_set_value(xx, "a.count", "{n} utilisateurs le {date}");
	hdf_set_value(xx, "b.extra", "de trop");
	assert_int_equal(walk(xx, en, "", "xx", "extra", 0), 1);
	hdf_remove_tree(xx, "a.title");
	assert_int_equal(walk(en, xx, "", "xx", "lacks", 1), 1);
	hdf_destroy(&en);
	hdf_destroy(&xx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_check_catches_each_kind_of_difference),
		cmocka_unit_test(every_language_has_the_keys_and_placeholders_of_english),
	};
	return cmocka_run_group_tests_name("lang_files", tests, NULL, NULL);
}
