/* The table of integration kinds and the pure rules over an account's
 * integrations: which privileges they imply, and what each row's status
 * line says. The SQL is in integrations_store.c. */
#include "lib/integrations.h"

#include <stdio.h>
#include <string.h>

#define D PRIV_DELEGATED_AUTH
#define G PRIV_GUEST_ACCESS
#define SETUP(key) "/a/:acct/integrations/" key

/* Every integration the guide names (guide §2.3, §3.1, §3.2; ch3 §1.2), in
 * the catalogue's order: the Mitel tab as in its screenshot, then the
 * others of ch. 3; the 3rd party tab likewise; Chat last (in no tab).
 * Privileges: guide §3.1's table, Unify Phone from §3.1.7.1. Setup: the
 * kinds ch3 §1.4 adds incomplete, and the settings screen (⚙) of each kind
 * that has one; its row links there once the route table has the route. */
static const struct integration_kind kinds[] = {
	{.key = "micc", .tab = TAB_MITEL, .name = "MiCC", .icon = "micc", .privileges = D | G},
	{.key = "micollab", .tab = TAB_MITEL, .name = "MiCollab", .icon = "micollab", .privileges = D},
	{.key = "gateway", .tab = TAB_MITEL, .name = "CloudLink Gateway", .icon = "gateway",
	 .flags = INTEG_NEEDS_SETUP, .setup_route = SETUP("gateway"), .driver = &integration_gateway_driver},
	{.key = "mitel_one", .tab = TAB_MITEL, .name = "Mitel One", .icon = "mitel-one", .privileges = G,
	 .setup_route = SETUP("mitel_one"), .products = {"Mitel One"}, .unsubscribed_status = "mitel_one_unsubscribed"},
	{.key = "voice_assist", .tab = TAB_MITEL, .name = "Mitel Voice Assist", .icon = "voice-assist",
	 .flags = INTEG_NEEDS_SETUP, .setup_route = SETUP("voice_assist")},
	{.key = "mivb", .tab = TAB_MITEL, .name = "MiVoice Business", .icon = "mivb", .setup_route = SETUP("mivb"),
	 .enabled_status = "mivb_features"},
	{.key = "miteam", .tab = TAB_MITEL, .name = "MiTeam Meetings", .icon = "miteam", .privileges = G,
	 .setup_route = SETUP("miteam"), .products = {"MiTeam Meetings"}, .driver = &integration_miteam_driver},
	{.key = "unify", .tab = TAB_MITEL, .name = "Unify Phone", .icon = "unify", .privileges = D,
	 .flags = INTEG_NEEDS_SETUP, .setup_route = SETUP("unify")},
	{.key = "workflow_studio", .tab = TAB_MITEL, .name = "Mitel Workflow Studio", .icon = "workflow-studio",
	 .flags = INTEG_STARTS_OFF, .products = {"Workflow Studio", "WorkflowStudio"}},
	{.key = "workgroups", .tab = TAB_MITEL, .name = "Mitel One Workgroups", .icon = "workgroups",
	 .products = {"Mitel One Workgroups"}},
	{.key = "mitel_cx", .tab = TAB_MITEL, .name = "Mitel CX", .icon = "mitel-cx"},
	{.key = "sso", .tab = TAB_THIRD_PARTY, .name = "Single Sign-On", .icon = "sso",
	 .flags = INTEG_NEEDS_SETUP, .setup_route = SETUP("sso"), .driver = &integration_sso_driver},
	{.key = "azure_ad_sync", .tab = TAB_THIRD_PARTY, .name = "Azure AD Sync", .icon = "azure-ad-sync",
	 .flags = INTEG_NEEDS_SETUP, .setup_route = SETUP("azure-ad-sync"), .driver = &integration_azure_driver},
	{.key = "o365", .tab = TAB_THIRD_PARTY, .name = "Microsoft Office 365", .icon = "o365",
	 .flags = INTEG_NEEDS_SETUP, .setup_route = SETUP("o365")},
	{.key = "teams", .tab = TAB_THIRD_PARTY, .name = "Microsoft Teams", .icon = "teams",
	 .flags = INTEG_NEEDS_SETUP, .setup_route = SETUP("teams")},
	{.key = "zoom", .tab = TAB_THIRD_PARTY, .name = "Zoom", .icon = "zoom",
	 .flags = INTEG_NEEDS_SETUP, .setup_route = SETUP("zoom"), .products = {"Zoom"}},
	{.key = "twilio", .tab = TAB_THIRD_PARTY, .name = "Twilio", .icon = "twilio",
	 .flags = INTEG_NEEDS_SETUP, .setup_route = SETUP("twilio")},
	{.key = "cmcom", .tab = TAB_THIRD_PARTY, .name = "CM.com", .icon = "cmcom",
	 .flags = INTEG_NEEDS_SETUP, .setup_route = SETUP("cmcom")},
	{.key = "chat", .tab = TAB_NONE, .name = "Chat", .icon = "chat", .flags = INTEG_PERMANENT,
	 .setup_route = SETUP("chat")},
};
#define N_KINDS (sizeof kinds / sizeof kinds[0])
_Static_assert(N_KINDS <= INTEGRATION_KINDS_MAX, "INTEGRATION_KINDS_MAX holds every kind");

