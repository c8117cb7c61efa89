/* Delete Template? (guide §3.1.3.2): confirmed by typing 'delete' (the
 * route table checks the word). */
#include "cgi-bin/core/request.h"
#include "lib/user_templates.h"

#include <stdio.h>

int user_template_delete_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "user_templates.delete.title"));
	hdf_set_value(r->hdf, "Template.name", r->obj.user_template.name);
	hdf_set_valuef(r->hdf, "Template.path=/a/%s/user-templates/%lld", r->acct.id, r->obj.user_template.id);
	return DONE;
}

static int remove_it(struct req *r, void *arg)
{
	(void)arg;
	const struct user_template *t = &r->obj.user_template;
	char id[24];
	snprintf(id, sizeof id, "%lld", t->id);
	if (user_template_delete(r->db, r->acct.id, t->id) != 1)
		return -1;
	return event(r, r->acct.id, "user_template.delete", "user_template", id, t->name, NULL);
}

int user_template_delete_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	if (tx(r, remove_it, NULL) != 0)
		return SERVER_ERROR;
	return done(r, "flash.user_template_deleted", "/a/%s/user-templates", r->acct.id);
}
