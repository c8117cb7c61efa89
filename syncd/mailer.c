/* The mailer (ARCHITECTURE §7): sends the outbox over SMTP with libcurl.
 *
 * A batch of due mails is claimed like jobs are (SELECT ... FOR UPDATE SKIP
 * LOCKED), and each claimed row's next attempt is pushed past a lease, so
 * no other syncd sends it meanwhile and a crashed syncd's mails come due
 * again. The batch goes out over one connection: libcurl keeps it open
 * between transfers made on the same easy handle.
 *
 * Each mail is rendered just before it is sent, and its link's token
 * minted then, so the database never holds a usable token. When the server
 * cannot be reached, the whole batch waits (backoff doubling up to a
 * limit) and is never given up: nothing is lost. A mail the server refuses
 * for good (5xx) is marked failed after Mail.MaxAttempts. The statements
 * are lib/mail.c's. */
#include "syncd/syncd.h"
#include "syncd/lease.h"
#include "lib/core/config.h"
#include "lib/core/crypto.h"
#include "lib/core/log.h"
#include "lib/mail.h"
#include "lib/support_logs.h"
#include "lib/tokens.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BATCH_MAILS 50

static CURL *curl;

void mailer_cleanup(void)
{
	if (curl)
		curl_easy_cleanup(curl);
	curl = NULL;
}

enum outcome { SENT = MAIL_FILLED, DROPPED = MAIL_DROPPED, RETRY = MAIL_RETRY, SERVER_DOWN, REFUSED };

struct upload {
	const char *data;
	size_t left;
};

static size_t read_cb(char *buf, size_t size, size_t nitems, void *arg)
{
	struct upload *u = arg;
	size_t n = size * nitems < u->left ? size * nitems : u->left;
	memcpy(buf, u->data, n);
	u->data += n;
	u->left -= n;
	return n;
}

/* One SMTP transaction on the batch's handle. */
static enum outcome smtp_send(const char *to, const char *message, char *error, size_t error_size)
{
	if (!curl && !(curl = curl_easy_init())) {
		snprintf(error, error_size, "libcurl: cannot initialise");
		return SERVER_DOWN;
	}
	const char *security = cfg_str("Mail.Security", "none");
	char url[512], from[300], rcpt[300];
	snprintf(url, sizeof url, "%s://%s:%d", strcmp(security, "tls") == 0 ? "smtps" : "smtp",
		 cfg_str("Mail.Host", "127.0.0.1"), cfg_int("Mail.Port", 25));
	snprintf(from, sizeof from, "<%s>", cfg_str("Mail.From", "no-reply@localhost"));
	snprintf(rcpt, sizeof rcpt, "<%s>", to);
	struct curl_slist *rcpts = curl_slist_append(NULL, rcpt);
	struct upload up = {message, strlen(message)};

	curl_easy_reset(curl); /* options only: the connection cache stays */
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(curl, CURLOPT_READDATA, &up);
	curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
	if (strcmp(security, "starttls") == 0)
		curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (*cfg_str("Mail.User", "")) {
		curl_easy_setopt(curl, CURLOPT_USERNAME, cfg_str("Mail.User", ""));
		curl_easy_setopt(curl, CURLOPT_PASSWORD, cfg_str("Mail.Password", ""));
	}
	CURLcode rc = curl_easy_perform(curl);
	long code = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpts);
	if (rc == CURLE_OK)
		return SENT;
	snprintf(error, error_size, "%s (SMTP %ld)", curl_easy_strerror(rc), code);
	if (code >= 500 && code < 600)
		return REFUSED;
	if (code >= 400 && code < 500)
		return RETRY;
	return SERVER_DOWN;
}

/* What a welcome or reset mail says, its link's token minted now. DROPPED
 * (with the reason in error) when the mail no longer applies. */
