#include "lib/applications.h"
#include "lib/core/validate.h"
#include "lib/credentials.h"
#include "lib/tokens.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- redirect URIs ---- */

static int host_is_loopback(const char *host, size_t n)
{
	return (n == 9 && strncasecmp(host, "localhost", 9) == 0) || (n == 9 && strncmp(host, "127.0.0.1", 9) == 0) ||
	       (n == 5 && strncmp(host, "[::1]", 5) == 0);
}

/* A host name or address: letters, digits, '-', '.', or a bracketed IPv6 literal. */
static int host_valid(const char *host, size_t n)
{
	if (n == 0)
		return 0;
	if (host[0] == '[')
		return host[n - 1] == ']' && n > 2 && strspn(host + 1, "0123456789abcdefABCDEF:.") == n - 2;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)host[i]) && host[i] != '-' && host[i] != '.')
			return 0;
	return host[0] != '.' && host[0] != '-';
}

int redirect_uri_valid(const char *uri)
{
	size_t len = strlen(uri);
	if (len == 0 || len > REDIRECT_URI_MAX || !valid_line(uri, 0) || strchr(uri, '#'))
		return 0;
	for (const char *p = uri; *p; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f)
			return 0;
	/* scheme ":" (RFC 3986 §3.1) */
	size_t s = 0;
	while (isalnum((unsigned char)uri[s]) || uri[s] == '+' || uri[s] == '-' || uri[s] == '.')
		s++;
	if (s == 0 || uri[s] != ':' || !isalpha((unsigned char)uri[0]))
		return 0;
	int https = s == 5 && strncasecmp(uri, "https", 5) == 0;
	int http = s == 4 && strncasecmp(uri, "http", 4) == 0;
	if (!https && !http)
		/* A native app's private-use scheme is a reversed domain name. */
		return memchr(uri, '.', s) != NULL && uri[s + 1] != 0;
	if (strncmp(uri + s, "://", 3) != 0)
		return 0;
	const char *auth = uri + s + 3;
	size_t alen = strcspn(auth, "/?");
	if (memchr(auth, '@', alen))
		return 0; /* no user information */
	/* host[:port] */
	size_t hlen = alen;
	if (auth[0] == '[') {
		const char *close = memchr(auth, ']', alen);
		if (!close)
			return 0;
		hlen = (size_t)(close - auth) + 1;
	} else {
		const char *colon = memchr(auth, ':', alen);
		if (colon)
			hlen = (size_t)(colon - auth);
	}
	if (hlen < alen) {
		if (auth[hlen] != ':' || alen - hlen < 2 || alen - hlen > 6)
			return 0;
		long port = 0;
		for (size_t i = hlen + 1; i < alen; i++) {
			if (!isdigit((unsigned char)auth[i]))
				return 0;
			port = port * 10 + (auth[i] - '0');
		}
		if (port < 1 || port > 65535)
			return 0;
	}
	if (!host_valid(auth, hlen))
		return 0;
	return https || host_is_loopback(auth, hlen);
}

int redirect_uris_split(const char *text, char out[][REDIRECT_URI_MAX + 1], int max, int *bad_line)
{
	int n = 0, line = 0;
	*bad_line = 0;
	for (const char *p = text; p && *p;) {
		size_t len = strcspn(p, "\r\n");
		line++;
		const char *start = p, *end = p + len;
		while (start < end && (*start == ' ' || *start == '\t'))
			start++;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > start) {
			if (n == max)
				return -2;
			size_t l = (size_t)(end - start);
			if (l > REDIRECT_URI_MAX) {
				*bad_line = line;
				return -1;
			}
			memcpy(out[n], start, l);
			out[n][l] = 0;
			if (!redirect_uri_valid(out[n])) {
				*bad_line = line;
				return -1;
			}
			n++;
		}
		p += len;
		if (*p == '\r' && p[1] == '\n')
			p++;
		if (*p)
			p++;
	}
	return n;
}

