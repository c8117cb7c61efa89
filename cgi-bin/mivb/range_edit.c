/* Edit Range (guide §3.1.2 User extension ranges): the range clicked in
 * the list (r->obj, loaded under the account's scope). */
#include "cgi-bin/mivb/range_form.h"

int range_edit_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.range.edit_title"));
	hdf_set_value(r->hdf, "Range.id", r->path_id);
	form_default(r, "start", r->obj.mivb_range.start);
	form_default(r, "end", r->obj.mivb_range.end);
	return DONE;
}

int range_edit_post(struct req *r)
{
	return range_form_save(r, r->obj.mivb_range.id);
}
