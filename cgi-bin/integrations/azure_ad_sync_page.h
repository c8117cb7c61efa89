#ifndef SB_AZURE_AD_SYNC_PAGE_H
#define SB_AZURE_AD_SYNC_PAGE_H
/* The Azure AD Sync dialog's content (azure_ad_sync.c), drawn by its GET
 * and by Generate keys, which shows the new token once. */
#include "cgi-bin/core/request.h"

/* Fills the dialog: the Tenant URL, when and by whom keys were generated,
 * and the Provisioning activity. DONE, or SERVER_ERROR. */
int azure_ad_sync_page(struct req *r);
#endif