/* The URIs one per line, as stored. -1 when they do not check out. */
static int uris_normal(const char *text, char *out, size_t size)
{
	static char uris[REDIRECT_URIS_MAX][REDIRECT_URI_MAX + 1];
	int bad;
	int n = redirect_uris_split(text ? text : "", uris, REDIRECT_URIS_MAX, &bad);
	if (n < 0)
		return -1;
	size_t len = 0;
	out[0] = 0;
	for (int i = 0; i < n; i++) {
		int w = snprintf(out + len, size - len, "%s%s", i ? "\n" : "", uris[i]);
		if (w < 0 || (size_t)w >= size - len)
			return -1;
		len += (size_t)w;
	}
	return 0;
}

/* ---- the applications ---- */

static int application_row(void *ctx, const struct db_row *row)
{
	struct application *a = ctx;
	memset(a, 0, sizeof *a);
	a->id = row_int(row, "id");
	row_copy(row, "partner_id", a->partner_id, sizeof a->partner_id);
	row_copy(row, "client_id", a->client_id, sizeof a->client_id);
	row_copy(row, "name", a->name, sizeof a->name);
	row_copy(row, "description", a->description, sizeof a->description);
	row_copy(row, "redirect_uris", a->redirect_uris, sizeof a->redirect_uris);
	row_copy(row, "created_on", a->created_on, sizeof a->created_on);
	row_copy(row, "secret_created", a->secret_created, sizeof a->secret_created);
	a->accounts = (int)row_int(row, "accounts");
	return 0;
}

struct each_call {
	application_fn fn;
	void *ctx;
};

static int each_row(void *ctx, const struct db_row *row)
{
	struct each_call *c = ctx;
	struct application a;
	application_row(&a, row);
	return c->fn(c->ctx, &a);
}

int applications_each(db *d, const char *partner_id, application_fn fn, void *ctx)
{
	struct each_call c = {fn, ctx};
	return db_each(d, each_row, &c,
		"SELECT a.id, a.partner_id, a.client_id, a.name, a.description, a.redirect_uris,"
		" DATE_FORMAT(a.created_at, '%Y-%m-%d') AS created_on,"
		" DATE_FORMAT(a.secret_created_at, '%Y-%m-%d %H:%i') AS secret_created,"
		" (SELECT COUNT(*) FROM application_accounts x WHERE x.application_id = a.id) AS accounts"
		" FROM applications a WHERE a.partner_id = ? ORDER BY a.name LIMIT 200",
		"s", partner_id);
}

int application_find(db *d, const char *partner_id, long long id, struct application *out)
{
	return db_one(d, application_row, out,
		"SELECT a.id, a.partner_id, a.client_id, a.name, a.description, a.redirect_uris,"
		" DATE_FORMAT(a.created_at, '%Y-%m-%d') AS created_on,"
		" DATE_FORMAT(a.secret_created_at, '%Y-%m-%d %H:%i') AS secret_created,"
		" (SELECT COUNT(*) FROM application_accounts x WHERE x.application_id = a.id) AS accounts"
		" FROM applications a WHERE a.id = ? AND a.partner_id = ?",
		"is", id, partner_id);
}

static int name_taken(db *d, const char *partner_id, const char *name, long long except)
{
	long long n = 0;
	if (db_int(d, &n, "SELECT COUNT(*) FROM applications WHERE partner_id = ? AND name = ? AND id <> ?", "ssi",
		   partner_id, name, except) != 1)
		return -1;
	return n > 0;
}

