/* The bell (guide §1.3): a badge with the number of unseen notifications
 * and a drop-down of the latest ones, each the end of a job its user
 * started, with what came of it: how many done and skipped, how many of its
 * emails still wait for the mail server or could not be sent ("See
 * details" opens the job's summary). "Dismiss All" marks them seen and
 * hides them from the current view (a reload shows them again, as the
 * guide says); the delete icon removes one for good. */
#include "cgi-bin/jobs/notifications.h"
#include "cgi-bin/core/screens.h"

#include <stdlib.h>
#include <string.h>

#define LATEST 10

void notifications_publish(struct req *r)
{
	long long unseen = 0;
	if (db_int(r->db, &unseen, "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND seen = 0", "i", r->me.id) == 1)
		hdf_set_int_value(r->hdf, "Notifications.Unseen", (int)unseen);
	db_rows(r->db, r->hdf, "Notifications.Items",
		"SELECT n.id, n.seen, n.account_id, j.id AS job_id, j.kind, j.state, j.total, j.processed, j.skipped,"
		" (SELECT COUNT(*) FROM mail_outbox o WHERE o.job_id = j.id AND o.state = 'queued') AS pending,"
		" (SELECT COUNT(*) FROM mail_outbox o WHERE o.job_id = j.id AND o.state = 'failed') AS mail_failed,"
		" DATE_FORMAT(n.created_at, '%Y-%m-%d %H:%i') AS at"
		" FROM notifications n JOIN jobs j ON j.id = n.job_id"
		" WHERE n.user_id = ? ORDER BY n.id DESC LIMIT ?",
		"ii", r->me.id, (long long)LATEST);
}

/* Back to the page the bell was used on. */
static void go_back(struct req *r)
{
	const char *back = form(r, "back");
	if (back[0] == '/' && strspn(back, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_") == strlen(back))
		redirect(r, "%s", back);
	else
		redirect(r, "/");
}

int notifications_dismiss_post(struct req *r)
{
	if (db_exec(r->db, "UPDATE notifications SET seen = 1 WHERE user_id = ? AND seen = 0", "i", r->me.id) < 0)
		return SERVER_ERROR;
	go_back(r);
	return DONE;
}

int notification_delete_post(struct req *r)
{
	long long id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	/* Only one's own: anyone else's id deletes nothing, and says nothing. */
	if (db_exec(r->db, "DELETE FROM notifications WHERE id = ? AND user_id = ?", "ii", id, r->me.id) < 0)
		return SERVER_ERROR;
	go_back(r);
	return DONE;
}
