/* The spreadsheet readers and the import's file and row rules: the shared
 * samples (written by LibreOffice), our own hostile and unusual workbooks
 * (tests/fixtures/import, see its README), and CSV written here. Run from
 * the repository's root, with ../shared beside it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "lib/sheet/csv_read.h"
#include "lib/import/import.h"
#include "lib/sheet/xlsx_read.h"
#include "lib/sheet/xlsx_template.h"

#define SHARED "../shared/fixtures/import/"
#define OURS "tests/fixtures/import/"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Rows a reader produced, as "a|b|c" lines. */
struct collected {
	char text[4096];
	int rows;
	int stop_after;
};

static int collect(void *ctx, long number, char *const *cells, int n)
{
	struct collected *c = ctx;
	size_t len = strlen(c->text);
	len += (size_t)snprintf(c->text + len, sizeof c->text - len, "%ld:", number);
	for (int i = 0; i < n && len < sizeof c->text; i++)
		len += (size_t)snprintf(c->text + len, sizeof c->text - len, "%s%s", i ? "|" : "", cells[i]);
	if (len < sizeof c->text)
		snprintf(c->text + len, sizeof c->text - len, "\n");
	c->rows++;
	return c->stop_after && c->rows == c->stop_after;
}

static enum sheet_status csv(const char *text, struct collected *c)
{
	memset(c, 0, sizeof *c);
	return csv_read(text, strlen(text), collect, c);
}

static void csv_basics(void **state)
{
	struct collected c;
	assert_int_equal(csv("A,B,C\n1,2,3\n", &c), SHEET_OK);
	assert_string_equal(c.text, "1:A|B|C\n2:1|2|3\n");
	/* CRLF, a bare CR, no final line break, an empty line, empty cells. */
	assert_int_equal(csv("A,B\r\n1,2\r3,\n\n,4", &c), SHEET_OK);
	assert_string_equal(c.text, "1:A|B\n2:1|2\n3:3\n4:\n5:|4\n");
	assert_int_equal(csv("", &c), SHEET_OK);
	assert_int_equal(c.rows, 0);
}

static void csv_quotes_and_separators(void **state)
{
	struct collected c;
	assert_int_equal(csv("\"Smith, Jr.\",\"Say \"\"hi\"\"\",\"two\nlines\"\nx,y,z\n", &c), SHEET_OK);
	assert_string_equal(c.text, "1:Smith, Jr.|Say \"hi\"|two\nlines\n2:x|y|z\n");
	/* Semicolons when the header line has more of them; commas are then text. */
	assert_int_equal(csv("\xEF\xBB\xBF" "A;B\n1,5;2\n", &c), SHEET_OK);
	assert_string_equal(c.text, "1:A|B\n2:1,5|2\n");
	/* An open quote runs to the end; text after a closing quote is kept. */
	assert_int_equal(csv("\"abc,def", &c), SHEET_OK);
	assert_string_equal(c.text, "1:abc,def\n");
	assert_int_equal(csv("\"ab\"cd,e\n", &c), SHEET_OK);
	assert_string_equal(c.text, "1:abcd|e\n");
}

static void csv_refuses_binary(void **state)
{
	struct collected c;
	static const char nul[] = "A,B\n1,\0\n";
	memset(&c, 0, sizeof c);
	assert_int_equal(csv_read(nul, sizeof nul - 1, collect, &c), SHEET_NOT_CSV);
	assert_int_equal(csv("A,B\n\xff\xfe,x\n", &c), SHEET_NOT_CSV);
	assert_int_equal(csv("A,B\n\xc3(,x\n", &c), SHEET_NOT_CSV);
}

static void csv_many_columns_and_stop(void **state)
{
	char line[1024] = "";
	for (int i = 0; i < 100; i++)
		snprintf(line + strlen(line), sizeof line - strlen(line), "%s%d", i ? "," : "", i);
	struct collected c;
	assert_int_equal(csv(line, &c), SHEET_OK);
	assert_int_equal(c.rows, 1);
	assert_non_null(strstr(c.text, "|63\n"));
	assert_null(strstr(c.text, "|64"));
	memset(&c, 0, sizeof c);
	c.stop_after = 2;
	assert_int_equal(csv_read("a\nb\nc\n", 6, collect, &c), SHEET_STOPPED);
	assert_int_equal(c.rows, 2);
}