int application_insert(db *d, const char *partner_id, const struct application_fields *f, const char *by_name,
		       long long *id, char client_id[UUID_LEN], char secret[TOKEN_HEX])
{
	static char uris[REDIRECT_URIS_MAX * (REDIRECT_URI_MAX + 1) + 1];
	if (uris_normal(f->redirect_uris, uris, sizeof uris) != 0)
		return -1;
	int taken = name_taken(d, partner_id, f->name, 0);
	if (taken)
		return taken < 0 ? -1 : 0;
	char hash[TOKEN_HEX];
	if (uuid_v4(client_id) != 0 || random_token(secret) != 0)
		return -1;
	sha256_hex(secret, hash);
	if (db_exec(d,
		    "INSERT INTO applications (partner_id, client_id, secret_hash, name, description, redirect_uris,"
		    " secret_created_at, created_at, updated_at, created_by_name)"
		    " VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?)",
		    "sssssss", partner_id, client_id, hash, f->name, f->description ? f->description : "", uris,
		    by_name ? by_name : "") != 1)
		return -1;
	*id = (long long)db_insert_id(d);
	return 1;
}

int application_update(db *d, const char *partner_id, long long id, const struct application_fields *f)
{
	static char uris[REDIRECT_URIS_MAX * (REDIRECT_URI_MAX + 1) + 1];
	if (uris_normal(f->redirect_uris, uris, sizeof uris) != 0)
		return -1;
	int taken = name_taken(d, partner_id, f->name, id);
	if (taken)
		return taken < 0 ? -1 : 0;
	return db_exec(d,
		"UPDATE applications SET name = ?, description = ?, redirect_uris = ?, updated_at = UTC_TIMESTAMP()"
		" WHERE id = ? AND partner_id = ?",
		"sssis", f->name, f->description ? f->description : "", uris, id, partner_id) < 0 ? -1 : 1;
}

int application_new_secret(db *d, const char *partner_id, long long id, char secret[TOKEN_HEX])
{
	char hash[TOKEN_HEX];
	if (random_token(secret) != 0)
		return -1;
	sha256_hex(secret, hash);
	long long n = db_exec(d,
		"UPDATE applications SET secret_hash = ?, secret_created_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP()"
		" WHERE id = ? AND partner_id = ?", "sis", hash, id, partner_id);
	if (n <= 0)
		return n < 0 ? -1 : 0;
	return credential_revoke(d, partner_id, 0, id) < 0 ? -1 : 1;
}

int application_delete(db *d, const char *partner_id, long long id)
{
	if (credential_revoke(d, partner_id, 0, id) < 0)
		return -1;
	long long n = db_exec(d, "DELETE FROM applications WHERE id = ? AND partner_id = ?", "is", id, partner_id);
	return n < 0 ? -1 : n > 0;
}

/* ---- assignment ---- */

static int customer_name(db *d, const char *partner_id, const char *account_id, char *name, size_t n)
{
	if (!valid_uuid(account_id))
		return 0;
	return db_str(d, name, n,
		"SELECT name FROM accounts WHERE id = ? AND partner_id = ? AND kind = 'customer' AND status = 'active'",
		"ss", account_id, partner_id);
}

int application_assign(db *d, const char *partner_id, long long id, const char *account_id, const char *by_name,
		       char *name, size_t n)
{
	int found = customer_name(d, partner_id, account_id, name, n);
	if (found != 1)
		return found < 0 ? -1 : 2;
	long long rows = db_exec(d,
		"INSERT IGNORE INTO application_accounts (application_id, account_id, assigned_at, assigned_by_name)"
		" SELECT id, ?, UTC_TIMESTAMP(), ? FROM applications WHERE id = ? AND partner_id = ?",
		"ssis", account_id, by_name ? by_name : "", id, partner_id);
	return rows < 0 ? -1 : rows > 0;
}

int application_unassign(db *d, const char *partner_id, long long id, const char *account_id, char *name, size_t n)
{
	name[0] = 0;
	if (!valid_uuid(account_id) ||
	    db_str(d, name, n, "SELECT name FROM accounts WHERE id = ? AND partner_id = ?", "ss", account_id,
		   partner_id) != 1)
		return 0;
	long long rows = db_exec(d,
		"DELETE x FROM application_accounts x JOIN applications a ON a.id = x.application_id"
		" WHERE x.application_id = ? AND x.account_id = ? AND a.partner_id = ?",
		"iss", id, account_id, partner_id);
	if (rows <= 0)
		return rows < 0 ? -1 : 0;
	return credential_revoke_for_account(d, partner_id, id, account_id) < 0 ? -1 : 1;
}

