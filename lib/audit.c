#include "lib/audit.h"
#include "lib/events_vocab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int audit_event(db *d, const char *account_id, const struct actor *who, const char *action,
		const char *asset_type, const char *asset_id, const char *asset_name, json_t *changes)
{
	struct event_record e = {
		.account_id = account_id, .who = who, .action = action, .asset_type = asset_type,
		.asset_id = asset_id, .asset_name = asset_name, .core = changes,
	};
	return audit_record(d, &e);
}

/* The fields of a details object that record a change ({"from", "to"}). */
static json_t *changed_properties(json_t *core)
{
	json_t *names = json_array();
	const char *key;
	json_t *value;
	json_object_foreach(core, key, value)
		if (json_is_object(value) && (json_object_get(value, "to") || json_object_get(value, "from")))
			json_array_append_new(names, json_string(key));
	return names;
}

static void add_tag(json_t *tags, const char *tag)
{
	size_t i;
	json_t *t;
	if (!tag || !*tag)
		return;
	json_array_foreach(tags, i, t)
		if (strcmp(json_string_value(t), tag) == 0)
			return;
	json_array_append_new(tags, json_string(tag));
}

static char *dump(json_t *doc)
{
	return doc ? json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY) : NULL;
}

int audit_record(db *d, const struct event_record *e)
{
	const struct actor *who = e->who;
	char act[EVENT_KEY_MAX + 1], ref[64], asset_tag[128], asset[EVENT_KEY_MAX + 1];
	const char *type;
	event_vocab_of(e->action, e->asset_type, &type, asset, sizeof asset);
	if (e->event_type)
		type = e->event_type;
	if (e->act)
		snprintf(act, sizeof act, "%s", e->act);
	else
		event_act_of(e->action, act, sizeof act);
	if (e->actor_ref)
		snprintf(ref, sizeof ref, "%s", e->actor_ref);
	else if (who && who->user_id)
		snprintf(ref, sizeof ref, "%lld", who->user_id);
	else
		snprintf(ref, sizeof ref, "system");
	snprintf(asset_tag, sizeof asset_tag, "%s:%s", asset, e->asset_id ? e->asset_id : "");

	json_t *empty = json_object();
	json_t *core = e->core ? e->core : empty;
	json_t *properties = e->properties ? json_incref(e->properties) : changed_properties(core);
	json_t *extra = json_object();
	if (extra && e->extra)
		json_object_update(extra, e->extra);
	json_object_set_new(extra, "assetId", json_string(e->asset_id ? e->asset_id : ""));
	json_object_set_new(extra, "assetName", json_string(e->asset_name ? e->asset_name : ""));
	if (who && who->email && *who->email)
		json_object_set_new(extra, "actorEmail", json_string(who->email));
	json_t *tags = json_array();
	add_tag(tags, e->action);
	add_tag(tags, asset_tag);
	for (const char *const *t = e->tags; t && *t; t++)
		add_tag(tags, *t);

	char *core_text = dump(core), *props_text = dump(properties), *extra_text = dump(extra), *tags_text = dump(tags);
	char actor_id[24];
	snprintf(actor_id, sizeof actor_id, "%lld", who ? who->user_id : 0);
	long long rc = -1;
	if (core_text && props_text && extra_text && tags_text)
		rc = db_exec(d,
			"INSERT INTO events (account_id, actor_user_id, actor_name, actor_email, actor_ref, action, event_type,"
			" asset_type, act, asset_id, asset_name, properties_changed, details, extra_details, log_tags, created_at)"
			" VALUES (?, NULLIF(?, '0'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
			"sssssssssssssss", e->account_id, actor_id, who && who->name ? who->name : "System",
			who && who->email ? who->email : "", ref, e->action ? e->action : "",
			type, asset, act, e->asset_id ? e->asset_id : "",
			e->asset_name ? e->asset_name : "", props_text, core_text, extra_text, tags_text);
	free(core_text);
	free(props_text);
	free(extra_text);
	free(tags_text);
	json_decref(empty);
	json_decref(properties);
	json_decref(extra);
	json_decref(tags);
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
