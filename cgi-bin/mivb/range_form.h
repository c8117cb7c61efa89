#ifndef SB_CGI_MIVB_RANGE_FORM_H
#define SB_CGI_MIVB_RANGE_FORM_H
/* Add Range and Edit Range (guide §3.1.2 User extension ranges): the
 * checks and the save both dialogs share. */
#include "cgi-bin/core/request.h"

/* Checks start and end (lib/mivb/numbers.h) and saves the range: a new
 * one when id is 0. A range overlapping another of the account is refused
 * with the clashing range named next to Start. DONE with the redirect to
 * Numbers, or what invalid() answers, or SERVER_ERROR. */
int range_form_save(struct req *r, long long id);
#endif
