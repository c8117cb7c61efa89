#include "lib/notifications.h"

#include <string.h>

static int notification_from_row(void *ctx, const struct db_row *row)
{
	struct notification *n = ctx;
	memset(n, 0, sizeof *n);
	n->id = row_int(row, "id");
	n->user_id = row_int(row, "user_id");
	n->job_id = row_int(row, "job_id");
	n->seen = (int)row_int(row, "seen");
	return 0;
}

int notification_find(db *d, long long user_id, long long id, struct notification *out)
{
	return db_one(d, notification_from_row, out,
		      "SELECT id, user_id, job_id, seen FROM notifications WHERE id = ? AND user_id = ?", "ii", id, user_id);
}

int notifications_dismiss_all(db *d, long long user_id)
{
	return db_exec(d, "UPDATE notifications SET seen = 1 WHERE user_id = ? AND seen = 0", "i", user_id) < 0 ? -1 : 0;
}

int notification_delete(db *d, long long user_id, long long id)
{
	return db_exec(d, "DELETE FROM notifications WHERE id = ? AND user_id = ?", "ii", id, user_id) < 0 ? -1 : 0;
}

long long notifications_for_admins(db *d, const char *account_id, const char *topic, const char *text,
				   const char *detail_key, const char *detail_args)
{
	long long a = db_exec(d, "INSERT INTO notifications (user_id, account_id, topic, subject, detail_key, detail_args,"
				 " created_at) SELECT id, account_id, ?, ?, ?, ?, UTC_TIMESTAMP() FROM users"
				 " WHERE account_id = ? AND role IN ('account_admin', 'partner_admin')",
			      "sssss", topic, text, detail_key, detail_args, account_id);
	long long p = a < 0 ? -1 : db_exec(d, "INSERT INTO notifications (user_id, account_id, topic, subject, detail_key,"
					   " detail_args, created_at) SELECT u.id, a.id, ?, ?, ?, ?, UTC_TIMESTAMP() FROM accounts a"
					   " JOIN users u ON u.account_id = a.partner_id AND u.role = 'partner_admin'"
					   " WHERE a.id = ?", "sssss", topic, text, detail_key, detail_args, account_id);
	return a < 0 || p < 0 ? -1 : a + p;
}