const struct integration_kind *integration_kinds(int *count)
{
	*count = (int)N_KINDS;
	return kinds;
}

const struct integration_kind *integration_kind(const char *key)
{
	for (size_t i = 0; key && i < N_KINDS; i++)
		if (strcmp(kinds[i].key, key) == 0)
			return &kinds[i];
	return NULL;
}

/* The kind whose product name is the longest start of product, ending at a
 * word's end ("Mitel One Workgroups Basic" needs Mitel One Workgroups, not
 * Mitel One). */
const struct integration_kind *integration_for_product(const char *product)
{
	const struct integration_kind *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; product && i < N_KINDS; i++)
		for (size_t j = 0; j < sizeof kinds[i].products / sizeof kinds[i].products[0] && kinds[i].products[j]; j++) {
			const char *p = kinds[i].products[j];
			size_t n = strlen(p);
			char next = product[n];
			if (strncmp(product, p, n) == 0 && (next == 0 || next == ' ' || next == '_' || next == '-') &&
			    n > best_len) {
				best = &kinds[i];
				best_len = n;
			}
		}
	return best;
}

const char *integration_tab_key(enum integration_tab t)
{
	return t == TAB_MITEL ? "mitel" : t == TAB_THIRD_PARTY ? "third_party" : "";
}

static const char *const privilege_keys[] = {"delegated_authentication", "guest_access"};

const char *privilege_key(enum privilege p)
{
	return p == PRIV_DELEGATED_AUTH ? privilege_keys[0] : p == PRIV_GUEST_ACCESS ? privilege_keys[1] : "";
}

int privilege_from_key(const char *key)
{
	if (key && strcmp(key, privilege_keys[0]) == 0)
		return PRIV_DELEGATED_AUTH;
	if (key && strcmp(key, privilege_keys[1]) == 0)
		return PRIV_GUEST_ACCESS;
	return 0;
}

static const char *const state_keys[] = {
	[INTEG_ABSENT] = "", [INTEG_INCOMPLETE] = "incomplete", [INTEG_ADDED] = "added",
	[INTEG_ENABLED] = "enabled", [INTEG_REMOVING] = "removing", [INTEG_ERROR] = "error",
};

const char *integration_state_key(enum integration_state s)
{
	return s <= INTEG_ERROR ? state_keys[s] : "";
}

enum integration_state integration_state_from_key(const char *key)
{
	for (int s = INTEG_INCOMPLETE; key && s <= INTEG_ERROR; s++)
		if (strcmp(state_keys[s], key) == 0)
			return (enum integration_state)s;
	return INTEG_ABSENT;
}

