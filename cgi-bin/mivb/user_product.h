#ifndef SB_CGI_MIVB_USER_PRODUCT_H
#define SB_CGI_MIVB_USER_PRODUCT_H
/* Products and licenses → + Add Product → MiVoice Business Service (guide
 * §3.1.2.1), reached from the products dialog (cgi-bin/users/user_products.c). */
#include "cgi-bin/core/request.h"

#define MIVB_SERVICE_PRODUCT "MiVoice Business Service"

/* Whether the dialog offers it: the account's MiVoice Business menu is on
 * and the signed-in user may see it (guide §2.14.9). */
int mivb_product_offered(const struct req *r);

/* Products dialog: Products.Mivb.* (offered, added). 0, or -1. */
int mivb_product_publish(struct req *r);

/* Add: the handler's answer (a redirect to Complete setup, or the dialog
 * again with the reason next to the product). */
int mivb_product_add(struct req *r);
#endif
