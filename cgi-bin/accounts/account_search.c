/* The header's account search (guide §1.3): a partner user types part of a
 * customer account's name and goes to that account's information. Without
 * JavaScript the header's form opens this page, which lists the matches
 * (ten at most) or, when exactly one matches, goes straight to it; with
 * JavaScript the same page answers ?format=json with the matches, which the
 * header offers as you type. An account manager finds only the accounts
 * assigned to them (guide §2.15.1). */
#include "cgi-bin/core/request.h"
#include "lib/accounts.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHOWN 10

static int answer_json(struct req *r, const struct account_ref *found, int n)
{
	json_t *list = json_array();
	char href[UUID_LEN + 8];
	for (int i = 0; list && i < n; i++) {
		snprintf(href, sizeof href, "/a/%.*s/info", UUID_LEN - 1, found[i].id);
		json_array_append_new(list, json_pack("{s:s,s:s,s:s}", "id", found[i].id, "name", found[i].name, "href", href));
	}
	r->body = list ? json_dumps(list, JSON_COMPACT) : NULL;
	json_decref(list);
	if (!r->body)
		return SERVER_ERROR;
	r->body_len = strlen(r->body);
	r->content_type = "application/json";
	return DONE;
}

int account_search_get(struct req *r)
{
	const char *q = form(r, "q");
	if (!valid_line(q, 0) || utf8_length(q) > 100)
		q = "";
	struct account_reach who = {
		.own_account_id = r->me.account_id,
		.partner_id = r->me.partner_id,
		.manager_id = r->me.restricted ? r->me.id : 0,
	};
	struct account_ref found[SHOWN];
	int n = accounts_search(r->db, &who, q, found, SHOWN);
	if (n < 0)
		return SERVER_ERROR;
	if (strcmp(form(r, "format"), "json") == 0)
		return answer_json(r, found, n);
	if (n == 1)
		return done(r, NULL, "/a/%s/info", found[0].id);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "accounts.account_search.title"));
	hdf_set_value(r->hdf, "Search.Q", q);
	char key[64];
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof key, "Search.Rows.%d.id", i);
		hdf_set_value(r->hdf, key, found[i].id);
		snprintf(key, sizeof key, "Search.Rows.%d.name", i);
		hdf_set_value(r->hdf, key, found[i].name);
	}
	return DONE;
}
