#include "lib/scim/error.h"

#include <stdarg.h>
#include <stdio.h>

int scim_fail(struct scim_error *err, int status, const char *scim_type, const char *fmt, ...)
{
	if (!err)
		return -1;
	err->status = status;
	snprintf(err->type, sizeof err->type, "%s", scim_type ? scim_type : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->detail, sizeof err->detail, fmt, ap);
	va_end(ap);
	return -1;
}
