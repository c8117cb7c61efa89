/* Products and licenses (guide §2.4, §3.1.4.1 steps b-c, §3.1.5.1): + Add
 * Product opens the account's products, each with Add while its pool has a
 * licence left, "Licenses not available" when every licence is held, and
 * for MiTeam Meetings under MiCollab the note that MiCollab assigns it
 * (neither given nor taken here), "No Licenses" while its integration is
 * off. The user form's MiTeam Meetings toggle posts here too. A
 * product is added to or removed from the user in one transaction with its
 * event; the pool's row is locked first, so no pool is ever over-assigned
 * (lib/licenses.h), and a short pool says how many more licences it needs.
 * On an account with MiVoice Business, the MiVoice Business Service is one
 * of them: no licence, but a user on the PBX (cgi-bin/mivb/user_product.h). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/mivb/user_product.h"
#include "cgi-bin/users/user_licenses.h"
#include "lib/licenses.h"
#include "lib/mitel_one.h"

#include <stdio.h>
#include <string.h>

int user_products_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.user_products.title"));
	hdf_set_valuef(r->hdf, "User.id=%lld", r->obj.user.id);
	hdf_set_value(r->hdf, "User.display_name", r->obj.user.display_name);
	return user_licenses_publish(r) == 0 && mivb_product_publish(r) == 0 ? DONE : SERVER_ERROR;
}

struct change {
	const char *product;
	int add;
	int result;
	long long short_by;
};

static int apply(struct req *r, void *arg)
{
	struct change *c = arg;
	const struct user *u = &r->obj.user;
	if (c->add) {
		c->result = license_grant(r->db, r->acct.id, u->id, c->product, &c->short_by);
		if (c->result != LICENSE_GRANTED)
			return c->result < 0 ? -1 : c->result;
	} else {
		/* MiTeam Meetings under MiCollab stays as MiCollab set it (guide §3.1.5.1). */
		int may = license_revocable(r->db, r->acct.id, c->product);
		if (may != LICENSE_GRANTED)
			return may;
		/* Mitel One goes with its tier (lib/mitel_one.h). */
		c->result = strcmp(c->product, MITEL_ONE) == 0 ? mitel_one_remove(r->db, r->acct.id, u->id)
							      : license_revoke(r->db, r->acct.id, u->id, c->product);
		if (c->result != 1)
			return c->result < 0 ? -1 : LICENSE_HELD;
	}
	char id[24];
	snprintf(id, sizeof id, "%lld", u->id);
	json_t *changes = json_pack("{s:{s:s,s:s}}", "licenses", "from", c->add ? "" : c->product, "to", c->add ? c->product : "");
	int rc = changes ? event(r, r->acct.id, "user.update", "user", id, u->display_name, changes) : -1;
	json_decref(changes);
	return rc;
}

int user_products_post(struct req *r)
{
	const char *action = in(r, "action");
	if (strcmp(in(r, "product"), MIVB_SERVICE_PRODUCT) == 0 && strcmp(action, "add") == 0)
		return mivb_product_add(r);
	struct change c = {in(r, "product"), strcmp(action, "add") == 0, 0, 0};
	if (!c.add && strcmp(action, "remove") != 0)
		field_error(r, "action", "errors.invalid_choice");
	if (form_has_errors(r))
		return invalid(r);
	int rc = tx(r, apply, &c);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc == 0)
		return done(r, c.add ? "flash.license_added" : "flash.license_removed", "/a/%s/users/%lld", r->acct.id,
			    r->obj.user.id);
	if (rc == LICENSE_SHORT) {
		char text[512];
		lang_number(r, "users.user_products.errors.short", (long)c.short_by, text, sizeof text);
		hdf_set_value(r->hdf, "Form.Errors.product", text);
		hdf_set_value(r->hdf, "Form.HasErrors", "1");
	} else {
		field_error(r, "product", rc == LICENSE_UNDER_MICOLLAB ? "users.user_products.errors.micollab"
					  : rc == LICENSE_INTEGRATION_OFF ? "users.user_products.errors.miteam_off"
					  : rc == LICENSE_NO_PRODUCT    ? "users.user_products.errors.no_product"
					  : c.add                       ? "users.user_products.errors.held"
									: "users.user_products.errors.not_held");
	}
	return invalid(r);
}
