#include "cgi-bin/core/routes.h"
#include "cgi-bin/core/screens.h"
#include "lib/core/validate.h"

#include <string.h>

#define V VERB_VIEW
#define A VERB_ADD
#define E VERB_EDIT
#define D VERB_DELETE

/* Every page of the console. Authorization is decided from this table, in
 * request.c, before any handler runs: session, CSRF, permission, account scope. */
static const struct route routes[] = {
	/* method  pattern                         handler             template               flags     feature        verb */
	{"GET",  "/ping",                        ping_get,           NULL,                  R_PUBLIC | R_RAW, FEAT_NONE, V},
	{"GET",  "/login",                       login_get,          "auth/login.cs",            R_PUBLIC, FEAT_NONE,     V},
	{"POST", "/login",                       login_post,         "auth/login.cs",            R_PUBLIC, FEAT_NONE,     V},
	{"POST", "/logout",                      logout_post,        NULL,                  0,        FEAT_NONE,     V},
	{"GET",  "/",                            dashboard_get,      "home/dashboard.cs",        0,        FEAT_NONE,     V},
	{"GET",  "/password",                    password_get,       "auth/password.cs",         0,        FEAT_NONE,     V},
	{"POST", "/password",                    password_post,      "auth/password.cs",         0,        FEAT_NONE,     V},
	{"GET",  "/accounts",                    accounts_get,       "accounts/accounts.cs",         0,        FEAT_ACCOUNTS, V},
	{"GET",  "/accounts/new",                account_new_get,    "accounts/account_new.cs",      0,        FEAT_ACCOUNTS, A},
	{"POST", "/accounts/new",                account_new_post,   "accounts/account_new.cs",      0,        FEAT_ACCOUNTS, A},
	{"GET",  "/a/:acct",                     dashboard_get,      "home/dashboard.cs",        0,        FEAT_NONE,     V},
	{"GET",  "/a/:acct/info",                account_info_get,   "accounts/account_info.cs",     0,        FEAT_ACCOUNT,  V},
	{"POST", "/a/:acct/info",                account_info_post,  "accounts/account_info.cs",     0,        FEAT_ACCOUNT,  E},
	{"GET",  "/a/:acct/deactivate",          account_status_get, "accounts/account_status.cs",   0,        FEAT_ACCOUNTS, E},
	{"POST", "/a/:acct/deactivate",          account_status_post,"accounts/account_status.cs",   0,        FEAT_ACCOUNTS, E},
	{"GET",  "/a/:acct/reactivate",          account_status_get, "accounts/account_status.cs",   0,        FEAT_ACCOUNTS, E},
	{"POST", "/a/:acct/reactivate",          account_status_post,"accounts/account_status.cs",   0,        FEAT_ACCOUNTS, E},
	{"GET",  "/a/:acct/delete",              account_status_get, "accounts/account_status.cs",   0,        FEAT_ACCOUNTS, D},
	{"POST", "/a/:acct/delete",              account_status_post,"accounts/account_status.cs",   0,        FEAT_ACCOUNTS, D},
	{"GET",  "/a/:acct/users",               users_get,          "users/users.cs",            0,        FEAT_USERS,    V},
	{"GET",  "/a/:acct/users/new",           user_new_get,       "users/user_new.cs",         0,        FEAT_USERS,    A},
	{"POST", "/a/:acct/users/new",           user_new_post,      "users/user_new.cs",         0,        FEAT_USERS,    A},
	{"GET",  "/a/:acct/users/:id",           user_edit_get,      "users/user_edit.cs",        0,        FEAT_USERS,    V},
	{"POST", "/a/:acct/users/:id",           user_edit_post,     "users/user_edit.cs",        0,        FEAT_USERS,    E},
	{"GET",  "/a/:acct/users/:id/delete",    user_delete_get,    "users/user_delete.cs",      0,        FEAT_USERS,    D},
	{"POST", "/a/:acct/users/:id/delete",    user_delete_post,   "users/user_delete.cs",      0,        FEAT_USERS,    D},
	/* Roles and Permissions (issue 5) */
	{"GET",  "/roles",                       roles_get,          "roles/roles.cs",            0,        FEAT_ROLES,    V},
	{"GET",  "/roles/new",                   role_new_get,       "roles/role_new.cs",         0,        FEAT_ROLES,    A},
	{"POST", "/roles/new",                   role_new_post,      "roles/role_new.cs",         0,        FEAT_ROLES,    A},
	{"GET",  "/roles/:id",                   role_edit_get,      "roles/role_edit.cs",        0,        FEAT_ROLES,    V},
	{"POST", "/roles/:id",                   role_edit_post,     "roles/role_edit.cs",        0,        FEAT_ROLES,    E},
	{"GET",  "/roles/:id/duplicate",         role_new_get,       "roles/role_new.cs",         0,        FEAT_ROLES,    A},
	{"POST", "/roles/:id/duplicate",         role_new_post,      "roles/role_new.cs",         0,        FEAT_ROLES,    A},
	{"GET",  "/roles/:id/accounts",          role_accounts_get,  "roles/role_accounts.cs",    0,        FEAT_ROLES,    V},
	{"POST", "/roles/:id/accounts",          role_accounts_post, "roles/role_accounts.cs",    0,        FEAT_ROLES,    E},
	{"GET",  "/roles/:id/delete",            role_delete_get,    "roles/role_delete.cs",      0,        FEAT_ROLES,    D},
	{"POST", "/roles/:id/delete",            role_delete_post,   "roles/role_delete.cs",      0,        FEAT_ROLES,    D},
	/* Account Managers (issue 5): unrestricted partner administrators */
	{"GET",  "/account-managers",            account_managers_get,         "managers/account_managers.cs",         0, FEAT_ACCOUNT_MANAGERS, V},
	{"GET",  "/account-managers/confirm",    account_managers_confirm_get, "managers/account_managers_confirm.cs", 0, FEAT_ACCOUNT_MANAGERS, E},
	{"POST", "/account-managers/confirm",    account_managers_confirm_post,"managers/account_managers_confirm.cs", 0, FEAT_ACCOUNT_MANAGERS, E},
	{"GET",  "/account-managers/manage",     account_managers_manage_get,  "managers/account_managers_manage.cs",  0, FEAT_ACCOUNT_MANAGERS, V},
	{"GET",  "/account-managers/assign",     account_managers_assign_get,  "managers/account_managers_assign.cs",  0, FEAT_ACCOUNT_MANAGERS, E},
	{"POST", "/account-managers/assign",     account_managers_assign_post, "managers/account_managers_assign.cs",  0, FEAT_ACCOUNT_MANAGERS, E},
	/* Support contacts: partner users to pick from (issue 5) */
	{"GET",  "/support-contacts",            support_contacts_get, "accounts/support_contacts.cs", 0,      FEAT_ACCOUNTS, V},
	/* User lifecycle by email (issue 3): sign-up, resets, Manage, jobs, notifications */
	{"GET",  "/register",                    register_get,       "auth/register.cs",         R_PUBLIC, FEAT_NONE,     V},
	{"POST", "/register",                    register_post,      "auth/register.cs",         R_PUBLIC, FEAT_NONE,     V},
	{"GET",  "/reset",                       reset_get,          "auth/reset.cs",            R_PUBLIC, FEAT_NONE,     V},
	{"POST", "/reset",                       reset_post,         "auth/reset.cs",            R_PUBLIC, FEAT_NONE,     V},
	{"GET",  "/forgot",                      forgot_get,         "auth/forgot.cs",           R_PUBLIC, FEAT_NONE,     V},
	{"POST", "/forgot",                      forgot_post,        "auth/forgot.cs",           R_PUBLIC, FEAT_NONE,     V},
	{"POST", "/notifications/dismiss",       notifications_dismiss_post, NULL,          0,        FEAT_NONE,     V},
	{"POST", "/notifications/:id/delete",    notification_delete_post, NULL,            0,        FEAT_NONE,     V},
	{"GET",  "/a/:acct/users/manage",        manage_get,         "users/manage.cs",           0,        FEAT_USERS,    E},
	{"POST", "/a/:acct/users/manage",        manage_post,        "users/manage.cs",           0,        FEAT_USERS,    E},
	{"GET",  "/a/:acct/users/manage/delete", manage_delete_get,  "users/manage.cs",           0,        FEAT_USERS,    D},
	{"POST", "/a/:acct/users/manage/delete", manage_delete_post, "users/manage.cs",           0,        FEAT_USERS,    D},
	{"POST", "/a/:acct/users/:id/welcome",   user_welcome_post,  NULL,                  0,        FEAT_USERS,    E},
	{"GET",  "/a/:acct/jobs/:id",            job_get,            "jobs/job.cs",              0,        FEAT_USERS,    V},
	{"GET",  "/a/:acct/jobs/:id/progress",   job_progress_get,   NULL,                  R_RAW,    FEAT_USERS,    V},
	/* Import Users (issue 4): ADD covers adding users in bulk (guide §2.14.3) */
	{"GET",  "/a/:acct/users/import",        import_get,         "import/import.cs",           0,        FEAT_USERS,    A},
	{"POST", "/a/:acct/users/import",        import_post,        "import/import.cs",           0,        FEAT_USERS,    A},
	{"GET",  "/a/:acct/users/import/users-template.xlsx", import_template_get, NULL,    R_RAW,    FEAT_USERS,    A},
	{"GET",  "/a/:acct/users/import/:id",    import_preview_get, "import/import_preview.cs",   0,        FEAT_USERS,    A},
	{"POST", "/a/:acct/users/import/:id/row", import_row_post,   "import/import_preview.cs",   0,        FEAT_USERS,    A},
	{"POST", "/a/:acct/users/import/:id/delete-row", import_row_delete_post, NULL,      0,        FEAT_USERS,    A},
	{"POST", "/a/:acct/users/import/:id/upload", import_commit_post, NULL,              0,        FEAT_USERS,    A},
	{"POST", "/a/:acct/users/import/:id/welcome", import_welcome_post, NULL,            0,        FEAT_USERS,    A},
	{"POST", "/a/:acct/users/import/:id/cancel", import_cancel_post, NULL,              0,        FEAT_USERS,    A},
};

