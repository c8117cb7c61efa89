#ifndef SB_INVENTORY_PARTS_H
#define SB_INVENTORY_PARTS_H
/* What the System Inventory screens share (guide §2.17): whose inventory a
 * page shows (the partner view at partner level, the customer view inside
 * an account), the Platforms table's columns, and a platform or
 * application as the pages show it. */
#include "cgi-bin/core/request.h"
#include "lib/events_prefs.h"
#include "lib/inventory.h"

extern const struct table_column platform_columns[];
extern const int platform_columns_count;
#define PLATFORM_COLUMNS_KEY "platforms"

/* The request's scope: the :acct account, or (partner level) the partner's
 * customer accounts, an account manager's assigned ones only. Publishes
 * Inventory.Base ("/inventory" or "/a/<acct>/inventory") and
 * Inventory.PartnerView. */
struct inventory_scope inventory_scope_of(struct req *r);

/* One platform's fields into node, as the table and the details show them. */
void inventory_publish_platform(struct req *r, HDF *node, const struct platform *p);
void inventory_publish_application(struct req *r, HDF *node, const struct installed_application *a);

/* Options.apps: the application types of the scope, with the guide's own. */
int inventory_publish_app_types(struct req *r, const struct inventory_scope *s);
/* Options.accounts (partner view): the accounts that have platforms. */
int inventory_publish_accounts(struct req *r, const struct inventory_scope *s);

/* A query parameter kept only when it is a key ([a-z0-9_-]), into out. */
void inventory_key_param(struct req *r, const char *name, char *out, size_t size);
/* The search text (trimmed, valid, at most 100 characters), into out. */
void inventory_search_param(struct req *r, char *out, size_t size);
/* Filter.Chips: each active filter of names (but the search) with the
 * query string of the list without it. */
void inventory_chips(struct req *r, const char *const *names);
/* A query string of the named parameters' values, for links. */
void inventory_keep(struct req *r, const char *const *names, char *out, size_t size);
#endif
