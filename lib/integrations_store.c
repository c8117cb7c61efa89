/* The SQL of lib/integrations.h: one account's integrations, privileges
 * and policy, read in one query and changed one transaction at a time.
 * A change locks the account's account_policy row first (creating it with
 * the defaults), so changes of one account queue instead of racing. */
#include "lib/integrations.h"

#include <stdio.h>
#include <string.h>

static const enum privilege privilege_at[2] = {PRIV_DELEGATED_AUTH, PRIV_GUEST_ACCESS};

static int privilege_index(enum privilege p)
{
	return p == PRIV_DELEGATED_AUTH ? 0 : 1;
}

static enum manual_state manual_from_key(const char *key)
{
	return strcmp(key, "on") == 0 ? MANUAL_ON : strcmp(key, "off") == 0 ? MANUAL_OFF : MANUAL_AUTO;
}

/* One row of the account's state: its policy, the privileges set by hand,
 * and one integration (none: the columns are NULL). The columns, and the
 * tables joined to the account `a`: */
#define STATE_COLUMNS \
	"ap.bandwidth_optimization AS bandwidth, ap.chat_allow_edit_delete AS chat," \
	" ap.mitel_one_avatar_change AS avatar," \
	" d.manual_state AS delegated, g.manual_state AS guest," \
	" i.kind AS integration, i.state, i.status_level, i.status_text"
#define STATE_JOINS \
	" LEFT JOIN account_policy ap ON ap.account_id = a.id" \
	" LEFT JOIN account_privileges d ON d.account_id = a.id AND d.privilege = 'delegated_authentication'" \
	" LEFT JOIN account_privileges g ON g.account_id = a.id AND g.privilege = 'guest_access'" \
	" LEFT JOIN account_integrations i ON i.account_id = a.id"

static int state_row(void *ctx, const struct db_row *row)
{
	struct account_integrations *a = ctx;
	if (!row_null(row, "bandwidth")) {
		a->bandwidth_optimization = row_int(row, "bandwidth") != 0;
		a->chat_allow_edit_delete = row_int(row, "chat") != 0;
		a->mitel_one_avatar_change = row_int(row, "avatar") != 0;
	}
	a->manual[0] = manual_from_key(row_str(row, "delegated"));
	a->manual[1] = manual_from_key(row_str(row, "guest"));
	const struct integration_kind *k = integration_kind(row_str(row, "integration"));
	if (!k || (k->flags & INTEG_PERMANENT) || a->n >= INTEGRATION_KINDS_MAX)
		return 0; /* none, or a kind this build no longer has */
	struct integration_entry *e = &a->rows[a->n++];
	e->kind = k;
	e->state = integration_state_from_key(row_str(row, "state"));
	e->reported_level = status_level_from_key(row_str(row, "status_level"));
	row_copy(row, "status_text", e->reported_text, sizeof e->reported_text);
	return 0;
}

/* The table's order, whatever order the rows came in. */
static void sort_entries(struct account_integrations *a)
{
	int n;
	const struct integration_kind *all = integration_kinds(&n);
	struct integration_entry sorted[INTEGRATION_KINDS_MAX];
	int m = 0;
	for (int k = 0; k < n; k++)
		for (int i = 0; i < a->n; i++)
			if (a->rows[i].kind == &all[k])
				sorted[m++] = a->rows[i];
	memcpy(a->rows, sorted, sizeof(struct integration_entry) * (size_t)m);
	a->n = m;
}

static void clear_state(struct account_integrations *out)
{
	memset(out, 0, sizeof *out);
	out->chat_allow_edit_delete = 1;
	out->mitel_one_avatar_change = 1;
}

int account_integrations_load(db *d, const char *account_id, int for_update, struct account_integrations *out)
{
	clear_state(out);
	if (for_update &&
	    db_exec(d, "INSERT INTO account_policy (account_id, updated_at) VALUES (?, UTC_TIMESTAMP())"
		       " ON DUPLICATE KEY UPDATE account_id = account_id", "s", account_id) < 0)
		return -1;
	/* One query, every table by its primary key. The account's row drives
	 * it, so a row comes back even without integrations or settings. */
	int rc = db_each(d, state_row, out, "SELECT " STATE_COLUMNS " FROM accounts a" STATE_JOINS " WHERE a.id = ?",
			 "s", account_id);
	sort_entries(out);
	return rc < 0 ? -1 : 0;
}

