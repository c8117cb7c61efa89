#include "lib/lang.h"
#include "lib/core/config.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int lang_code_ok(const char *code)
{
	size_t n = 0;
	while (code && islower((unsigned char)code[n]))
		n++;
	if (!code || n < 2 || n > 3)
		return 0;
	if (!code[n])
		return 1;
	if (code[n] != '-')
		return 0;
	size_t m = 0;
	const char *region = code + n + 1;
	while (islower((unsigned char)region[m]) || isdigit((unsigned char)region[m]))
		m++;
	return m >= 2 && m <= 8 && !region[m];
}

int template_dirs(const char *dirs[2])
{
	int n = 0;
	const char *override = cfg_str("Templates.Override", NULL);
	if (override && *override)
		dirs[n++] = override;
	dirs[n++] = cfg_str("Templates.Dir", "templates");
	return n;
}

int lang_exists(const char *code)
{
	if (!lang_code_ok(code))
		return 0;
	const char *dirs[2];
	int n = template_dirs(dirs);
	char path[1024];
	struct stat st;
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/lang/%s.hdf", dirs[i], code);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			return 1;
	}
	return 0;
}

static int english_first(const void *a, const void *b)
{
	const char *x = a, *y = b;
	if (strcmp(x, "en") == 0 || strcmp(y, "en") == 0)
		return strcmp(y, "en") == 0 ? (strcmp(x, "en") != 0) : -1;
	return strcmp(x, y);
}

/* The list is read again only when a directory's entries change (a file
 * added, removed or renamed moves its modification time): every page's
 * picker asks for it. */
static struct {
	char paths[2][1024];
	struct stat st[2];
	int n_dirs, n;
	char codes[LANG_MAX][LANG_CODE];
} seen;

static int dirs_unchanged(const char paths[2][1024], int n_dirs, struct stat st[2])
{
	int same = seen.n_dirs == n_dirs;
	for (int i = 0; i < n_dirs; i++) {
		if (stat(paths[i], &st[i]) != 0)
			memset(&st[i], 0, sizeof st[i]);
		same = same && strcmp(seen.paths[i], paths[i]) == 0 && seen.st[i].st_ino == st[i].st_ino &&
		       seen.st[i].st_dev == st[i].st_dev && seen.st[i].st_mtim.tv_sec == st[i].st_mtim.tv_sec &&
		       seen.st[i].st_mtim.tv_nsec == st[i].st_mtim.tv_nsec;
	}
	return same;
}

int lang_available(char codes[][LANG_CODE], int max)
{
	const char *dirs[2];
	int n_dirs = template_dirs(dirs), n = 0;
	char paths[2][1024];
	struct stat st[2];
	for (int i = 0; i < n_dirs; i++)
		snprintf(paths[i], sizeof paths[i], "%s/lang", dirs[i]);
	if (dirs_unchanged(paths, n_dirs, st)) {
		for (; n < seen.n && n < max; n++)
			memcpy(codes[n], seen.codes[n], LANG_CODE);
		return n;
	}
	for (int i = 0; i < n_dirs; i++) {
		const char *path = paths[i];
		DIR *dir = opendir(path);
		struct dirent *e;
		while (dir && (e = readdir(dir)) != NULL) {
			size_t len = strlen(e->d_name);
			if (len < 5 || len - 4 >= LANG_CODE || strcmp(e->d_name + len - 4, ".hdf") != 0)
				continue;
			char code[LANG_CODE];
			snprintf(code, sizeof code, "%.*s", (int)(len - 4), e->d_name);
			if (!lang_code_ok(code) || !lang_exists(code))
				continue;
			int seen = 0;
			for (int k = 0; k < n && !seen; k++)
				seen = strcmp(codes[k], code) == 0;
			if (!seen && n < max)
				snprintf(codes[n++], LANG_CODE, "%s", code);
		}
		if (dir)
			closedir(dir);
	}
	qsort(codes, (size_t)n, sizeof codes[0], english_first);
	if (max >= LANG_MAX) {
		seen.n_dirs = n_dirs;
		for (int i = 0; i < n_dirs; i++) {
			memcpy(seen.paths[i], paths[i], sizeof seen.paths[i]);
			seen.st[i] = st[i];
		}
		seen.n = n;
		memcpy(seen.codes, codes, (size_t)n * LANG_CODE);
	}
	return n;
}

/* One language range of the header: its tag, lower-cased, and its weight
 * in thousandths. 0 when it is not one we could offer. */
