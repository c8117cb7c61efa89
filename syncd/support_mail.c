/* What a mail to an account's support contacts about one of its support
 * logs says (guide §2.9, §2.10): the log's title, product, reporter, topic,
 * when it was reported, its status and notes as they are when the mail is
 * sent, and the link to it. The mailer renders templates/mail/<kind>.*. */
#include "syncd/syncd.h"
#include "lib/core/config.h"
#include "lib/lang.h"
#include "lib/support_logs.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The mail being filled, and the language its dates are written in. */
struct fill {
	HDF *h;
	const char *language;
};

static int log_data(void *ctx, const struct support_log_view *v)
{
	const struct fill *f = ctx;
	HDF *h = f->h;
	char iso[32], date[48], when[64], link[1024];
	struct tm tm;
	time_t t = v->created;
	gmtime_r(&t, &tm);
	strftime(iso, sizeof iso, "%Y-%m-%d %H:%M", &tm);
	lang_format_datetime(f->language, iso, date, sizeof date);
	snprintf(when, sizeof when, "%s UTC", date);
	snprintf(link, sizeof link, "%s/a/%s/support-logs/%lld", cfg_str("Site.BaseURL", ""), v->account_id, v->id);
	hdf_set_value(h, "Mail.Title", v->title);
	hdf_set_value(h, "Mail.Product", v->product);
	hdf_set_value(h, "Mail.Reporter", v->reporter_email);
	hdf_set_value(h, "Mail.Topic", v->topic);
	hdf_set_value(h, "Mail.Reported", when);
	hdf_set_value(h, "Mail.State", support_state_key(v->state));
	hdf_set_value(h, "Mail.Notes", v->notes);
	hdf_set_value(h, "Mail.Link", link);
	return 0;
}

int support_mail_fill(db *d, const struct outbox_mail *m, HDF *h, char *error, size_t error_size)
{
	struct fill f = {h, m->language};
	int found = support_log_read(d, m->account_id, m->support_log_id, log_data, &f);
	if (found < 0) {
		snprintf(error, error_size, "support log: %s", db_error(d));
		return MAIL_RETRY;
	}
	if (found == 0) {
		snprintf(error, error_size, "the support log no longer exists");
		return MAIL_DROPPED;
	}
	hdf_set_value(h, "Mail.Account", m->account_name);
	return MAIL_FILLED;
}