static enum import_file_error parse_file(const char *path, struct import_sheet *s)
{
	size_t len;
	char *data = slurp(path, &len);
	const char *name = strrchr(path, '/') + 1;
	enum import_file_error e = import_parse(name, data, len, s);
	free(data);
	return e;
}

static void shared_samples(void **state)
{
	struct import_sheet s;
	const char *valid[] = {SHARED "valid-10.xlsx", SHARED "valid-10.csv"};
	for (int i = 0; i < 2; i++) {
		assert_int_equal(parse_file(valid[i], &s), IMPORT_FILE_OK);
		assert_int_equal(s.n, 10);
		for (size_t r = 0; r < s.n; r++)
			assert_int_equal(import_check_row(s.rows[r].v), 0);
		assert_string_equal(s.rows[4].v[IMPORT_NAME], "山田 太郎");
		assert_string_equal(s.rows[8].v[IMPORT_ROLE], "ACCOUNT ADMIN");
		assert_string_equal(s.rows[9].v[IMPORT_NAME], "NAME");   /* a data row, not a header */
		assert_int_equal(s.rows[0].line, 2);
		import_sheet_free(&s);
	}
	assert_int_equal(parse_file(SHARED "errors-mixed.xlsx", &s), IMPORT_FILE_OK);
	assert_int_equal(s.n, 7);
	unsigned expected[] = {0, IMPORT_ERR_NAME, IMPORT_ERR_EMAIL, 0, 0, IMPORT_ERR_ROLE, 0};
	for (size_t r = 0; r < s.n; r++)
		assert_int_equal(import_check_row(s.rows[r].v), expected[r]);
	import_sheet_free(&s);

	assert_int_equal(parse_file(SHARED "reordered-columns.xlsx", &s), IMPORT_FILE_OK);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.column[IMPORT_NAME], -1);
	assert_string_equal(s.rows[0].v[IMPORT_EMAIL], "reordered.one@example.com");
	import_sheet_free(&s);

	assert_int_equal(parse_file(SHARED "quoted.csv", &s), IMPORT_FILE_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.rows[0].v[IMPORT_NAME], "Robert \"Bob\" Smith, Jr.");
	assert_string_equal(s.rows[1].v[IMPORT_FIRST_NAME], "Multi Line");
	import_sheet_free(&s);

	assert_int_equal(parse_file(SHARED "semicolon-bom.csv", &s), IMPORT_FILE_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.rows[1].v[IMPORT_ROLE], "Account Admin");
	import_sheet_free(&s);

	assert_int_equal(parse_file(SHARED "not-a-spreadsheet.xlsx", &s), IMPORT_FILE_NOT_XLSX);
	import_sheet_free(&s);

	assert_int_equal(parse_file(SHARED "large-10000.xlsx", &s), IMPORT_FILE_OK);
	assert_int_equal(s.n, 10000);
	import_sheet_free(&s);
}

static void own_workbooks(void **state)
{
	struct import_sheet s;
	assert_int_equal(parse_file(OURS "inline-strings.xlsx", &s), IMPORT_FILE_OK);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.rows[0].line, 3);
	assert_string_equal(s.rows[0].v[IMPORT_EMAIL], "inline.one@example.com");
	assert_string_equal(s.rows[0].v[IMPORT_LAST_NAME], "Yamada");      /* runs joined, phonetics left out */
	assert_string_equal(s.rows[0].v[IMPORT_FIRST_NAME], "Hanako");     /* a formula's cached text */
	assert_string_equal(s.rows[0].v[IMPORT_ROLE], "account admin");
	assert_string_equal(s.rows[1].v[IMPORT_LAST_NAME], "TRUE");
	import_sheet_free(&s);

	struct { const char *file; enum import_file_error e; } refused[] = {
		{OURS "zip-bomb.xlsx", IMPORT_FILE_INFLATED},
		{OURS "billion-laughs.xlsx", IMPORT_FILE_DAMAGED},
		{OURS "external-entity.xlsx", IMPORT_FILE_DAMAGED},
		{OURS "truncated.xlsx", IMPORT_FILE_NOT_XLSX},
		{OURS "bad-shared-index.xlsx", IMPORT_FILE_DAMAGED},
		{OURS "not-well-formed.xlsx", IMPORT_FILE_DAMAGED},
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		assert_int_equal(parse_file(refused[i].file, &s), refused[i].e);
		import_sheet_free(&s);
	}
}

