/* The files of a support log: what type a file is, told by its bytes and
 * never its name (spec ch2 §5.6: png, jpeg, txt/log, zip, html), and
 * storing and reading them a part at a time (support_log_file_parts), so
 * neither the console nor syncd ever holds a whole file. */
#include "lib/support_logs.h"
#include "lib/core/log.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const role_keys[] = {"log", "sip", "attachment"};

const char *support_file_role_key(enum support_file_role r)
{
	return r >= 0 && r <= FILE_ATTACHMENT ? role_keys[r] : "";
}

static int role_from_key(const char *key)
{
	for (int i = 0; i <= FILE_ATTACHMENT; i++)
		if (strcmp(key, role_keys[i]) == 0)
			return i;
	return FILE_ATTACHMENT;
}

int support_file_role_of(const char *part_name)
{
	if (strcmp(part_name, "log") == 0)
		return FILE_LOG;
	if (strncmp(part_name, "sip", 3) == 0)
		return FILE_SIP;
	if (strncmp(part_name, "attachment", 10) == 0 || strncmp(part_name, "screenshot", 10) == 0)
		return FILE_ATTACHMENT;
	return -1;
}

const char *support_file_mime(enum support_file_type t)
{
	switch (t) {
	case FT_PNG: return "image/png";
	case FT_JPEG: return "image/jpeg";
	case FT_ZIP: return "application/zip";
	case FT_TEXT: return "text/plain; charset=utf-8";
	case FT_HTML: return "text/html; charset=utf-8";
	default: return "";
	}
}

/* Case-insensitive prefix of the bytes, for HTML's markers. */
static int starts_with_ci(const unsigned char *p, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && strncasecmp((const char *)p, prefix, k) == 0;
}

enum support_file_type support_file_sniff(const unsigned char *p, size_t n)
{
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	if (n >= sizeof png && memcmp(p, png, sizeof png) == 0)
		return FT_PNG;
	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return FT_JPEG;
	/* A local file header, or the end record of an empty archive. */
	if (n >= 4 && p[0] == 'P' && p[1] == 'K' && ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6)))
		return FT_ZIP;
	/* Text from here: HTML when it opens like a document. */
	size_t i = 0;
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		i = 3;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	if (starts_with_ci(p + i, n - i, "<!doctype html") || starts_with_ci(p + i, n - i, "<html"))
		return FT_HTML;
	int state = 0;
	return support_text_feed(&state, p, n) == 0 ? FT_TEXT : FT_UNKNOWN;
}

/* state: the continuation bytes still expected (low byte), and the lower
 * bound of the next byte for the first of them (overlong and surrogate
 * forms) in the next bits, as set by the lead byte. -1 once bad. */
int support_text_feed(int *state, const unsigned char *p, size_t n)
{
	int need = *state & 0xff, lo = (*state >> 8) & 0xff, hi = (*state >> 16) & 0xff;
	if (*state < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned c = p[i];
		if (need) {
			unsigned min = lo ? lo : 0x80, max = hi ? hi : 0xbf;
			if (c < min || c > max)
				goto bad;
			need--;
			lo = hi = 0;
			continue;
		}
		if (c < 0x80) {
			/* Control characters: only tab, line breaks, form feed and escape (colours in logs). */
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
				goto bad;
			if (c == 0x7f)
				goto bad;
		} else if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			lo = c == 0xe0 ? 0xa0 : 0;
			hi = c == 0xed ? 0x9f : 0;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			lo = c == 0xf0 ? 0x90 : 0;
			hi = c == 0xf4 ? 0x8f : 0;
		} else {
			goto bad;
		}
	}
	*state = need | lo << 8 | hi << 16;
	return 0;
bad:
	*state = -1;
	return -1;
}

int support_text_end(int state)
{
	return state == 0 ? 0 : -1;
}

