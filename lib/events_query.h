#ifndef SB_EVENTS_QUERY_H
#define SB_EVENTS_QUERY_H
/* A statement put together when it runs — a union of one range per kind of
 * event, the conditions of the filters that are set — from program text
 * only (never input), with its parameters as text, for db_each_text (lib/core/db.h).
 * Used by the Event History (lib/events.c) and System Inventory
 * (lib/inventory.c) lists. */
#include <stddef.h>

#define QUERY_TEXT_MAX (32 * 1024)
#define QUERY_PARAMS_MAX 800

struct query {
	char sql[QUERY_TEXT_MAX];
	size_t len;
	char fmt[QUERY_PARAMS_MAX + 1];
	const char *values[QUERY_PARAMS_MAX];
	int n;
	int failed;                /* too long: the statement must not run */
};

/* Appends program text. */
void query_text(struct query *q, const char *s);
/* Appends a parameter: type 's' (text) or 'i' (an integer, spelt in value).
 * value must live until the statement has run. */
void query_param(struct query *q, char type, const char *value);
#endif
