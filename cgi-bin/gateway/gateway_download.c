/* The Gateway page's downloads (ch2 §6 decided: Logs → Download, Call
 * Trace → Download): ?file=logs or ?file=trace, the text the gateway last
 * reported, as a plain text file. */
#include "cgi-bin/core/request.h"
#include "lib/gateways.h"

#include <stdlib.h>
#include <string.h>

int gateway_download_get(struct req *r)
{
	int trace = strcmp(form(r, "file"), "trace") == 0;
	if (!trace && strcmp(form(r, "file"), "logs") != 0)
		return NOT_FOUND;
	struct gateway g;
	int found = gateway_find(r->db, r->acct.id, &g);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	char *logs = NULL, *text = NULL;
	if (gateway_texts(r->db, r->acct.id, &logs, &text) != 0)
		return SERVER_ERROR;
	r->body = trace ? text : logs;
	free(trace ? logs : text);
	r->body_len = strlen(r->body);
	r->status = 200;
	r->content_type = "text/plain; charset=utf-8";
	r->download_name = trace ? "gateway-call-trace.txt" : "gateway-logs.txt";
	return DONE;
}
