/* The bell (guide §1.3): a badge with the number of unseen notifications
 * and a drop-down of the latest ones, each the end of a job its user
 * started, with what came of it: how many done and skipped, how many of its
 * emails still wait for the mail server or could not be sent ("See
 * details" opens the job's summary). "Dismiss All" marks them seen and
 * hides them from the current view (a reload shows them again, as the
 * guide says); the delete icon removes one for good. */
#include "cgi-bin/jobs/notifications.h"
#include "cgi-bin/core/render.h"
#include "lib/notifications.h"
#include "lib/stored_message.h"

#include <stdio.h>
#include <string.h>

void notifications_publish(struct req *r, const struct session *s)
{
	hdf_set_int_value(r->hdf, "Notifications.Unseen", (int)s->unseen);
	for (int i = 0; i < s->n_items; i++) {
		const struct bell_item *it = &s->items[i];
		HDF *n;
		char key[48];
		snprintf(key, sizeof key, "Notifications.Items.%d", i);
		if (hdf_get_node(r->hdf, key, &n) != STATUS_OK)
			return;
		hdf_set_valuef(n, "id=%lld", it->id);
		hdf_set_int_value(n, "seen", it->seen);
		hdf_set_value(n, "account_id", it->account_id);
		hdf_set_value(n, "at", it->at);
		if (it->topic[0]) {
			hdf_set_value(n, "topic", it->topic);
			hdf_set_value(n, "subject", it->subject);
			hdf_set_value(n, "detail_key", it->detail_key);
			hdf_set_value(n, "detail_args", it->detail_args);
		}
		if (it->job_id) {
			hdf_set_valuef(n, "job_id=%lld", it->job_id);
			hdf_set_value(n, "kind", it->kind);
			hdf_set_value(n, "state", it->state);
			hdf_set_valuef(n, "total=%lld", it->total);
			hdf_set_valuef(n, "processed=%lld", it->processed);
			hdf_set_valuef(n, "skipped=%lld", it->skipped);
			hdf_set_valuef(n, "pending=%lld", it->pending);
			hdf_set_valuef(n, "mail_failed=%lld", it->mail_failed);
		}
	}
}

void notifications_in_language(struct req *r)
{
	for (HDF *n = hdf_get_child(r->hdf, "Notifications.Items"); n; n = hdf_obj_next(n)) {
		const char *key = hdf_get_value(n, "detail_key", "");
		if (!*key)
			continue;
		char words[640];
		stored_message_words(render_lang(), "pbx.errors", key, hdf_get_value(n, "detail_args", ""), "", words, sizeof words);
		hdf_set_value(n, "detail", words);
	}
}

/* Back to the page the bell was used on. */
static int go_back(struct req *r)
{
	const char *back = in(r, "back");
	if (back[0] == '/' && strspn(back, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_") == strlen(back))
		return done(r, NULL, "%s", back);
	return done(r, NULL, "/");
}

int notifications_dismiss_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	if (notifications_dismiss_all(r->db, r->me.id) != 0)
		return SERVER_ERROR;
	return go_back(r);
}

int notification_delete_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	if (notification_delete(r->db, r->me.id, r->obj.notification.id) != 0)
		return SERVER_ERROR;
	return go_back(r);
}
