#ifndef SB_INPUT_H
#define SB_INPUT_H
/* The front line's checks of a form (input.c); handlers use request.h. */
#include "cgi-bin/core/request.h"

/* Checks every declared input of r->route, echoing each as Form.Values.*
 * and putting each message next to its field. 1 when all passed. */
int inputs_check(struct req *r);
/* The route's typed confirmation word, in field "confirm". 1 when typed right. */
int confirm_check(struct req *r);
#endif
