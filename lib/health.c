#include "lib/health.h"

#include <string.h>

static int health_from_row(void *ctx, const struct db_row *row)
{
	struct health *h = ctx;
	h->syncd_age = row_null(row, "syncd_age") ? -1 : row_int(row, "syncd_age");
	h->mail_queued = row_int(row, "queued");
	h->mail_failed = row_int(row, "failed");
	h->mail_oldest_age = row_null(row, "oldest") ? -1 : row_int(row, "oldest");
	return 0;
}

/* Each count reads the outbox's state index (ix_outbox_due) up to its cap. */
_Static_assert(HEALTH_COUNT_MAX == 100000, "the LIMITs below");

int health_read(db *d, struct health *out)
{
	memset(out, 0, sizeof *out);
	if (db_ping(d) != 0)
		return -1;
	return db_one(d, health_from_row, out,
		"SELECT (SELECT TIMESTAMPDIFF(SECOND, MAX(seen_at), UTC_TIMESTAMP()) FROM daemon_heartbeats) AS syncd_age,"
		" (SELECT COUNT(*) FROM (SELECT 1 FROM mail_outbox WHERE state = 'queued' LIMIT 100000) q) AS queued,"
		" (SELECT COUNT(*) FROM (SELECT 1 FROM mail_outbox WHERE state = 'failed' LIMIT 100000) f) AS failed,"
		" (SELECT TIMESTAMPDIFF(SECOND, MIN(created_at), UTC_TIMESTAMP()) FROM mail_outbox"
		"  WHERE state = 'queued') AS oldest",
		NULL) == 1 ? 0 : -1;
}