/* Every prefix of a real workbook, and every byte of it flipped: refused or
 * read, never a crash (the sanitizers watch). */
static void truncated_and_corrupted(void **state)
{
	size_t len;
	char *data = slurp(SHARED "valid-10.xlsx", &len);
	struct collected c;
	for (size_t cut = 0; cut < len; cut += 7) {
		memset(&c, 0, sizeof c);
		assert_int_not_equal(xlsx_read(data, cut, collect, &c), SHEET_OK);
	}
	for (size_t at = 0; at < len; at += 13) {
		data[at] ^= 0x5a;
		memset(&c, 0, sizeof c);
		(void)xlsx_read(data, len, collect, &c);
		data[at] ^= 0x5a;
	}
	free(data);
}

/* A workbook built here, in memory, around one worksheet's XML: for crafted
 * sheets that only differ in a few attributes. */
static const char BOOK_CT[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
static const char BOOK_RELS[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
	" Target=\"xl/workbook.xml\"/></Relationships>";
static const char BOOK_WB[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
	" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
	"<sheet name=\"People\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char BOOK_WB_RELS[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
	" Target=\"worksheets/sheet1.xml\"/></Relationships>";

static void book_add(zip_t *z, const char *name, const char *text)
{
	zip_source_t *s = zip_source_buffer(z, text, strlen(text), 0);
	assert_non_null(s);
	assert_true(zip_file_add(z, name, s, ZIP_FL_OVERWRITE) >= 0);
}

/* rows: the children of <sheetData>. Returns the workbook's bytes (free them). */
static char *crafted_book(const char *rows, size_t *len)
{
	char *sheet = malloc(strlen(rows) + 256);
	assert_non_null(sheet);
	sprintf(sheet, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>%s"
		"</sheetData></worksheet>", rows);
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	zip_source_keep(src);
	book_add(z, "[Content_Types].xml", BOOK_CT);
	book_add(z, "_rels/.rels", BOOK_RELS);
	book_add(z, "xl/workbook.xml", BOOK_WB);
	book_add(z, "xl/_rels/workbook.xml.rels", BOOK_WB_RELS);
	book_add(z, "xl/worksheets/sheet1.xml", sheet);
	assert_int_equal(zip_close(z), 0);
	free(sheet);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_END), 0);
	zip_int64_t n = zip_source_tell(src);
	assert_true(n > 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_SET), 0);
	char *data = malloc((size_t)n);
	assert_non_null(data);
	assert_int_equal(zip_source_read(src, data, (zip_uint64_t)n), n);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = (size_t)n;
	return data;
}

static enum sheet_status read_crafted(const char *rows, struct collected *c)
{
	size_t len;
	char *data = crafted_book(rows, &len);
	memset(c, 0, sizeof *c);
	enum sheet_status s = xlsx_read(data, len, collect, c);
	free(data);
	return s;
}

#define CELL(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"

/* Rows and cell references past a sheet's limits (1,048,576 rows, 16,384
 * columns) are a damaged file, not numbers to carry on with: a huge r=""
 * used to overflow the row counter (the sanitizers stop on that). */
