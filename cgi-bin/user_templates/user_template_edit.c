/* A user template's page (guide §3.1.3.2): Save changes it; Save as new
 * keeps it and creates another from the form (which takes the Add
 * permission as well). */
#include "cgi-bin/user_templates/template_form.h"

#include <stdio.h>
#include <string.h>

int user_template_edit_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "user_templates.form.edit_title"));
	hdf_set_value(r->hdf, "Template.id", r->path_id);
	char path[160];
	snprintf(path, sizeof path, "/a/%s/user-templates/new", r->acct.id);
	hdf_set_int_value(r->hdf, "Template.CanSaveAsNew", allowed(r, "POST", path));
	snprintf(path, sizeof path, "/a/%s/user-templates/%s/delete", r->acct.id, r->path_id);
	hdf_set_int_value(r->hdf, "Template.CanDelete", allowed(r, "POST", path));
	template_form_draw(r, &r->obj.user_template);
	return DONE;
}

int user_template_edit_post(struct req *r)
{
	int as_new = strcmp(in(r, "action"), "save_as_new") == 0;
	char path[160];
	snprintf(path, sizeof path, "/a/%s/user-templates/new", r->acct.id);
	if (as_new && !allowed(r, "POST", path))
		return NOT_FOUND;
	struct user_template t;
	if (!template_form_read(r, &t))
		return invalid(r);
	return template_form_save(r, as_new ? 0 : r->obj.user_template.id, &t);
}
