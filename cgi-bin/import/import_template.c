/* The spreadsheet template of Import Users (guide §2.8), written on request
 * by libxlsxwriter. The path ends in its file name, so a browser saves it as
 * users-template.xlsx. */
#include "cgi-bin/core/request.h"
#include "lib/sheet/xlsx_template.h"

int import_template_get(struct req *r)
{
	size_t len = 0;
	if (xlsx_template_write(&r->body, &len) != 0)
		return SERVER_ERROR;
	r->body_len = len;
	r->content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	return DONE;
}
