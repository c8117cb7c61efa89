/* PUT /api/v1/orders/{orderNumber} (ch2 §3.7): the ordering system
 * publishes one of a partner's orders with its billing-feed credential.
 * Idempotent by (partner, order number): the same revision again writes
 * nothing, an older one is ignored, a newer one replaces the order. An
 * order of a billing account that is not the credential's partner's is 422
 * and writes nothing. */
#include "cgi-bin/core/request.h"
#include "lib/orders.h"

#include <stdio.h>
#include <stdlib.h>

struct put {
	struct order_doc doc;
	char actor_ref[40];
	struct actor who;
	int result;
	long long id;
};

static int apply(struct req *r, void *arg)
{
	struct put *p = arg;
	p->id = 0;
	p->result = order_put(r->db, &p->who, p->actor_ref, r->machine.partner_id, r->path_ref, &p->doc, &p->id);
	if (p->result < 0)
		return -1;
	/* Nothing was written unless the order was: roll back the rest. */
	return p->result == ORDER_CREATED || p->result == ORDER_UPDATED ? 0 : 1;
}

int order_feed_put(struct req *r)
{
	struct put *p = calloc(1, sizeof *p);
	if (!p)
		return SERVER_ERROR;
	json_t *errors = json_object();
	if (order_parse(r->json, &p->doc, errors) != 0) {
		free(p);
		return api_error(r, 422, "order_invalid", errors);
	}
	snprintf(p->actor_ref, sizeof p->actor_ref, "billing-feed:%lld", r->machine.id);
	p->who = (struct actor){0, r->machine.label[0] ? r->machine.label : "Ordering system", ""};
	int rc = tx(r, apply, p);
	int result = p->result;
	long long id = p->id;
	free(p);
	if (rc < 0) {
		json_decref(errors);
		return SERVER_ERROR;
	}
	if (result == ORDER_UNKNOWN_PARTNER) {
		json_object_set_new(errors, "partnerBillingId", json_string("is not the billing account of this credential's partner"));
		return api_error(r, 422, "order_invalid", errors);
	}
	json_decref(errors);
	static const char *const words[] = {"", "created", "updated", "unchanged", "stale"};
	return api_json(r, result == ORDER_CREATED ? 201 : 200,
			json_pack("{s:s,s:s,s:I}", "status", words[result], "orderNumber", r->path_ref, "id", (json_int_t)id));
}