static const char *const level_keys[] = {
	[LEVEL_NONE] = "", [LEVEL_OK] = "ok", [LEVEL_WARN] = "warn", [LEVEL_ERROR] = "error",
	[LEVEL_INCOMPLETE] = "incomplete",
};

const char *status_level_key(enum status_level l)
{
	return l <= LEVEL_INCOMPLETE ? level_keys[l] : "";
}

enum status_level status_level_from_key(const char *key)
{
	for (int l = LEVEL_OK; key && l <= LEVEL_INCOMPLETE; l++)
		if (strcmp(level_keys[l], key) == 0)
			return (enum status_level)l;
	return LEVEL_NONE;
}

const struct integration_entry *integration_entry_of(const struct account_integrations *a,
						     const struct integration_kind *k)
{
	for (int i = 0; i < a->n; i++)
		if (a->rows[i].kind == k)
			return &a->rows[i];
	return NULL;
}

/* Added and not switched off: an incomplete one implies its privileges from
 * the start (guide §3.1.7.1: Unify Phone), a failing one still does. */
int integration_switched_on(enum integration_state s)
{
	return s == INTEG_INCOMPLETE || s == INTEG_ENABLED || s == INTEG_ERROR;
}

unsigned privileges_implied(const struct account_integrations *a, int counts[2])
{
	counts[0] = counts[1] = 0;
	for (int i = 0; i < a->n; i++) {
		if (!integration_switched_on(a->rows[i].state))
			continue;
		if (a->rows[i].kind->privileges & PRIV_DELEGATED_AUTH)
			counts[0]++;
		if (a->rows[i].kind->privileges & PRIV_GUEST_ACCESS)
			counts[1]++;
	}
	return (counts[0] ? PRIV_DELEGATED_AUTH : 0u) | (counts[1] ? PRIV_GUEST_ACCESS : 0u);
}

unsigned privileges_effective(const struct account_integrations *a)
{
	int counts[2];
	unsigned implied = privileges_implied(a, counts), out = 0;
	static const enum privilege each[2] = {PRIV_DELEGATED_AUTH, PRIV_GUEST_ACCESS};
	for (int i = 0; i < 2; i++) {
		int on = a->manual[i] == MANUAL_ON || (a->manual[i] == MANUAL_AUTO && (implied & each[i]));
		if (on)
			out |= each[i];
	}
	return out;
}

static void say(struct integration_status *out, enum status_level level, const char *key)
{
	out->level = level;
	out->text_key = key;
}

void integration_status_of(const struct integration_entry *e, int subscribed, int setup_available,
			   struct integration_status *out)
{
	memset(out, 0, sizeof *out);
	const struct integration_kind *k = e->kind;
	if (e->reported_level != LEVEL_NONE && e->reported_text[0]) {
		out->level = e->reported_level;
		snprintf(out->text, sizeof out->text, "%s", e->reported_text);
		out->setup_link = e->state == INTEG_INCOMPLETE && setup_available;
		return;
	}
	switch (e->state) {
	case INTEG_INCOMPLETE:
		/* Never a dead link: a setup screen still to be built says so. */
		say(out, LEVEL_INCOMPLETE, setup_available ? "setup_incomplete" : "setup_unavailable");
		out->setup_link = setup_available;
		break;
	case INTEG_ADDED:
		say(out, LEVEL_NONE, "switched_off");
		break;
	case INTEG_REMOVING:
		say(out, LEVEL_WARN, "removing");
		break;
	case INTEG_ERROR:
		say(out, LEVEL_ERROR, "error");
		break;
	case INTEG_ENABLED:
		if (k->unsubscribed_status && !subscribed)
			say(out, LEVEL_WARN, k->unsubscribed_status);
		else if (k->enabled_status)
			say(out, LEVEL_WARN, k->enabled_status);
		break;
	case INTEG_ABSENT:
		break;
	}
}
