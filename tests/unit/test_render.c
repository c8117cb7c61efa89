/* Templates parsed once per worker and rendered for each request's HDF;
 * parsed again when a file they read changes (an included one, or an
 * override that appears); the language tree shared, not copied into each
 * request. Templates are written into a temporary pair of directories
 * (the defaults and the override) named by a temporary config. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cgi-bin/core/render.h"
#include "lib/core/config.h"

static char root[64];

static void path_of(char *out, size_t size, const char *dir, const char *name)
{
	snprintf(out, size, "%s/%s/%s", root, dir, name);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	path_of(path, sizeof path, dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void remove_file(const char *dir, const char *name)
{
	char path[256];
	path_of(path, sizeof path, dir, name);
	assert_int_equal(unlink(path), 0);
}

/* Overwrites a file's bytes in place (same inode, same size) and puts its
 * modification time back: to the checks, nothing happened. */
static void rewrite_unnoticed(const char *dir, const char *name, const char *text)
{
	char path[256];
	struct stat st;
	path_of(path, sizeof path, dir, name);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal((size_t)st.st_size, strlen(text));
	int fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, text, strlen(text), 0), (ssize_t)strlen(text));
	close(fd);
	struct timespec times[2] = {st.st_atim, st.st_mtim};
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
}

/* Moves a file's modification time on by a second, contents unchanged. */
static void touch_later(const char *dir, const char *name)
{
	char path[256];
	struct stat st;
	path_of(path, sizeof path, dir, name);
	assert_int_equal(stat(path, &st), 0);
	struct timespec times[2] = {st.st_atim, st.st_mtim};
	times[1].tv_sec += 1;
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
}

/* Renders template for an HDF holding Name; returns the page (static). */
static const char *render(const char *template, const char *name)
{
	static char page[2048];
	HDF *hdf = NULL;
	STRING out;
	char err[1024];
	assert_int_equal(hdf_init(&hdf), STATUS_OK);
	hdf_set_value(hdf, "Name", name);
	string_init(&out);
	int rc = render_page(hdf, template, &out, err, sizeof err);
	if (rc != 0)
		snprintf(page, sizeof page, "ERROR %s", err);
	else
		snprintf(page, sizeof page, "%s", out.buf ? out.buf : "");
	/* The language tree is looked up, never copied into the request. */
	assert_null(hdf_get_obj(hdf, "Lang"));
	string_clear(&out);
	hdf_destroy(&hdf);
	return page;
}

static int setup(void **state)
{
	snprintf(root, sizeof root, "/tmp/sbrender.XXXXXX");
	assert_non_null(mkdtemp(root));
	char path[256];
	const char *dirs[] = {"default", "default/lang", "default/parts", "override", "override/parts"};
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
		assert_int_equal(mkdir(path, 0755), 0);
	}
	write_file("default", "macros.cs", "<?cs def:hello(who) ?>Hello <?cs var:who ?><?cs /def ?>");
	write_file("default", "layout.cs", "<?cs include:\"parts/head.cs\" ?>[<?cs call:content() ?>]");
	write_file("default", "page.cs", "<?cs def:content() ?><?cs call:hello(Name) ?>, <?cs var:Lang.greeting ?><?cs /def ?>");
	write_file("default", "other.cs",
		   "<?cs def:content() ?><?cs each:w = Lang.words ?><?cs var:w ?>;<?cs /each ?><?cs /def ?>");
	write_file("default/parts", "head.cs", "H1");
	write_file("default/lang", "en.hdf", "greeting = Good <day>\nwords {\n  a = one\n  b = two\n}\n");
	snprintf(path, sizeof path, "%s/switchboard.hdf", root);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "Templates.Dir = %s/default\nTemplates.Override = %s/override\n", root, root);
	fclose(f);
	assert_int_equal(config_load(path), 0);
	/* Before render_init, no language: lang() then answers with keys. */
	assert_null(render_lang());
	assert_int_equal(render_init(), 0);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", root);
	return system(cmd) == 0 ? 0 : -1;
}

/* One parse, many requests: each sees its own data, escaped. */
static void renders_each_request_with_its_own_data(void **state)
{
	assert_string_equal(render("page.cs", "<Ada>"), "H1[Hello &lt;Ada&gt;, Good &lt;day&gt;]");
	assert_string_equal(render("page.cs", "Bob"), "H1[Hello Bob, Good &lt;day&gt;]");
	assert_string_equal(render("other.cs", "x"), "H1[one;two;]");
	assert_string_equal(render("page.cs", "Cy"), "H1[Hello Cy, Good &lt;day&gt;]");
}

/* A file rewritten without a trace (same inode, size and time) is not read
 * again: the parse is reused. Any trace, and it is parsed afresh. */
static void parsed_again_only_when_a_file_changes(void **state)
{
	assert_string_equal(render("page.cs", "Ada"), "H1[Hello Ada, Good &lt;day&gt;]");
	rewrite_unnoticed("default", "macros.cs", "<?cs def:hello(who) ?>Howdy <?cs var:who ?><?cs /def ?>");
	assert_string_equal(render("page.cs", "Ada"), "H1[Hello Ada, Good &lt;day&gt;]");
	touch_later("default", "macros.cs");
	assert_string_equal(render("page.cs", "Ada"), "H1[Howdy Ada, Good &lt;day&gt;]");

	/* An included file counts as much as the page's own. */
	write_file("default/parts", "head.cs", "H2 longer");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Good &lt;day&gt;]");
	assert_string_equal(render("other.cs", "Ada"), "H2 longer[one;two;]");
}