struct signing_in {
	struct credential *c;
	struct account_ref *reached;
	struct account_integrations *state;
	int known;
};

static int signing_in_row(void *ctx, const struct db_row *row)
{
	struct signing_in *s = ctx;
	s->known = credential_reaching_row(row, s->c, s->reached);
	return state_row(s->state, row);
}

int account_integrations_load_signing_in(db *d, const char *token, const char *account_id, struct credential *c,
					  struct account_ref *reached, struct account_integrations *out)
{
	clear_state(out);
	memset(reached, 0, sizeof *reached);
	char hash[TOKEN_HEX];
	if (!credential_hash(token, hash))
		return 0;
	/* The credential's row drives it; out of reach, the account's columns
	 * and so its state are NULL. */
	struct signing_in s = {c, reached, out, 0};
	int rc = db_each(d, signing_in_row, &s,
		"SELECT " CREDENTIAL_REACHING_COLUMNS ", " STATE_COLUMNS
		" FROM " CREDENTIAL_REACHING_FROM STATE_JOINS CREDENTIAL_WHERE,
		"ss", account_id, hash);
	sort_entries(out);
	return rc < 0 ? -1 : rc > 0 && s.known;
}

/* ---- writing ---- */

static int write_manual(db *d, const char *account_id, enum privilege p, enum manual_state m)
{
	if (m == MANUAL_AUTO)
		return db_exec(d, "DELETE FROM account_privileges WHERE account_id = ? AND privilege = ?", "ss", account_id,
			       privilege_key(p)) < 0 ? -1 : 0;
	return db_exec(d,
		"INSERT INTO account_privileges (account_id, privilege, manual_state, updated_at)"
		" VALUES (?, ?, ?, UTC_TIMESTAMP())"
		" ON DUPLICATE KEY UPDATE manual_state = VALUES(manual_state), updated_at = VALUES(updated_at)",
		"sss", account_id, privilege_key(p), m == MANUAL_ON ? "on" : "off") < 0 ? -1 : 0;
}

/* Writes the manual states that differ between before and after, and
 * records each privilege whose effective value changed. */
static int settle_privileges(db *d, const char *account_id, const struct account_integrations *before,
			     const struct account_integrations *after, json_t *changes)
{
	unsigned was = privileges_effective(before), is = privileges_effective(after);
	for (int i = 0; i < 2; i++) {
		if (before->manual[i] != after->manual[i] &&
		    write_manual(d, account_id, privilege_at[i], after->manual[i]) != 0)
			return -1;
		char field[64];
		snprintf(field, sizeof field, "privileges.%s", privilege_key(privilege_at[i]));
		audit_change(changes, field, was & privilege_at[i] ? "on" : "off", is & privilege_at[i] ? "on" : "off");
	}
	return 0;
}

/* The privileges k implies follow the integrations again (switched on). */
static void privileges_follow(struct account_integrations *a, const struct integration_kind *k)
{
	for (int i = 0; i < 2; i++)
		if (k->privileges & privilege_at[i])
			a->manual[i] = MANUAL_AUTO;
}

/* k no longer implies its privileges: each one no other switched-on
 * integration implies goes off (guide §3.1), even if set on by hand. */
static void privileges_release(struct account_integrations *a, const struct integration_kind *k)
{
	int counts[2];
	privileges_implied(a, counts);
	for (int i = 0; i < 2; i++)
		if ((k->privileges & privilege_at[i]) && counts[i] == 0)
			a->manual[i] = MANUAL_AUTO;
}

static void record_state(json_t *changes, const struct integration_kind *k, enum integration_state from,
			 enum integration_state to)
{
	char field[64];
	snprintf(field, sizeof field, "integrations.%s", k->key);
	audit_change(changes, field, from ? integration_state_key(from) : "none", to ? integration_state_key(to) : "none");
}