static int accept_range(const char *p, size_t len, char tag[LANG_CODE], int *weight)
{
	size_t t = 0;
	while (t < len && p[t] != ';' && !isspace((unsigned char)p[t]))
		t++;
	if (t == 0 || t >= LANG_CODE)
		return 0;
	for (size_t i = 0; i < t; i++)
		tag[i] = (char)tolower((unsigned char)p[i]);
	tag[t] = 0;
	*weight = 1000;
	const char *q = memmem(p + t, len - t, "q=", 2);
	if (q) {
		q += 2;
		const char *end = p + len;
		int w = 0, digits = 0;
		if (q < end && *q == '1')
			w = 1000;
		else if (q < end && *q == '0') {
			q++;
			if (q < end && *q == '.')
				for (q++; q < end && isdigit((unsigned char)*q) && digits < 3; q++, digits++)
					w += (*q - '0') * (digits == 0 ? 100 : digits == 1 ? 10 : 1);
		}
		*weight = w;
	}
	return *weight > 0;
}

int lang_from_accept(const char *header, char out[LANG_CODE])
{
	int best = 0;
	out[0] = 0;
	for (const char *p = header; p && *p;) {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		size_t len = strcspn(p, ",");
		char tag[LANG_CODE], code[LANG_CODE];
		int weight;
		if (len && accept_range(p, len, tag, &weight) && weight > best) {
			/* The tag itself, else its language without the region. */
			snprintf(code, sizeof code, "%s", tag);
			if (!lang_exists(code))
				code[strcspn(code, "-_")] = 0;
			if (lang_exists(code)) {
				snprintf(out, LANG_CODE, "%s", code);
				best = weight;
			}
		}
		p += len;
	}
	return best > 0;
}

/* CLDR's conventions for each language (a space is U+202F in French); a
 * spreadsheet in a locale whose decimal mark is a comma reads CSV fields
 * split on semicolons. */
static const struct lang_locale locales[] = {
	{"en", ",", ".", "ymd-", ','},
	{"fr", "\xe2\x80\xaf", ",", "dmy/", ';'},
	{"de", ".", ",", "dmy.", ';'},
	{"es", ".", ",", "dmy/", ';'},
	{"it", ".", ",", "dmy/", ';'},
	{"nl", ".", ",", "dmy-", ';'},
	{"pt", ".", ",", "dmy/", ';'},
};

const struct lang_locale *lang_locale(const char *code)
{
	size_t n = code ? strcspn(code, "-") : 0;
	for (size_t i = 0; i < sizeof locales / sizeof locales[0]; i++)
		if (n && strlen(locales[i].code) == n && strncmp(locales[i].code, code, n) == 0)
			return &locales[i];
	return &locales[0];
}

void lang_format_int(const char *code, long long n, char *out, size_t size)
{
	char digits[32];
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	snprintf(digits, sizeof digits, "%llu", u);
	const char *sep = lang_locale(code)->group;
	size_t len = strlen(digits), o = 0;
	if (!size)
		return;
	if (n < 0 && o + 1 < size)
		out[o++] = '-';
	for (size_t i = 0; i < len && o + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			size_t s = strlen(sep);
			if (o + s + 1 >= size)
				break;
			memcpy(out + o, sep, s);
			o += s;
		}
		out[o++] = digits[i];
	}
	out[o] = 0;
}

void lang_format_datetime(const char *code, const char *iso, char *out, size_t size)
{
	const char *s = iso ? iso : "";
	int is_date = strlen(s) >= 10 && s[4] == '-' && s[7] == '-';
	for (int i = 0; is_date && i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			is_date = 0;
	const struct lang_locale *l = lang_locale(code);
	/* The time follows after ' ', 'T' or ", " (the Events screen's column). */
	const char *time = is_date && s[10] == ',' && s[11] == ' ' ? s + 12 : s + 11;
	if (!is_date || (s[10] && s[10] != ' ' && s[10] != 'T' && time == s + 11) || strncmp(l->date, "ymd", 3) == 0) {
		snprintf(out, size, "%s", s);
		return;
	}
	/* Day, month, year in the locale's order; the time as it was, 24-hour. */
	char sep = l->date[3];
	snprintf(out, size, "%.2s%c%.2s%c%.4s%s%s", s + 8, sep, s + 5, sep, s, s[10] ? " " : "", s[10] ? time : "");
}

void lang_fill(const char *text, const char *const args[], int n, char *out, size_t size)
{
	size_t o = 0;
	if (!size)
		return;
	for (const char *p = text; *p && o + 1 < size; p++) {
		int i = p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}' ? p[1] - '1' : -1;
		const char *put = i >= 0 && i < n && args[i] ? args[i] : NULL;
		if (!put) {
			out[o++] = *p;
			continue;
		}
		size_t len = strlen(put);
		if (len > size - 1 - o)
			len = size - 1 - o;
		memcpy(out + o, put, len);
		o += len;
		p += 2;
	}
	out[o] = 0;
}
