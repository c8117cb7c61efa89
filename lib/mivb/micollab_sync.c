/* Sync MiVoice Business to MiCollab (guide §3.1.2 Tools). */
#include "lib/mivb/micollab_sync.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
#include "lib/core/config.h"

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

int mivb_micollab_items(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_sync_item *it), void *ctx,
			struct pbx_reply *rep)
{
	if (pbx_admin_call(a, "GET", "/v1/micollab/items", NULL, rep) != 0)
		return -1;
	if (!pbx_reply_ok(rep))
		return 1;
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(rep->doc, "items"), i, item) {
		struct mivb_sync_item it;
		snprintf(it.id, sizeof it.id, "%s", str(item, "id"));
		snprintf(it.name, sizeof it.name, "%s", str(item, "name"));
		snprintf(it.kind, sizeof it.kind, "%s", str(item, "kind"));
		snprintf(it.synced, sizeof it.synced, "%s", str(item, "syncedAt"));
		if (fn(ctx, &it) != 0)
			break;
	}
	return 0;
}

long long mivb_micollab_sync_enqueue(db *d, const struct actor *who, const char *account_id,
				     const struct mivb_sync_item *items, int n)
{
	long long id = job_create(d, who, account_id, JOB_MICOLLAB_SYNC);
	if (id <= 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (db_exec(d, "INSERT INTO mivb_sync_items (job_id, seq, item_id, name) VALUES (?, ?, ?, ?)", "iiss", id,
			    (long long)i, items[i].id, items[i].name) != 1)
			return -1;
	return db_exec(d, "UPDATE jobs SET total = ? WHERE id = ?", "ii", (long long)n, id) < 0 ? -1 : id;
}

struct pending {
	int seq;
	char item_id[65];
};

struct pending_list {
	struct pending *rows;
	int n, max;
};

static int add_pending(void *ctx, const struct db_row *row)
{
	struct pending_list *l = ctx;
	if (l->n == l->max)
		return 0;
	l->rows[l->n].seq = (int)row_int(row, "seq");
	row_copy(row, "item_id", l->rows[l->n].item_id, sizeof l->rows[l->n].item_id);
	l->n++;
	return 0;
}

int mivb_micollab_sync_work(db *d, const struct job_row *job, int max_items)
{
	/* each item is a request to the PBX: a few per batch keep the lease short */
	struct pending rows[10];
	struct pending_list l = {rows, 0, max_items < 10 ? max_items : 10};
	if (db_each(d, add_pending, &l,
		    "SELECT seq, item_id FROM mivb_sync_items WHERE job_id = ? AND outcome = 'pending' ORDER BY seq LIMIT 10",
		    "i", job->id) < 0)
		return -1;
	if (l.n == 0)
		return job_finish(d, job) == 0 ? 0 : -1;
	struct pbx_admin a;
	if (pbx_admin_open(d, job->account_id, cfg_str("Crypto.Key", ""), cfg_int("Pbx.TimeoutSeconds", 30), &a) != 1)
		return -1;
	int done = 0, skipped = 0, rc = 0;
	for (int i = 0; i < l.n && rc == 0; i++) {
		char *id = curl_easy_escape(a.curl, rows[i].item_id, 0);
		char path[256];
		snprintf(path, sizeof path, "/v1/micollab/items/%s/sync", id ? id : "");
		curl_free(id);
		struct pbx_reply rep = {0};
		if (pbx_admin_call(&a, "POST", path, NULL, &rep) != 0 || rep.status >= 500) {
			rc = -1;
		} else {
			int ok = pbx_reply_ok(&rep);
			skipped += !ok;
			done++;
			if (db_exec(d, "UPDATE mivb_sync_items SET outcome = ? WHERE job_id = ? AND seq = ?", "sii",
				    ok ? "done" : "failed", job->id, (long long)rows[i].seq) != 1)
				rc = -1;
		}
		pbx_reply_clear(&rep);
	}
	pbx_admin_close(&a);
	if (rc != 0)
		return -1;
	if (db_exec(d, "UPDATE jobs SET processed = processed + ?, skipped = skipped + ? WHERE id = ?", "iii",
		    (long long)done, (long long)skipped, job->id) != 1)
		return -1;
	return done;
}
