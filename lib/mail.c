#include "lib/mail.h"
#include "lib/core/config.h"
#include "lib/core/log.h"
#include "lib/lang.h"
#include "lib/lang_tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int mail_enqueue(db *d, const char *account_id, long long user_id, long long job_id, const char *kind)
{
	long long n = db_exec(d,
		"INSERT INTO mail_outbox (account_id, user_id, job_id, kind, to_addr, next_attempt_at, created_at)"
		" SELECT account_id, id, NULLIF(?, 0), ?, email, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
		" FROM users WHERE id = ? AND account_id = ?",
		"isis", job_id, kind, user_id, account_id);
	return n < 0 ? -1 : n > 0;
}

static int claimed_id(void *ctx, const struct db_row *row)
{
	long long **next = ctx;
	*(*next)++ = row_int(row, "id");
	return 0;
}

struct mail_claim {
	db *d;
	const char *owner;
	int lease_seconds, max, n;
	long long *ids;
};

static int claim_mail(void *ctx)
{
	struct mail_claim *c = ctx;
	long long *next = c->ids;
	c->n = db_each(c->d, claimed_id, &next,
		"SELECT id FROM mail_outbox WHERE state = 'queued' AND next_attempt_at <= UTC_TIMESTAMP()"
		" ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED", "i", (long long)c->max);
	if (c->n < 0)
		return -1;
	for (int i = 0; i < c->n; i++)
		if (db_exec(c->d, "UPDATE mail_outbox SET lease_owner = ?, next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND"
				  " WHERE id = ?", "sii", c->owner, (long long)c->lease_seconds, c->ids[i]) != 1)
			return -1;
	return 0;
}

/* A batch of mails, exclusive across Galera nodes like db_claim's one row:
 * a claim that loses certification is claimed again whole, and losing every
 * time claims nothing this time. */
int mail_claim(db *d, const char *owner, int lease_seconds, int max, long long *ids)
{
	struct mail_claim c = {d, owner, lease_seconds, max, 0, ids};
	if (db_tx(d, claim_mail, &c) != 0)
		return db_errno(d) == DB_CONFLICT ? 0 : -1;
	return c.n;
}

static int outbox_mail_from(void *ctx, const struct db_row *row)
{
	struct outbox_mail *m = ctx;
	m->id = row_int(row, "id");
	row_copy(row, "kind", m->kind, sizeof m->kind);
	row_copy(row, "to_addr", m->to_addr, sizeof m->to_addr);
	m->user_id = row_int(row, "user_id");
	m->support_log_id = row_int(row, "support_log_id");
	row_copy(row, "account_id", m->account_id, sizeof m->account_id);
	m->user_found = !row_null(row, "name");
	row_copy(row, "name", m->name, sizeof m->name);
	m->registered = (int)row_int(row, "registered");
	row_copy(row, "account_name", m->account_name, sizeof m->account_name);
	row_copy(row, "language", m->language, sizeof m->language);
	return 0;
}

int mail_load(db *d, long long id, struct outbox_mail *out)
{
	memset(out, 0, sizeof *out);
	return db_one(d, outbox_mail_from, out,
		"SELECT o.id, o.kind, o.to_addr, o.user_id, o.support_log_id, o.account_id, u.display_name AS name, u.registered,"
		" a.name AS account_name,"
		/* The recipient's language: the user's choice, else their account's
		 * Default Language; a support contact who is a user of the account
		 * counts as that user. */
		" COALESCE(u.language, (SELECT c.language FROM users c WHERE c.account_id = o.account_id"
		"  AND c.email = o.to_addr), a.default_language) AS language"
		" FROM mail_outbox o LEFT JOIN accounts a ON a.id = o.account_id"
		" LEFT JOIN users u ON u.id = o.user_id AND u.account_id = o.account_id WHERE o.id = ?",
		"i", id);
}

int mail_attempts(db *d, long long id)
{
	long long n = 0;
	return db_int(d, &n, "SELECT attempts FROM mail_outbox WHERE id = ?", "i", id) == 1 ? (int)n : -1;
}

int mail_mark_sent(db *d, long long id, const char *owner, int attempts)
{
	return db_exec(d, "UPDATE mail_outbox SET state = 'sent', sent_at = UTC_TIMESTAMP(), attempts = ?, last_error = '',"
			  " lease_owner = NULL WHERE id = ? AND lease_owner = ?", "iis", (long long)attempts, id, owner) < 0
		? -1 : 0;
}

int mail_mark_failed(db *d, long long id, const char *owner, int attempts, int give_up, long wait_seconds,
		     const char *error)
{
	return db_exec(d,
		"UPDATE mail_outbox SET state = IF(?, 'failed', 'queued'), attempts = ?, last_error = LEFT(?, 512),"
		" next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND, lease_owner = NULL WHERE id = ? AND lease_owner = ?",
		"iisiis", (long long)give_up, (long long)attempts, error, (long long)wait_seconds, id, owner) < 0 ? -1 : 0;
}

void mail_parts_free(struct mail_parts *m)
{
	free(m->subject);
	free(m->text);
	free(m->html);
	memset(m, 0, sizeof *m);
}

static NEOERR *append_output(void *ctx, char *s)
{
	return string_append((STRING *)ctx, s);
}

