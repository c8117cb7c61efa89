/* Reminders of support logs that stay Open (guide §2.10 Log Status, spec
 * ch2 §5.4): every SupportLogs.ReminderHours (24 by default) after a log
 * was reported, while it is still Open, its account's support contacts are
 * mailed again (lib/support_logs_mail.c claims the due logs in the db_tx
 * that reminds them, so any number of syncd processes can run, on any
 * Galera node: ARCHITECTURE §10). The same tick
 * purges the app tokens that expired, every ten minutes. */
#include "syncd/syncd.h"
#include "lib/core/config.h"
#include "lib/core/log.h"
#include "lib/credentials.h"
#include "lib/support_logs.h"

#include <time.h>

#define REMINDERS_PER_TICK 50
#define PURGE_EVERY_SECONDS 600
#define PURGE_BATCH 1000

int support_reminders_tick(db *d)
{
	static time_t last_purge;
	time_t now = time(NULL);
	if (now - last_purge >= PURGE_EVERY_SECONDS) {
		last_purge = now;
		if (credentials_purge_expired(d, PURGE_BATCH) < 0)
			log_error("purging expired credentials: %s", db_error(d));
	}
	int n = support_reminders_send(d, cfg_int("SupportLogs.ReminderHours", 24), REMINDERS_PER_TICK);
	if (n > 0)
		log_info("support logs: %d reminder%s sent", n, n == 1 ? "" : "s");
	return n;
}