static void rows_and_columns_past_the_sheet_limits(void **state)
{
	struct collected c;
	/* The last row and the last column are still a sheet. */
	assert_int_equal(read_crafted("<row r=\"1048576\">" CELL("A1048576", "x") CELL("XFD1048576", "y") "</row>", &c),
			 SHEET_OK);
	assert_string_equal(c.text, "1048576:x\n");
	assert_int_equal(read_crafted("<row r=\"0041\">" CELL("B41", "x") "</row><row>" CELL("A42", "y") "</row>", &c), SHEET_OK);
	assert_string_equal(c.text, "41:|x\n42:y\n");

	const char *damaged[] = {
		"<row r=\"1048577\">" CELL("A1", "x") "</row>",
		"<row r=\"99999999999\">" CELL("A1", "x") "</row>",
		"<row r=\"9223372036854775807\"></row><row>" CELL("A1", "x") "</row>",
		"<row r=\"99999999999999999999999\"></row><row></row>",
		"<row r=\"-5\"></row>",
		"<row r=\"0\"></row>",
		"<row r=\" 7\"></row>",
		"<row r=\"12abc\"></row>",
		"<row r=\"1048576\"></row><row></row>",            /* the next row is past the last */
		"<row r=\"1048576\"></row><row r=\"3\"></row>",
		"<row r=\"1\">" CELL("A1048577", "x") "</row>",
		"<row r=\"1\">" CELL("A99999999999", "x") "</row>",
		"<row r=\"1\">" CELL("A9223372036854775808", "x") "</row>",
		"<row r=\"1\">" CELL("XFE1", "x") "</row>",          /* column 16,385 */
		"<row r=\"1\">" CELL("AAAA1", "x") "</row>",
		"<row r=\"1\">" CELL("A", "x") "</row>",
		"<row r=\"1\">" CELL("1", "x") "</row>",
		"<row r=\"1\">" CELL("A-1", "x") "</row>",
		"<row r=\"1\">" CELL("XFD1", "x") "<c t=\"inlineStr\"><is><t>one too far</t></is></c></row>",
	};
	for (size_t i = 0; i < sizeof damaged / sizeof damaged[0]; i++) {
		enum sheet_status s = read_crafted(damaged[i], &c);
		if (s != SHEET_MALFORMED)
			fail_msg("sheet %zu read as %d, rows \"%s\": %s", i, s, c.text, damaged[i]);
	}

	/* What the person importing sees: the damaged-file message. */
	size_t len;
	char *data = crafted_book("<row r=\"1\">" CELL("A1", "NAME") CELL("B1", "EMAIL") "</row>"
				  "<row r=\"99999999999\">" CELL("A2", "Ada") CELL("B2", "a@example.com") "</row>", &len);
	struct import_sheet s;
	assert_int_equal(import_parse("crafted.xlsx", data, len, &s), IMPORT_FILE_DAMAGED);
	import_sheet_free(&s);
	free(data);
}

static void file_rules(void **state)
{
	struct import_sheet s;
	assert_int_equal(import_parse("", "", 0, &s), IMPORT_FILE_NONE);
	assert_int_equal(import_parse("people.txt", "EMAIL\n", 6, &s), IMPORT_FILE_TYPE);
	assert_int_equal(import_parse("people.xlsx", "EMAIL,NAME\n", 11, &s), IMPORT_FILE_NOT_XLSX);
	assert_int_equal(import_parse("people.CSV", "", 0, &s), IMPORT_FILE_EMPTY);
	const char *header_only = "FIRST NAME,LAST NAME,NAME,EMAIL,ROLE\n\n,,,,\n";
	assert_int_equal(import_parse("p.csv", header_only, strlen(header_only), &s), IMPORT_FILE_EMPTY);
	import_sheet_free(&s);

	const char *no_email = "First Name,Name\nAda,Ada\n";
	assert_int_equal(import_parse("p.csv", no_email, strlen(no_email), &s), IMPORT_FILE_HEADERS);
	assert_int_equal(s.missing, 1u << IMPORT_EMAIL);
	import_sheet_free(&s);
	const char *no_name = "email,role\na@example.com,User\n";
	assert_int_equal(import_parse("p.csv", no_name, strlen(no_name), &s), IMPORT_FILE_HEADERS);
	assert_int_equal(s.missing, 7u);
	import_sheet_free(&s);

	/* Headers in any order, case and spacing; blank rows and unknown columns ignored. */
	const char *odd = "\n  e-mail , Last_Name,notes\n\nada@example.com,Lovelace,x\n,,only notes\n";
	assert_int_equal(import_parse("p.csv", odd, strlen(odd), &s), IMPORT_FILE_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.rows[0].v[IMPORT_LAST_NAME], "Lovelace");
	assert_string_equal(s.rows[0].v[IMPORT_ROLE], "");
	assert_int_equal(s.rows[0].line, 4);
	import_sheet_free(&s);

	char *big = calloc(1, SHEET_MAX_FILE + 2);
	assert_non_null(big);
	assert_int_equal(import_parse("p.csv", big, SHEET_MAX_FILE + 1, &s), IMPORT_FILE_TOO_BIG);
	free(big);
}