/* One template into a malloc'd string, with the given escaping of var:. */
static NEOERR *render_one(HDF *hdf, const char *file, const char *escape, char **out)
{
	CSPARSE *cs = NULL;
	STRING buf;
	string_init(&buf);
	NEOERR *err = hdf_set_value(hdf, "Config.VarEscapeMode", escape);
	if (!err)
		err = cs_init(&cs, hdf);
	if (!err)
		err = cgi_register_strfuncs(cs);
	if (!err)
		err = cs_parse_file(cs, file);
	if (!err)
		err = cs_render(cs, &buf, append_output);
	cs_destroy(&cs);
	if (!err) {
		*out = strdup(buf.buf ? buf.buf : "");
		if (!*out)
			err = nerr_raise(NERR_NOMEM, "out of memory");
	}
	string_clear(&buf);
	return err;
}

int mail_render(const char *kind, const char *language, HDF *data, struct mail_parts *out, char *err_text, size_t err_size)
{
	char file[128], key[128];
	memset(out, 0, sizeof *out);
	if (cfg_str("Templates.Override", NULL))
		hdf_set_value(data, "hdf.loadpaths.0", cfg_str("Templates.Override", ""));
	hdf_set_value(data, "hdf.loadpaths.1", cfg_str("Templates.Dir", "templates"));
	NEOERR *err = lang_tree_read(data, language);
	snprintf(out->language, sizeof out->language, "%s", lang_exists(language) ? language : "en");
	if (!err)
		err = hdf_set_value(data, "Mail.Language", out->language);
	if (!err) {
		snprintf(key, sizeof key, "Lang.mail.%s.subject", kind);
		out->subject = strdup(hdf_get_value(data, key, kind));
		snprintf(file, sizeof file, "mail/%s.txt.cs", kind);
		err = render_one(data, file, "none", &out->text);
	}
	if (!err) {
		snprintf(file, sizeof file, "mail/%s.html.cs", kind);
		err = render_one(data, file, "html", &out->html);
	}
	if (!err && out->subject)
		return 0;
	if (err)
		neo_error_text(&err, err_text, err_size);
	else
		snprintf(err_text, err_size, "out of memory");
	mail_parts_free(out);
	return -1;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Base64 of s, in lines of 76 characters (RFC 2045) when wrap is set. */
static void append_base64(STRING *out, const char *s, int wrap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), col = 0;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
		char quad[5] = {b64[v >> 18 & 63], b64[v >> 12 & 63], i + 1 < n ? b64[v >> 6 & 63] : '=',
				i + 2 < n ? b64[v & 63] : '=', 0};
		string_append(out, quad);
		col += 4;
		if (wrap && col >= 76 && i + 3 < n) {
			string_append(out, "\r\n");
			col = 0;
		}
	}
}

static int is_ascii_line(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x7f || (unsigned char)*s < 0x20)
			return 0;
	return 1;
}

/* A header phrase or text: as is when plain ASCII, else an RFC 2047 word. */
static void append_header_text(STRING *out, const char *s)
{
	if (is_ascii_line(s)) {
		string_append(out, s);
		return;
	}
	string_append(out, "=?UTF-8?B?");
	append_base64(out, s, 0);
	string_append(out, "?=");
}

static void append_part(STRING *out, const char *boundary, const char *type, const char *body)
{
	string_appendf(out, "--%s\r\nContent-Type: %s; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
		       boundary, type);
	append_base64(out, body, 1);
	string_append(out, "\r\n");
}

char *mail_message(const char *from, const char *from_name, const char *to, const char *date, const char *msgid,
		   const struct mail_parts *m)
{
	/* Header values come from the config and the database; a line break in
	 * one would let it add headers. */
	const char *const single[] = {from, from_name, to, date, msgid, m->subject};
	for (size_t i = 0; i < sizeof single / sizeof single[0]; i++)
		if (!single[i] || strpbrk(single[i], "\r\n"))
			return NULL;
	char boundary[96];
	snprintf(boundary, sizeof boundary, "=_sb_%.60s", msgid + (msgid[0] == '<'));
	boundary[strcspn(boundary, "@>")] = 0;

	STRING out;
	string_init(&out);
	string_append(&out, "From: ");
	if (*from_name) {
		append_header_text(&out, from_name);
		string_append(&out, " ");
	}
	string_appendf(&out, "<%s>\r\nTo: <%s>\r\nSubject: ", from, to);
	append_header_text(&out, m->subject);
	string_appendf(&out, "\r\nDate: %s\r\nMessage-ID: %s\r\n", date, msgid);
	/* A code that names a language file is letters and one '-' only (lib/lang.h). */
	if (lang_code_ok(m->language))
		string_appendf(&out, "Content-Language: %s\r\n", m->language);
	string_appendf(&out, "MIME-Version: 1.0\r\n"
		       "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", boundary);
	append_part(&out, boundary, "text/plain", m->text);
	append_part(&out, boundary, "text/html", m->html);
	string_appendf(&out, "--%s--\r\n", boundary);
	return out.buf; /* owned by the caller now */
}

long mail_backoff_seconds(int attempts, long base, long max)
{
	long wait = base > 0 ? base : 1;
	for (int i = 1; i < attempts && wait < max; i++)
		wait *= 2;
	return wait < max ? wait : max;
}
