/* The bell (guide §1.3): a badge with the number of unseen notifications
 * and a drop-down of the latest ones, each the end of a job its user
 * started, with what came of it: how many done and skipped, how many of its
 * emails still wait for the mail server or could not be sent ("See
 * details" opens the job's summary). "Dismiss All" marks them seen and
 * hides them from the current view (a reload shows them again, as the
 * guide says); the delete icon removes one for good. */
#include "cgi-bin/jobs/notifications.h"
#include "lib/notifications.h"

#include <stdio.h>
#include <string.h>

void notifications_publish(struct req *r, long long unseen, const char *items_json)
{
	hdf_set_int_value(r->hdf, "Notifications.Unseen", (int)unseen);
	json_t *items = items_json ? json_loads(items_json, 0, NULL) : NULL;
	size_t i;
	json_t *item;
	char key[96];
	json_array_foreach(items, i, item) {
		const char *field;
		json_t *value;
		json_object_foreach(item, field, value) {
			snprintf(key, sizeof key, "Notifications.Items.%zu.%s", i, field);
			if (json_is_string(value))
				hdf_set_value(r->hdf, key, json_string_value(value));
			else if (json_is_integer(value))
				hdf_set_int_value(r->hdf, key, (int)json_integer_value(value));
		}
	}
	json_decref(items);
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
