#include "syncd/lease.h"
#include "lib/core/crypto.h"

#include <stdio.h>
#include <unistd.h>

static char owner[160];

void lease_set_owner(const char *host)
{
	char rnd[TOKEN_HEX] = "";
	random_token(rnd);
	snprintf(owner, sizeof owner, "%.100s:%d:%.8s", host, (int)getpid(), rnd);
}

const char *lease_owner(void) { return owner; }
