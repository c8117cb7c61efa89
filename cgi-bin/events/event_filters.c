/* Create/Edit Filters (guide §2.16): Asset, Action, Event Type, Actor ID
 * and the Event Date range, applied with OK to the list. The filters are
 * smart: each list offers only what the other filters leave (Asset Phone
 * leaves Event Type MiVB alone), from the kinds of event the account has
 * among the events the Actor ID and dates leave (lib/events.c
 * events_kinds). Without script, Update options draws the dialog again
 * with the choices made so far; with it, the lists follow each change
 * (static/js/events.js). */
#include "cgi-bin/events/event_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KINDS_MAX 512

struct kind {
	char type[EVENT_KEY_MAX + 1], asset[EVENT_KEY_MAX + 1], act[EVENT_KEY_MAX + 1];
};

struct kinds {
	struct kind list[KINDS_MAX];
	int n;
};

static int take_kind(void *ctx, const char *type, const char *asset, const char *act)
{
	struct kinds *k = ctx;
	if (k->n < KINDS_MAX) {
		snprintf(k->list[k->n].type, sizeof k->list[0].type, "%s", type);
		snprintf(k->list[k->n].asset, sizeof k->list[0].asset, "%s", asset);
		snprintf(k->list[k->n].act, sizeof k->list[0].act, "%s", act);
		k->n++;
	}
	return 0;
}

/* One list's options, each value once, sorted by label. */
struct option {
	const char *value;
	char label[128];
};

static int by_label(const void *a, const void *b)
{
	return strcmp(((const struct option *)a)->label, ((const struct option *)b)->label);
}

static void add_option(struct req *r, struct option *opts, int *n, const char *group, const char *value)
{
	if (!*value)
		return;
	for (int i = 0; i < *n; i++)
		if (strcmp(opts[i].value, value) == 0)
			return;
	char buf[128];
	opts[*n].value = value;
	snprintf(opts[*n].label, sizeof opts[*n].label, "%s", event_label(r, group, value, buf, sizeof buf));
	(*n)++;
}

/* field: which list; the other two filters narrow it. */
enum field { F_ASSET, F_ACT, F_TYPE };

static const char *part(const struct kind *k, enum field f)
{
	return f == F_ASSET ? k->asset : f == F_ACT ? k->act : k->type;
}

static void publish_options(struct req *r, const struct kinds *k, const struct event_filter *f, enum field which)
{
	static const char *const groups[] = {"assets", "acts", "types"};
	static const char *const names[] = {"asset", "action", "type"};
	const char *chosen[] = {f->asset, f->act, f->event_type};
	struct option *opts = calloc(KINDS_MAX + 1, sizeof *opts);
	if (!opts)
		return;
	int n = 0;
	for (int i = 0; i < k->n; i++) {
		int fits = 1;
		for (enum field other = F_ASSET; other <= F_TYPE; other++)
			if (other != which && *chosen[other] && strcmp(part(&k->list[i], other), chosen[other]) != 0)
				fits = 0;
		if (fits)
			add_option(r, opts, &n, groups[which], part(&k->list[i], which));
	}
	/* The choice made stays on offer, even when nothing is left for it. */
	add_option(r, opts, &n, groups[which], chosen[which]);
	qsort(opts, (size_t)n, sizeof *opts, by_label);
	char key[64];
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof key, "Options.%s.%d.value", names[which], i);
		hdf_set_value(r->hdf, key, opts[i].value);
		snprintf(key, sizeof key, "Options.%s.%d.label", names[which], i);
		hdf_set_value(r->hdf, key, opts[i].label);
	}
	free(opts);
}

int event_filters_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "events.event_filters.title"));
	char base[128];
	event_base(r, base, sizeof base);
	hdf_set_value(r->hdf, "Events.Base", base);
	struct event_filter f;
	event_filter_read(r, &f);
	hdf_set_value(r->hdf, "List.Dir", event_ascending(r) ? "asc" : "desc");
	struct kinds *k = calloc(1, sizeof *k);
	if (!k)
		return SERVER_ERROR;
	int rc = events_kinds(r->db, r->acct.id, &f, take_kind, k);
	if (rc >= 0) {
		publish_options(r, k, &f, F_ASSET);
		publish_options(r, k, &f, F_ACT);
		publish_options(r, k, &f, F_TYPE);
	}
	free(k);
	return rc < 0 ? SERVER_ERROR : DONE;
}
