#include "lib/heartbeats.h"

int heartbeat_record(db *d, const char *host, long long pid)
{
	return db_exec(d,
		"INSERT INTO daemon_heartbeats (host, pid, started_at, seen_at)"
		" VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
		" ON DUPLICATE KEY UPDATE seen_at = UTC_TIMESTAMP()",
		"si", host, pid) < 0 ? -1 : 0;
}

int heartbeat_remove(db *d, const char *host, long long pid)
{
	return db_exec(d, "DELETE FROM daemon_heartbeats WHERE host = ? AND pid = ?", "si", host, pid) < 0 ? -1 : 0;
}