static void row_limit(void **state)
{
	size_t size = (size_t)(IMPORT_MAX_ROWS + 2) * 24;
	char *text = malloc(size);
	assert_non_null(text);
	size_t n = (size_t)snprintf(text, size, "NAME,EMAIL\n");
	for (int i = 0; i < IMPORT_MAX_ROWS; i++)
		n += (size_t)snprintf(text + n, size - n, "u,u%d@example.com\n", i);
	struct import_sheet s;
	assert_int_equal(import_parse("p.csv", text, n, &s), IMPORT_FILE_OK);
	assert_int_equal(s.n, IMPORT_MAX_ROWS);
	import_sheet_free(&s);
	n += (size_t)snprintf(text + n, size - n, "one,more@example.com\n");
	assert_int_equal(import_parse("p.csv", text, n, &s), IMPORT_FILE_TOO_MANY_ROWS);
	import_sheet_free(&s);
	free(text);
}

static void row_rules(void **state)
{
	char first[128] = "", last[] = "", name[] = "", email[300] = "ada@example.com", role[32] = "";
	char *v[IMPORT_FIELDS] = {first, last, name, email, role};
	assert_int_equal(import_check_row(v), IMPORT_ERR_NAME);
	strcpy(first, "Ada");
	assert_int_equal(import_check_row(v), 0);
	strcpy(email, "not-an-email");
	strcpy(role, "Superuser");
	assert_int_equal(import_check_row(v), IMPORT_ERR_EMAIL | IMPORT_ERR_ROLE);
	strcpy(email, "ada@example.com");
	strcpy(role, "Account  Admin");
	assert_int_equal(import_check_row(v), 0);
	memset(first, 'x', 101);
	first[101] = 0;
	assert_int_equal(import_check_row(v), IMPORT_ERR_TOO_LONG);

	assert_string_equal(import_role_key(""), "user");
	assert_string_equal(import_role_key("USER"), "user");
	assert_string_equal(import_role_key("account_admin"), "account_admin");
	assert_string_equal(import_role_key(" Account Admin "), "account_admin");
	assert_null(import_role_key("Partner"));
	assert_null(import_role_key("Admin"));

	char text[] = "  two\r\n lines\tand   spaces \x01 ";
	assert_string_equal(import_clean_text(text), "two lines and spaces");
}

/* The template we offer reads back as a header row and no users. */
static void template_round_trip(void **state)
{
	char *data = NULL;
	size_t len = 0;
	assert_int_equal(xlsx_template_write(&data, &len), 0);
	struct collected c;
	memset(&c, 0, sizeof c);
	assert_int_equal(xlsx_read(data, len, collect, &c), SHEET_OK);
	assert_string_equal(c.text, "1:FIRST NAME|LAST NAME|NAME|EMAIL|ROLE\n");
	struct import_sheet s;
	assert_int_equal(import_parse("users-template.xlsx", data, len, &s), IMPORT_FILE_EMPTY);
	import_sheet_free(&s);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_basics),
		cmocka_unit_test(csv_quotes_and_separators),
		cmocka_unit_test(csv_refuses_binary),
		cmocka_unit_test(csv_many_columns_and_stop),
		cmocka_unit_test(shared_samples),
		cmocka_unit_test(own_workbooks),
		cmocka_unit_test(truncated_and_corrupted),
		cmocka_unit_test(rows_and_columns_past_the_sheet_limits),
		cmocka_unit_test(file_rules),
		cmocka_unit_test(row_limit),
		cmocka_unit_test(row_rules),
		cmocka_unit_test(template_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
