#include "lib/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int audit_event(db *d, const char *account_id, const struct actor *who, const char *action,
		const char *asset_type, const char *asset_id, const char *asset_name, json_t *changes)
{
	char *details = changes ? json_dumps(changes, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char actor_id[24];
	snprintf(actor_id, sizeof actor_id, "%lld", who ? who->user_id : 0);
	long long rc = db_exec(d,
		"INSERT INTO events (account_id, actor_user_id, actor_name, actor_email, action,"
		" asset_type, asset_id, asset_name, details, created_at)"
		" VALUES (?, NULLIF(?, '0'), ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
		"sssssssss", account_id, actor_id, who && who->name ? who->name : "System",
		who && who->email ? who->email : "", action, asset_type, asset_id, asset_name,
		details ? details : "{}");
	free(details);
	return rc == 1 ? 0 : -1;
}

void audit_change(json_t *changes, const char *field, const char *before, const char *after)
{
	before = before ? before : "";
	after = after ? after : "";
	if (strcmp(before, after) == 0)
		return;
	json_object_set_new(changes, field, json_pack("{s:s,s:s}", "from", before, "to", after));
}
