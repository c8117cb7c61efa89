#ifndef SB_USERS_SORT_H
#define SB_USERS_SORT_H
/* The Users list's sort keys (?sort=), shared by the list and its export. */
#include "cgi-bin/core/listing.h"
#include "lib/user_list.h"

static const struct sort_column users_sorts[] = {
	{"name", USER_SORT_NAME},
	{"email", USER_SORT_EMAIL},
	{"ext", USER_SORT_EXT},
	{"modified", USER_SORT_MODIFIED},
	{"role", USER_SORT_ROLE},
	{NULL, 0},
};
#endif