static enum outcome user_mail_fill(db *d, const struct outbox_mail *m, HDF *h, char *error, size_t error_size)
{
	int welcome = strcmp(m->kind, "welcome") == 0;
	if (!m->user_found) {
		snprintf(error, error_size, "the user no longer exists");
		return DROPPED;
	}
	if (welcome == m->registered) {
		snprintf(error, error_size, welcome ? "the user has registered already" : "the user is not registered");
		return DROPPED;
	}
	long minutes = welcome ? cfg_int("Tokens.WelcomeDays", 7) * 24L * 60 : cfg_int("Tokens.ResetHours", 24) * 60L;
	char token[TOKEN_HEX], link[1024], valid[32];
	if (token_mint(d, m->user_id, m->account_id, m->kind, minutes, token) != 0) {
		snprintf(error, error_size, "token: %s", db_error(d));
		return RETRY;
	}
	snprintf(link, sizeof link, "%s/%s?t=%s", cfg_str("Site.BaseURL", ""), welcome ? "register" : "reset", token);
	snprintf(valid, sizeof valid, "%ld", welcome ? minutes / (24 * 60) : minutes / 60);
	hdf_set_value(h, "Mail.Name", m->name);
	hdf_set_value(h, "Mail.Account", m->account_name);
	hdf_set_value(h, "Mail.Email", m->to_addr);
	hdf_set_value(h, "Mail.Link", link);
	hdf_set_value(h, "Mail.Valid", valid);
	return SENT;
}

/* Renders the mail for its recipient: its data by kind (a user's welcome
 * or reset, or a support log's, syncd/support_mail.c), then the message. */
static enum outcome compose(db *d, const struct outbox_mail *m, char **message, char *error, size_t error_size)
{
	HDF *h = NULL;
	if (hdf_init(&h)) {
		snprintf(error, error_size, "out of memory");
		return RETRY;
	}
	enum outcome o = support_mail_kind(m->kind) ? (enum outcome)support_mail_fill(d, m, h, error, error_size)
						    : user_mail_fill(d, m, h, error, error_size);
	struct mail_parts parts;
	if (o == SENT && mail_render(m->kind, *m->language ? m->language : "en", h, &parts, error, error_size) != 0)
		o = RETRY;
	hdf_destroy(&h);
	if (o != SENT)
		return o;
	char date[64], msgid[160], rnd[TOKEN_HEX];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	const char *from = cfg_str("Mail.From", "no-reply@localhost");
	const char *at = strchr(from, '@');
	random_token(rnd);
	snprintf(msgid, sizeof msgid, "<%lld.%.16s@%s>", m->id, rnd, at ? at + 1 : "localhost");
	*message = mail_message(from, cfg_str("Mail.FromName", ""), m->to_addr, date, msgid, &parts);
	mail_parts_free(&parts);
	if (!*message) {
		snprintf(error, error_size, "cannot compose the message");
		return DROPPED;
	}
	return SENT;
}

static void record(db *d, long long id, enum outcome o, const char *error)
{
	long base = cfg_int("Mail.RetrySeconds", 30), max = cfg_int("Mail.RetryMaxSeconds", 900);
	int attempts = mail_attempts(d, id);
	if (attempts < 0)
		attempts = 0;
	attempts++;
	if (o == SENT) {
		mail_mark_sent(d, id, lease_owner(), attempts);
		return;
	}
	int give_up = o == DROPPED || (o == REFUSED && attempts >= cfg_int("Mail.MaxAttempts", 5));
	mail_mark_failed(d, id, lease_owner(), attempts, give_up, mail_backoff_seconds(attempts, base, max), error);
	log_error("mail %lld: %s%s", id, error, give_up ? " (given up)" : "");
}

int mailer_tick(db *d)
{
	long long ids[BATCH_MAILS];
	int n = mail_claim(d, lease_owner(), cfg_int("Mail.LeaseSeconds", 300), BATCH_MAILS, ids), sent = 0;
	char error[512] = "";
	enum outcome down = SENT;
	for (int i = 0; i < n; i++) {
		if (down == SERVER_DOWN) {
			record(d, ids[i], SERVER_DOWN, error);
			continue;
		}
		struct outbox_mail m;
		if (mail_load(d, ids[i], &m) != 1)
			continue;
		char *message = NULL;
		enum outcome o = compose(d, &m, &message, error, sizeof error);
		if (o == SENT)
			o = smtp_send(m.to_addr, message, error, sizeof error);
		free(message);
		record(d, ids[i], o, error);
		sent += o == SENT;
		down = o;
	}
	if (n > 0)
		log_info("mail: %d of %d sent", sent, n);
	return n;
}
