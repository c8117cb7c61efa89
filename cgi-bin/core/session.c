/* The signed-in user, from the session cookie: one query per request, which
 * also brings the bell's notifications for pages that draw it. */
#include "cgi-bin/core/session.h"
#include "cgi-bin/jobs/notifications.h"
#include "lib/core/config.h"
#include "lib/sessions.h"

#include <stdio.h>
#include <string.h>

/* Write last_seen at most once a minute: enough for idle timeouts, and it
 * keeps most requests free of a write. */
#define TOUCH_SECONDS 60

static int idle_minutes(void) { return cfg_int("Session.IdleMinutes", 30); }

int session_load(struct req *r, int with_bell)
{
	const char *token = hdf_get_value(r->hdf, "Cookie." SESSION_COOKIE, NULL);
	if (!token || strlen(token) != TOKEN_HEX - 1)
		return 0;
	sha256_hex(token, r->session_hash);
	struct session s;
	int found = session_find(r->db, r->session_hash, idle_minutes(), cfg_int("Session.AbsoluteHours", 12), with_bell, &s);
	/* On Galera a session made a moment ago through another node may not be
	 * applied on this one yet: before calling it unknown, read again with
	 * causal reads, kept for the rest of the request (ARCHITECTURE §10). */
	if (found == 0 && db_galera(r->db)) {
		db_causal(r->db, 1);
		found = session_find(r->db, r->session_hash, idle_minutes(), cfg_int("Session.AbsoluteHours", 12), with_bell, &s);
	}
	if (found != 1) {
		r->session_hash[0] = 0;
		return found;
	}
	struct me *m = &r->me;
	m->id = s.user_id;
	snprintf(m->id_text, sizeof m->id_text, "%lld", s.user_id);
	snprintf(m->account_id, sizeof m->account_id, "%s", s.account_id);
	snprintf(m->partner_id, sizeof m->partner_id, "%s", s.partner_id);
	snprintf(m->name, sizeof m->name, "%s", s.name);
	snprintf(m->email, sizeof m->email, "%s", s.email);
	m->role = role_from_key(s.role);
	/* Read on every request, so a change to the role counts from the next one. */
	enum base_role base = BASE_PARTNER;
	const char *custom = s.has_custom_role ? s.custom_grants : NULL;
	if (custom && !base_from_key(s.custom_base, &base))
		custom = "?"; /* unreadable: fails to parse, so nothing is granted */
	perm_effective(m->role, custom, base, &m->grants);
	m->restricted = m->role == ROLE_ACCOUNT_MANAGER;
	m->via_idp = s.via_idp;
	m->subscriptions = s.subscriptions;
	snprintf(m->language, sizeof m->language, "%s", s.language);
	snprintf(m->account_language, sizeof m->account_language, "%s", s.default_language);
	snprintf(r->csrf, sizeof r->csrf, "%s", s.csrf);
	hdf_set_value(r->hdf, "Me.id", m->id_text);
	hdf_set_value(r->hdf, "Me.name", m->name);
	hdf_set_value(r->hdf, "Me.email", m->email);
	hdf_set_value(r->hdf, "Me.role", s.role);
	hdf_set_value(r->hdf, "Me.account_id", m->account_id);
	hdf_set_value(r->hdf, "Me.partner_id", m->partner_id);
	if (m->via_idp)
		hdf_set_value(r->hdf, "Me.via_idp", "1");
	hdf_set_int_value(r->hdf, "Me.subscriptions", m->subscriptions);
	if (with_bell)
		notifications_publish(r, &s);
	if (s.idle_seconds >= TOUCH_SECONDS)
		session_touch(r->db, r->session_hash);
	return m->role != ROLE_NONE;
}

static int start(struct req *r, long long user_id, int via_idp)
{
	char token[TOKEN_HEX], hash[TOKEN_HEX], csrf[TOKEN_HEX];
	if (random_token(token) != 0 || random_token(csrf) != 0)
		return -1;
	sha256_hex(token, hash);
	const char *addr = hdf_get_value(r->hdf, "CGI.RemoteAddress", "");
	if (session_create(r->db, hash, user_id, csrf, addr, r->session_hash, idle_minutes(), via_idp) != 0)
		return -1;
	set_cookie(r, SESSION_COOKIE, token, -1);
	snprintf(r->session_hash, sizeof r->session_hash, "%s", hash);
	snprintf(r->csrf, sizeof r->csrf, "%s", csrf);
	return 0;
}

int session_start(struct req *r, long long user_id) { return start(r, user_id, 0); }
int session_start_via_idp(struct req *r, long long user_id) { return start(r, user_id, 1); }

void session_end(struct req *r)
{
	if (r->session_hash[0])
		session_delete(r->db, r->session_hash);
	r->session_hash[0] = 0;
	set_cookie(r, SESSION_COOKIE, "", 0);
}