/* An override that appears is used at once; removed, the default is back. */
static void overrides_appear_and_go(void **state)
{
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Good &lt;day&gt;]");
	write_file("override/parts", "head.cs", "OVR");
	assert_string_equal(render("page.cs", "Ada"), "OVR[Howdy Ada, Good &lt;day&gt;]");
	write_file("override", "page.cs", "<?cs def:content() ?>custom <?cs var:Name ?><?cs /def ?>");
	assert_string_equal(render("page.cs", "Ada"), "OVR[custom Ada]");
	remove_file("override", "page.cs");
	remove_file("override/parts", "head.cs");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Good &lt;day&gt;]");
}

/* A broken template names its file and line, every time, until it is fixed. */
static void a_broken_template_names_file_and_line(void **state)
{
	write_file("override", "page.cs", "<?cs def:content() ?>\n<p>x</p>\n<?cs if:Name ?>\n<?cs /def ?>\n");
	for (int i = 0; i < 2; i++) {
		const char *page = render("page.cs", "Ada");
		assert_non_null(strstr(page, "ERROR"));
		assert_non_null(strstr(page, "/override/page.cs:4"));
	}
	write_file("override/parts", "head.cs", "<?cs var:Name \n");
	const char *page = render("other.cs", "Ada");
	assert_non_null(strstr(page, "/override/parts/head.cs:1"));
	remove_file("override/parts", "head.cs");
	remove_file("override", "page.cs");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Good &lt;day&gt;]");
	assert_non_null(strstr(render("missing.cs", "Ada"), "missing.cs not found"));
}

/* The language file is re-read when it changes, or when an override of it
 * appears; handlers see the same tree (render_lang). */
static void the_language_file_is_reread(void **state)
{
	assert_string_equal(hdf_get_value(render_lang(), "greeting", ""), "Good <day>");
	write_file("default/lang", "en.hdf", "greeting = Good evening\nwords {\n  a = one\n}\n");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Good evening]");
	assert_string_equal(render("other.cs", "Ada"), "H2 longer[one;]");
	assert_string_equal(hdf_get_value(render_lang(), "greeting", ""), "Good evening");
	char path[256];
	snprintf(path, sizeof path, "%s/override/lang", root);
	assert_int_equal(mkdir(path, 0755), 0);
	write_file("override/lang", "en.hdf", "greeting = Overridden\n");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Overridden]");
	assert_string_equal(hdf_get_value(render_lang(), "greeting", ""), "Overridden");
	remove_file("override/lang", "en.hdf");
	assert_string_equal(hdf_get_value(render_lang(), "greeting", ""), "Good evening");
	/* A file that does not read leaves the last good tree in place. */
	write_file("default/lang", "en.hdf", "greeting = Half\nnot an assignment\n");
	assert_string_equal(hdf_get_value(render_lang(), "greeting", ""), "Good evening");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Good evening]");
	write_file("default/lang", "en.hdf", "greeting = Whole again\n");
	assert_string_equal(hdf_get_value(render_lang(), "greeting", ""), "Whole again");
}

/* Each language has its own tree, English beneath it (a key the language
 * lacks reads in English), re-read when its file changes; an override of a
 * language's file wins for that language only. Templates format dates and
 * numbers in the language of the request. */
static void each_language_has_its_own_tree(void **state)
{
	write_file("default/lang", "en.hdf", "greeting = Whole again\nwords {\n  a = one\n}\n");
	write_file("default/lang", "fr.hdf", "greeting = Bonsoir\n");
	render_use_language("fr");
	assert_string_equal(render_language(), "fr");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Bonsoir]");
	assert_string_equal(render("other.cs", "Ada"), "H2 longer[one;]");
	assert_string_equal(hdf_get_value(render_lang(), "greeting", ""), "Bonsoir");
	assert_string_equal(hdf_get_value(render_lang_of("en"), "greeting", ""), "Whole again");

	write_file("override/lang", "fr.hdf", "greeting = Salut\n");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Salut]");
	render_use_language("en");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Whole again]");
	render_use_language("fr");
	remove_file("override/lang", "fr.hdf");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Bonsoir]");
	write_file("default/lang", "fr.hdf", "greeting = Bonne nuit\n");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Bonne nuit]");
	/* English changes show beneath a language that lacks the key. */
	write_file("default/lang", "en.hdf", "greeting = Whole again\nwords {\n  a = uno\n}\n");
	assert_string_equal(render("other.cs", "Ada"), "H2 longer[uno;]");

	/* A language without a file, or a code that is no code: English. */
	render_use_language("de");
	assert_string_equal(render("page.cs", "Ada"), "H2 longer[Howdy Ada, Whole again]");
	assert_null(render_lang_of("de"));
	render_use_language("../en");
	assert_string_equal(render_language(), "en");

	write_file("default", "fmt.cs",
		   "<?cs def:content() ?><?cs var:number_text(Name) ?>|<?cs var:date_text(\"2026-03-05 14:07\") ?><?cs /def ?>");
	assert_string_equal(render("fmt.cs", "1234567"), "H2 longer[1,234,567|2026-03-05 14:07]");
	write_file("default/lang", "de.hdf", "greeting = Guten Abend\n");
	render_use_language("de");
	assert_string_equal(render("fmt.cs", "1234567"), "H2 longer[1.234.567|05.03.2026 14:07]");
	assert_string_equal(render("fmt.cs", "n/a"), "H2 longer[n/a|05.03.2026 14:07]");
	render_use_language("en");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(renders_each_request_with_its_own_data),
		cmocka_unit_test(parsed_again_only_when_a_file_changes),
		cmocka_unit_test(overrides_appear_and_go),
		cmocka_unit_test(a_broken_template_names_file_and_line),
		cmocka_unit_test(the_language_file_is_reread),
		cmocka_unit_test(each_language_has_its_own_tree),
	};
	return cmocka_run_group_tests_name("render", tests, setup, teardown);
}
