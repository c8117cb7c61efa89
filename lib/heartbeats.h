#ifndef SB_HEARTBEATS_H
#define SB_HEARTBEATS_H
/* syncd's liveness (daemon_heartbeats): each process records when it was
 * last seen, for operators and tests. */
#include "lib/core/db.h"

/* This process (host, pid) is alive now. 0, or -1. */
int heartbeat_record(db *d, const char *host, long long pid);
/* This process has stopped. 0, or -1. */
int heartbeat_remove(db *d, const char *host, long long pid);
#endif
