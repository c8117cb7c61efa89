#include "lib/events_query.h"

#include <string.h>

void query_text(struct query *q, const char *s)
{
	size_t n = strlen(s);
	if (q->len + n >= sizeof q->sql) {
		q->failed = 1;
		return;
	}
	memcpy(q->sql + q->len, s, n + 1);
	q->len += n;
}

void query_param(struct query *q, char type, const char *value)
{
	if (q->n >= QUERY_PARAMS_MAX) {
		q->failed = 1;
		return;
	}
	q->fmt[q->n] = type;
	q->values[q->n++] = value;
	q->fmt[q->n] = 0;
}
