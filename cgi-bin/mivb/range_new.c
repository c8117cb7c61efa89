/* Add Range (guide §3.1.2 User extension ranges): a start and an end. */
#include "cgi-bin/mivb/range_form.h"

int range_new_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.range.add_title"));
	return DONE;
}

int range_new_post(struct req *r)
{
	return range_form_save(r, 0);
}
