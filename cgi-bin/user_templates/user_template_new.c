/* Create Template (guide §3.1.3.2). */
#include "cgi-bin/user_templates/template_form.h"

#include <string.h>

int user_template_new_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "user_templates.form.create_title"));
	struct user_template t;
	memset(&t, 0, sizeof t);
	t.mivb = 1;
	template_form_draw(r, &t);
	return DONE;
}

int user_template_new_post(struct req *r)
{
	struct user_template t;
	if (!template_form_read(r, &t))
		return invalid(r);
	return template_form_save(r, 0, &t);
}