static struct integration_entry *entry_in(struct account_integrations *a, const struct integration_kind *k)
{
	return (struct integration_entry *)integration_entry_of(a, k);
}

int integration_add(db *d, const struct actor *who, const char *account_id, const struct integration_kind *k,
		    json_t *changes)
{
	struct account_integrations before, after;
	if (account_integrations_load(d, account_id, 1, &before) != 0)
		return -1;
	if ((k->flags & INTEG_PERMANENT) || integration_entry_of(&before, k))
		return 0;
	enum integration_state state = (k->flags & INTEG_NEEDS_SETUP) ? INTEG_INCOMPLETE
				     : (k->flags & INTEG_STARTS_OFF) ? INTEG_ADDED : INTEG_ENABLED;
	if (db_exec(d,
		    "INSERT INTO account_integrations (account_id, kind, state, added_at, added_by_name, updated_at)"
		    " VALUES (?, ?, ?, UTC_TIMESTAMP(), ?, UTC_TIMESTAMP())",
		    "ssss", account_id, k->key, integration_state_key(state), who && who->name ? who->name : "") != 1)
		return -1;
	after = before;
	if (after.n < INTEGRATION_KINDS_MAX)
		after.rows[after.n++] = (struct integration_entry){.kind = k, .state = state};
	if (integration_switched_on(state))
		privileges_follow(&after, k);
	record_state(changes, k, INTEG_ABSENT, state);
	if (settle_privileges(d, account_id, &before, &after, changes) != 0)
		return -1;
	if (k->driver && k->driver->added && k->driver->added(d, who, account_id) != 0)
		return -1;
	return 1;
}

int integration_switch(db *d, const char *account_id, const struct integration_kind *k, int on, json_t *changes)
{
	struct account_integrations before, after;
	if (account_integrations_load(d, account_id, 1, &before) != 0)
		return -1;
	const struct integration_entry *e = integration_entry_of(&before, k);
	enum integration_state to = on ? INTEG_ENABLED : INTEG_ADDED;
	if (!e || (e->state != INTEG_ENABLED && e->state != INTEG_ADDED) || e->state == to)
		return 0;
	if (db_exec(d, "UPDATE account_integrations SET state = ?, updated_at = UTC_TIMESTAMP()"
		       " WHERE account_id = ? AND kind = ?", "sss", integration_state_key(to), account_id, k->key) != 1)
		return -1;
	if (!on && k->driver && k->driver->switched_off && k->driver->switched_off(d, account_id, &before, changes) != 0)
		return -1;
	after = before;
	entry_in(&after, k)->state = to;
	if (on)
		privileges_follow(&after, k);
	else
		privileges_release(&after, k);
	record_state(changes, k, e->state, to);
	return settle_privileges(d, account_id, &before, &after, changes) == 0 ? 1 : -1;
}

int integration_setup_finished(db *d, const char *account_id, const struct integration_kind *k, json_t *changes)
{
	struct account_integrations before, after;
	if (account_integrations_load(d, account_id, 1, &before) != 0)
		return -1;
	const struct integration_entry *e = integration_entry_of(&before, k);
	if (!e || e->state != INTEG_INCOMPLETE)
		return 0;
	if (db_exec(d, "UPDATE account_integrations SET state = 'enabled', updated_at = UTC_TIMESTAMP()"
		       " WHERE account_id = ? AND kind = ?", "ss", account_id, k->key) != 1)
		return -1;
	after = before;
	entry_in(&after, k)->state = INTEG_ENABLED;
	record_state(changes, k, INTEG_INCOMPLETE, INTEG_ENABLED);
	return settle_privileges(d, account_id, &before, &after, changes) == 0 ? 1 : -1;
}

int integration_set_up(db *d, const struct actor *who, const char *account_id, const struct integration_kind *k,
			json_t *changes)
{
	return integration_add(d, who, account_id, k, changes) < 0 ||
	       integration_setup_finished(d, account_id, k, changes) < 0 ? -1 : 0;
}