int support_file_claim(const char *name, enum support_file_type *claimed)
{
	static const struct {
		const char *ext;
		enum support_file_type type;
	} exts[] = {
		{"png", FT_PNG}, {"jpg", FT_JPEG}, {"jpeg", FT_JPEG}, {"zip", FT_ZIP},
		{"txt", FT_TEXT}, {"log", FT_TEXT}, {"html", FT_HTML}, {"htm", FT_HTML},
	};
	const char *dot = strrchr(name, '.');
	*claimed = FT_UNKNOWN;
	if (!dot || dot == name)
		return 0;
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (strcasecmp(dot + 1, exts[i].ext) == 0) {
			*claimed = exts[i].type;
			return 0;
		}
	return -1;
}

static int is_text(enum support_file_type t)
{
	return t == FT_TEXT || t == FT_HTML;
}

int support_file_type_settle(enum support_file_role role, const char *name, enum support_file_type sniffed,
			     int text_ok, enum support_file_type *out, const char **problem)
{
	enum support_file_type claimed;
	if (is_text(sniffed) && !text_ok)
		sniffed = FT_UNKNOWN;
	if (sniffed == FT_UNKNOWN) {
		*problem = "is not a PNG or JPEG image, a zip archive, or text (UTF-8)";
		return -1;
	}
	if (support_file_claim(name, &claimed) != 0) {
		*problem = "has a name ending in an extension the reports do not take (png, jpg, jpeg, zip, txt, log, html, htm)";
		return -1;
	}
	/* HTML is text: a .txt file holding HTML is text; a .html file must open as HTML. */
	if (claimed != FT_UNKNOWN && claimed != sniffed && !(claimed == FT_TEXT && sniffed == FT_HTML)) {
		*problem = "is not what its name says: its bytes are of another type";
		return -1;
	}
	if (claimed == FT_TEXT)
		sniffed = FT_TEXT;
	if (role != FILE_ATTACHMENT && !is_text(sniffed)) {
		*problem = "must be text: log text and SIP logs are text files";
		return -1;
	}
	*out = sniffed;
	*problem = NULL;
	return 0;
}