const struct route *route_table(int *count)
{
	*count = (int)(sizeof routes / sizeof routes[0]);
	return routes;
}

/* Compares one pattern against a path, segment by segment, capturing :acct
 * and :id. Captures are validated here so handlers receive only well-formed ids. */
static int pattern_matches(const char *pattern, const char *path, struct req *r)
{
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p != '/' || *s != '/')
			return 0;
		p++, s++;
		size_t plen = strcspn(p, "/"), slen = strcspn(s, "/");
		if (plen > 0 && p[0] == ':') {
			char value[64];
			if (slen == 0 || slen >= sizeof value)
				return 0;
			memcpy(value, s, slen);
			value[slen] = 0;
			if (plen == 5 && strncmp(p, ":acct", 5) == 0) {
				if (!valid_uuid(value))
					return 0;
				strcpy(r->acct.id, value);
			} else if (plen == 3 && strncmp(p, ":id", 3) == 0) {
				if (!valid_id(value))
					return 0;
				strcpy(r->path_id, value);
			} else {
				return 0;
			}
		} else if (plen != slen || strncmp(p, s, plen) != 0) {
			return 0;
		}
		p += plen, s += slen;
	}
	/* A trailing slash is not a different page. */
	if (*s == '/' && s[1] == 0 && s != path)
		s++;
	return *p == 0 && *s == 0;
}

const struct route *route_match(const char *method, const char *path, struct req *r, int *path_matched)
{
	*path_matched = 0;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		r->acct.id[0] = 0;
		r->path_id[0] = 0;
		if (!pattern_matches(routes[i].pattern, path, r))
			continue;
		*path_matched = 1;
		if (strcmp(routes[i].method, method) == 0 ||
		    (strcmp(method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0))
			return &routes[i];
	}
	r->acct.id[0] = 0;
	r->path_id[0] = 0;
	return NULL;
}