int integration_remove(db *d, const struct actor *who, const char *account_id, const struct integration_kind *k,
		       json_t *changes)
{
	struct account_integrations before, after;
	if (account_integrations_load(d, account_id, 1, &before) != 0)
		return -1;
	const struct integration_entry *e = integration_entry_of(&before, k);
	if (!e || (k->flags & INTEG_PERMANENT))
		return 0;
	if (k->driver && k->driver->removed && k->driver->removed(d, who, account_id) != 0)
		return -1;
	if (e->state == INTEG_ENABLED && k->driver && k->driver->switched_off &&
	    k->driver->switched_off(d, account_id, &before, changes) != 0)
		return -1;
	if (db_exec(d, "DELETE FROM account_integrations WHERE account_id = ? AND kind = ?", "ss", account_id,
		    k->key) != 1)
		return -1;
	after = before;
	struct integration_entry *gone = entry_in(&after, k);
	*gone = after.rows[--after.n];
	privileges_release(&after, k);
	record_state(changes, k, e->state, INTEG_ABSENT);
	return settle_privileges(d, account_id, &before, &after, changes) == 0 ? 1 : -1;
}

int privilege_set(db *d, const char *account_id, enum privilege p, int on, json_t *changes)
{
	struct account_integrations before, after;
	if (account_integrations_load(d, account_id, 1, &before) != 0)
		return -1;
	if (((privileges_effective(&before) & p) != 0) == (on != 0))
		return 0;
	after = before;
	after.manual[privilege_index(p)] = on ? MANUAL_ON : MANUAL_OFF;
	return settle_privileges(d, account_id, &before, &after, changes) == 0 ? 1 : -1;
}

/* The account's policy settings (account_policy's columns). */
enum policy { POLICY_BANDWIDTH = 0, POLICY_CHAT, POLICY_AVATAR };
static const struct {
	const char *update;         /* the statement that sets it */
	const char *field;          /* its name in events */
} policies[] = {
	[POLICY_BANDWIDTH] = {"UPDATE account_policy SET bandwidth_optimization = ?, updated_at = UTC_TIMESTAMP()"
			      " WHERE account_id = ?", "callServices.bandwidthOptimization"},
	[POLICY_CHAT] = {"UPDATE account_policy SET chat_allow_edit_delete = ?, updated_at = UTC_TIMESTAMP()"
			 " WHERE account_id = ?", "chat.allowEditDelete"},
	[POLICY_AVATAR] = {"UPDATE account_policy SET mitel_one_avatar_change = ?, updated_at = UTC_TIMESTAMP()"
			   " WHERE account_id = ?", "mitelOne.allowAvatarChange"},
};

/* One column of the locked account_policy row. */
static int policy_set(db *d, const char *account_id, enum policy which, int value, json_t *changes)
{
	struct account_integrations a;
	if (account_integrations_load(d, account_id, 1, &a) != 0)
		return -1;
	int was = which == POLICY_BANDWIDTH ? a.bandwidth_optimization
		  : which == POLICY_CHAT    ? a.chat_allow_edit_delete
					    : a.mitel_one_avatar_change;
	if (was == (value != 0))
		return 0;
	if (db_exec(d, policies[which].update, "is", (long long)(value != 0), account_id) != 1)
		return -1;
	audit_change(changes, policies[which].field, was ? "on" : "off", value ? "on" : "off");
	return 1;
}

int account_set_bandwidth_optimization(db *d, const char *account_id, int on, json_t *changes)
{
	return policy_set(d, account_id, POLICY_BANDWIDTH, on, changes);
}

int account_set_chat_edit_delete(db *d, const char *account_id, int allow, json_t *changes)
{
	return policy_set(d, account_id, POLICY_CHAT, allow, changes);
}

int account_set_mitel_one_avatar_change(db *d, const char *account_id, int allow, json_t *changes)
{
	return policy_set(d, account_id, POLICY_AVATAR, allow, changes);
}