void support_file_name_clean(const char *in, const char *fallback, char *out, size_t size)
{
	const char *base = in;
	for (const char *p = in; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	size_t n = 0;
	for (const char *p = base; *p && n + 1 < size; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c == 0x7f || c == '"' || c == ';')
			continue;
		out[n++] = (char)c;
	}
	/* Never cut a character in two: a last character shorter than its lead byte says goes. */
	size_t lead = n;
	while (lead > 0 && ((unsigned char)out[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead > 0 && ((unsigned char)out[lead - 1] & 0x80)) {
		unsigned char c = (unsigned char)out[lead - 1];
		size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		if (n - (lead - 1) < want)
			n = lead - 1;
	}
	out[n] = 0;
	if (!n || strcmp(out, ".") == 0 || strcmp(out, "..") == 0)
		snprintf(out, size, "%s", fallback);
}

/* ---- storing and reading ---- */

static void hex(const unsigned char *p, unsigned n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (unsigned i = 0; i < n; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 15];
	}
	out[2 * n] = 0;
}

/* One file of a new log: its parts, then its row with the size and hash of
 * what was stored. Inside the caller's transaction. */
int support_log_file_store(db *d, const char *account_id, long long log_id, int seq, const struct support_file_in *f)
{
	char *buf = malloc(SUPPORT_PART_BYTES);
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	int rc = -1, part = 0;
	long total = 0;
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned digest_len = 0;
	char sha[2 * EVP_MAX_MD_SIZE + 1];
	if (!buf || !md || !EVP_DigestInit_ex(md, EVP_sha256(), NULL))
		goto out;
	/* The row first: the parts' foreign key names it. */
	if (db_exec(d,
		    "INSERT INTO support_log_files (log_id, seq, account_id, role, name, mime, size, sha256)"
		    " VALUES (?, ?, ?, ?, ?, ?, 0, '')",
		    "iissss", log_id, (long long)seq, account_id, support_file_role_key(f->role), f->name,
		    support_file_mime(f->type)) != 1)
		goto out;
	rewind(f->f);
	for (;;) {
		size_t n = fread(buf, 1, SUPPORT_PART_BYTES, f->f);
		if (n == 0)
			break;
		if (!EVP_DigestUpdate(md, buf, n) ||
		    db_exec(d, "INSERT INTO support_log_file_parts (log_id, seq, part, account_id, data) VALUES (?, ?, ?, ?, ?)",
			    "iiisb", log_id, (long long)seq, (long long)part, account_id, buf, n) != 1)
			goto out;
		part++;
		total += (long)n;
	}
	if (ferror(f->f) || total != f->size || !EVP_DigestFinal_ex(md, digest, &digest_len))
		goto out;
	hex(digest, digest_len, sha);
	if (db_exec(d, "UPDATE support_log_files SET size = ?, sha256 = ? WHERE log_id = ? AND seq = ? AND account_id = ?",
		    "isiis", (long long)total, sha, log_id, (long long)seq, account_id) != 1)
		goto out;
	rc = 0;
out:
	free(buf);
	EVP_MD_CTX_free(md);
	return rc;
}

struct files_ctx {
	int (*fn)(void *ctx, const struct support_file_info *f);
	void *ctx;
};

static int file_row(void *ctx, const struct db_row *row)
{
	struct files_ctx *c = ctx;
	struct support_file_info f = {
		.seq = (int)row_int(row, "seq"),
		.role = (enum support_file_role)role_from_key(row_str(row, "role")),
		.name = row_str(row, "name"),
		.mime = row_str(row, "mime"),
		.sha256 = row_str(row, "sha256"),
		.size = (long)row_int(row, "size"),
	};
	return c->fn(c->ctx, &f);
}

int support_log_files(db *d, const char *account_id, long long id,
		      int (*fn)(void *ctx, const struct support_file_info *f), void *ctx)
{
	struct files_ctx c = {fn, ctx};
	return db_each(d, file_row, &c,
		"SELECT seq, role, name, mime, size, sha256 FROM support_log_files WHERE log_id = ? AND account_id = ?"
		" ORDER BY seq", "is", id, account_id);
}

static int file_meta(void *ctx, const struct db_row *row)
{
	struct support_file_meta *m = ctx;
	m->seq = (int)row_int(row, "seq");
	m->role = (enum support_file_role)role_from_key(row_str(row, "role"));
	row_copy(row, "name", m->name, sizeof m->name);
	row_copy(row, "mime", m->mime, sizeof m->mime);
	m->size = (long)row_int(row, "size");
	return 0;
}

int support_log_file_find(db *d, const char *account_id, long long id, int seq, struct support_file_meta *out)
{
	memset(out, 0, sizeof *out);
	return db_one(d, file_meta, out,
		"SELECT seq, role, name, mime, size FROM support_log_files WHERE log_id = ? AND seq = ? AND account_id = ?",
		"iis", id, (long long)seq, account_id);
}

struct part_out {
	char *data;
	size_t len;
};

static int part_row(void *ctx, const struct db_row *row)
{
	struct part_out *p = ctx;
	p->len = row_len(row, "data");
	p->data = malloc(p->len ? p->len : 1);
	if (!p->data)
		return -1;
	memcpy(p->data, row_str(row, "data"), p->len);
	return 0;
}

int support_log_file_part(db *d, const char *account_id, long long id, int seq, int part, char **data, size_t *len)
{
	struct part_out p = {NULL, 0};
	int rc = db_one(d, part_row, &p,
		"SELECT data FROM support_log_file_parts WHERE log_id = ? AND seq = ? AND part = ? AND account_id = ?",
		"iiis", id, (long long)seq, (long long)part, account_id);
	if (rc != 1) {
		free(p.data);
		return rc;
	}
	*data = p.data;
	*len = p.len;
	return 1;
}

int support_log_file_copy(db *d, const char *account_id, long long id, int seq, FILE *out)
{
	for (int part = 0;; part++) {
		char *data = NULL;
		size_t len = 0;
		int rc = support_log_file_part(d, account_id, id, seq, part, &data, &len);
		if (rc <= 0)
			return rc;
		size_t wrote = fwrite(data, 1, len, out);
		free(data);
		if (wrote != len)
			return -1;
	}
}
