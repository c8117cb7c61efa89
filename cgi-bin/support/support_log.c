/* A support log's details (guide §2.10 View a Log): Submission Details,
 * Report Details with the product's tabs, the attachments (images shown,
 * Click To Enlarge, Download) and the Partner Support box, where the
 * partner sets the Status (Open, Reported, Resolved) and the Notes with
 * Save Notes and Status; the Account Admin reads them only (the POST route
 * is the partner's). Each change is an event; a change of status mails the
 * support contacts, and sets the reminders going or stops them (spec ch2
 * §5.4). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/support/support_view.h"
#include "lib/core/config.h"

#include <stdio.h>

int support_log_get(struct req *r)
{
	json_t *signal = NULL;
	int rc = support_view_fill(r, &signal);
	json_decref(signal);
	if (rc != DONE)
		return rc;
	hdf_set_value(r->hdf, "Page.Title", r->obj.support_log.title);
	for (int s = 0; s < SUPPORT_STATES; s++) {
		char key[48];
		snprintf(key, sizeof key, "States.%d", s);
		hdf_set_value(r->hdf, key, support_state_key((enum support_state)s));
	}
	/* The log as it is, unless a failed save brings back what was typed. */
	form_default(r, "status", support_state_key(r->obj.support_log.state));
	form_default(r, "notes", r->obj.support_log.notes);
	return DONE;
}

struct handling {
	int state;
	const char *notes;
};

static int save(struct req *r, void *arg)
{
	const struct handling *h = arg;
	struct support_log_ref now;
	/* Locked: the event records exactly what this save replaced. */
	int found = support_log_find(r->db, r->acct.id, r->id, 1, &now);
	if (found != 1)
		return found < 0 ? -1 : 1;
	json_t *changes = json_object();
	struct actor who = me_actor(r);
	int rc = changes ? support_log_handle(r->db, r->acct.id, &now, (enum support_state)h->state, h->notes, &who,
					      cfg_int("SupportLogs.ReminderHours", 24), changes) : -1;
	if (rc == 0 && json_object_size(changes))
		rc = event(r, r->acct.id, "support_log.update", "support_log", r->path_id, now.title, changes);
	json_decref(changes);
	return rc;
}

int support_log_post(struct req *r)
{
	struct handling h = {support_state_from_key(in(r, "status")), in(r, "notes")};
	if (!form_has_errors(r) && h.state < 0)
		field_error(r, "status", "errors.invalid_choice");
	if (form_has_errors(r))
		return invalid(r);
	int rc = tx(r, save, &h);
	if (rc > 0)
		return NOT_FOUND;
	if (rc < 0)
		return SERVER_ERROR;
	return done(r, "flash.support_log_saved", "/a/%s/support-logs/%s", r->acct.id, r->path_id);
}