struct account_call {
	application_account_fn fn;
	void *ctx;
};

static int account_row(void *ctx, const struct db_row *row)
{
	struct account_call *c = ctx;
	struct application_account a = {row_str(row, "id"), row_str(row, "name"), row_str(row, "assigned_on")};
	return c->fn(c->ctx, &a);
}

int application_accounts_each(db *d, const char *partner_id, long long id, application_account_fn fn, void *ctx)
{
	struct account_call c = {fn, ctx};
	return db_each(d, account_row, &c,
		"SELECT ac.id, ac.name, DATE_FORMAT(x.assigned_at, '%Y-%m-%d') AS assigned_on"
		" FROM application_accounts x JOIN applications a ON a.id = x.application_id"
		" JOIN accounts ac ON ac.id = x.account_id"
		" WHERE x.application_id = ? AND a.partner_id = ? ORDER BY ac.name LIMIT 500",
		"is", id, partner_id);
}

int application_assignable_each(db *d, const char *partner_id, long long id, application_account_fn fn, void *ctx)
{
	struct account_call c = {fn, ctx};
	return db_each(d, account_row, &c,
		"SELECT ac.id, ac.name, '' AS assigned_on FROM accounts ac"
		" WHERE ac.partner_id = ? AND ac.status = 'active' AND ac.kind = 'customer'"
		" AND NOT EXISTS (SELECT 1 FROM application_accounts x WHERE x.application_id = ? AND x.account_id = ac.id)"
		" ORDER BY ac.name LIMIT 500",
		"si", partner_id, id);
}

/* ---- the token endpoint ---- */

struct client_row {
	long long id;
	char partner_id[UUID_LEN];
	char name[404];
	char hash[TOKEN_HEX];
};

static int client_row(void *ctx, const struct db_row *row)
{
	struct client_row *c = ctx;
	c->id = row_int(row, "id");
	row_copy(row, "partner_id", c->partner_id, sizeof c->partner_id);
	row_copy(row, "name", c->name, sizeof c->name);
	row_copy(row, "secret_hash", c->hash, sizeof c->hash);
	return 0;
}

int application_authenticate(db *d, const char *client_id, const char *secret, long long *id,
			     char partner_id[UUID_LEN], char name[404])
{
	if (!valid_uuid(client_id) || !token_well_formed(secret))
		return 0;
	struct client_row c;
	memset(&c, 0, sizeof c);
	int found = db_one(d, client_row, &c,
		"SELECT a.id, a.partner_id, a.name, a.secret_hash FROM applications a JOIN accounts p ON p.id = a.partner_id"
		" WHERE a.client_id = ? AND p.status = 'active'", "s", client_id);
	if (found != 1)
		return found;
	char hash[TOKEN_HEX];
	sha256_hex(secret, hash);
	if (!const_time_eq(hash, c.hash))
		return 0;
	*id = c.id;
	memcpy(partner_id, c.partner_id, UUID_LEN);
	snprintf(name, 404, "%s", c.name);
	return 1;
}

int application_assigned(db *d, const char *partner_id, long long id, const char *account_id)
{
	if (!valid_uuid(account_id))
		return 0;
	long long n = 0;
	if (db_int(d, &n,
		   "SELECT COUNT(*) FROM application_accounts x JOIN applications a ON a.id = x.application_id"
		   " JOIN accounts ac ON ac.id = x.account_id"
		   " WHERE x.application_id = ? AND x.account_id = ? AND a.partner_id = ? AND ac.status = 'active'",
		   "iss", id, account_id, partner_id) != 1)
		return -1;
	return n > 0;
}
