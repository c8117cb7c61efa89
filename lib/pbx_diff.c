#include "lib/pbx_diff.h"
#include "lib/core/validate.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the arena ---- */

#define CHUNK_SIZE (256 * 1024)

struct pbx_chunk {
	struct pbx_chunk *next;
	size_t used, size;
	char data[];
};

char *pbx_strdup(struct pbx_arena *a, const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	struct pbx_chunk *c = a->chunks;
	if (!c || c->size - c->used < n) {
		size_t size = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		c = malloc(sizeof *c + size);
		if (!c)
			return NULL;
		c->next = a->chunks;
		c->used = 0;
		c->size = size;
		a->chunks = c;
	}
	char *p = c->data + c->used;
	memcpy(p, s ? s : "", n);
	c->used += n;
	return p;
}

void pbx_arena_free(struct pbx_arena *a)
{
	while (a->chunks) {
		struct pbx_chunk *next = a->chunks->next;
		free(a->chunks);
		a->chunks = next;
	}
}

/* ---- the snapshot ---- */

int pbx_snapshot_add_user(struct pbx_snapshot *s, const struct pbx_user *u)
{
	if (s->n_users == s->cap_users) {
		size_t cap = s->cap_users ? s->cap_users * 2 : 256;
		struct pbx_user *grown = realloc(s->users, cap * sizeof *grown);
		if (!grown)
			return -1;
		s->users = grown;
		s->cap_users = cap;
	}
	struct pbx_user *c = &s->users[s->n_users];
	if (!(c->pbx_id = pbx_strdup(&s->arena, u->pbx_id)) || !(c->first_name = pbx_strdup(&s->arena, u->first_name)) ||
	    !(c->last_name = pbx_strdup(&s->arena, u->last_name)) || !(c->email = pbx_strdup(&s->arena, u->email)) ||
	    !(c->extensions = pbx_strdup(&s->arena, u->extensions)) ||
	    !(c->department = pbx_strdup(&s->arena, u->department)) ||
	    !(c->location = pbx_strdup(&s->arena, u->location)))
		return -1;
	s->n_users++;
	return 0;
}

int pbx_snapshot_add_did(struct pbx_snapshot *s, const char *number, const char *target)
{
	if (s->n_dids == s->cap_dids) {
		size_t cap = s->cap_dids ? s->cap_dids * 2 : 64;
		struct pbx_did *grown = realloc(s->dids, cap * sizeof *grown);
		if (!grown)
			return -1;
		s->dids = grown;
		s->cap_dids = cap;
	}
	struct pbx_did *d = &s->dids[s->n_dids];
	if (!(d->number = pbx_strdup(&s->arena, number)) || !(d->target = pbx_strdup(&s->arena, target)))
		return -1;
	s->n_dids++;
	return 0;
}

void pbx_snapshot_free(struct pbx_snapshot *s)
{
	free(s->users);
	free(s->dids);
	pbx_arena_free(&s->arena);
	memset(s, 0, sizeof *s);
}

/* ---- rules ---- */

const char *pbx_email_state_key(enum pbx_email_state s)
{
	return s == PBX_EMAIL_MISSING ? "missing" : s == PBX_EMAIL_DUPLICATE ? "duplicate" : "ok";
}

int pbx_email_state_from_key(const char *key)
{
	if (strcmp(key, "missing") == 0)
		return PBX_EMAIL_MISSING;
	if (strcmp(key, "duplicate") == 0)
		return PBX_EMAIL_DUPLICATE;
	return PBX_EMAIL_OK;
}

/* FNV-1a, 64 bits, over the fields with a separator no field holds. */
static uint64_t fnv(uint64_t h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return (h ^ 0x1f) * 0x100000001b3ULL;
}

void pbx_fingerprint(const struct pbx_user *u, char out[PBX_FP_LEN])
{
	uint64_t h = 0xcbf29ce484222325ULL;
	h = fnv(h, u->first_name);
	h = fnv(h, u->last_name);
	h = fnv(h, u->email);
	h = fnv(h, u->extensions);
	h = fnv(h, u->department);
	h = fnv(h, u->location);
	snprintf(out, PBX_FP_LEN, "%016llx", (unsigned long long)h);
}

/* Emails compare without regard to case (ASCII: the local part of an address
 * PBXs hold is plain). */
static int email_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
		if (ca != cb || !ca)
			return ca - cb;
	}
}

struct keyed {
	const char *key;
	size_t index;
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

static int keyed_email_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = email_cmp(x->key, y->key);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

static int str_email_cmp(const void *a, const void *b)
{
	return email_cmp(*(const char *const *)a, *(const char *const *)b);
}

/* Each user's email state: missing when empty or not an address; duplicate
 * when another user of the snapshot has it too, or a console user who is
 * not this PBX's holds it. */
static int classify_emails(const struct pbx_snapshot *snap, const char *const *taken, size_t n_taken,
			   unsigned char *state)
{
	size_t n = 0;
	struct keyed *by_email = malloc((snap->n_users ? snap->n_users : 1) * sizeof *by_email);
	const char **held = malloc((n_taken ? n_taken : 1) * sizeof *held);
	if (!by_email || !held) {
		free(by_email);
		free(held);
		return -1;
	}
	if (n_taken)
		memcpy(held, taken, n_taken * sizeof *held);
	qsort(held, n_taken, sizeof *held, str_email_cmp);
	for (size_t i = 0; i < snap->n_users; i++) {
		const char *e = snap->users[i].email;
		if (!*e || !valid_email(e)) {
			state[i] = PBX_EMAIL_MISSING;
			continue;
		}
		state[i] = bsearch(&e, held, n_taken, sizeof *held, str_email_cmp) ? PBX_EMAIL_DUPLICATE : PBX_EMAIL_OK;
		by_email[n++] = (struct keyed){e, i};
	}
	qsort(by_email, n, sizeof *by_email, keyed_email_cmp);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && email_cmp(by_email[i].key, by_email[j].key) == 0)
			j++;
		if (j - i > 1)
			for (size_t k = i; k < j; k++)
				state[by_email[k].index] = PBX_EMAIL_DUPLICATE;
		i = j;
	}
	free(by_email);
	free(held);
	return 0;
}

int pbx_diff_compute(const struct pbx_snapshot *snap, const struct pbx_known *known, size_t n_known,
		     const char *const *taken, size_t n_taken, struct pbx_diff *out)
{
	memset(out, 0, sizeof *out);
	size_t n = snap->n_users;
	size_t alloc = n ? n : 1;
	out->op = calloc(alloc, 1);
	out->state = calloc(alloc, 1);
	out->fingerprint = calloc(alloc, sizeof *out->fingerprint);
	out->known = calloc(alloc, sizeof *out->known);
	out->removed = calloc(n_known ? n_known : 1, sizeof *out->removed);
	struct keyed *mine = malloc(alloc * sizeof *mine);
	struct keyed *theirs = malloc((n_known ? n_known : 1) * sizeof *theirs);
	unsigned char *seen = calloc(n_known ? n_known : 1, 1);
	int rc = -1;
	if (!out->op || !out->state || !out->fingerprint || !out->known || !out->removed || !mine || !theirs || !seen)
		goto end;
	if (classify_emails(snap, taken, n_taken, out->state) != 0)
		goto end;

	for (size_t i = 0; i < n; i++)
		mine[i] = (struct keyed){snap->users[i].pbx_id, i};
	for (size_t i = 0; i < n_known; i++)
		theirs[i] = (struct keyed){known[i].pbx_id, i};
	qsort(mine, n, sizeof *mine, keyed_cmp);
	qsort(theirs, n_known, sizeof *theirs, keyed_cmp);
	for (size_t i = 1; i < n; i++)
		if (strcmp(mine[i - 1].key, mine[i].key) == 0) {
			rc = -2;
			goto end;
		}

	/* One walk over both sorted lists. */
	size_t a = 0, b = 0;
	while (a < n) {
		int c = b < n_known ? strcmp(mine[a].key, theirs[b].key) : -1;
		if (c > 0) {
			b++; /* known only: removed below */
			continue;
		}
		size_t i = mine[a].index;
		pbx_fingerprint(&snap->users[i], out->fingerprint[i]);
		if (c < 0) {
			out->op[i] = PBX_ADD;
			out->known[i] = -1;
			out->added++;
		} else {
			const struct pbx_known *k = &known[theirs[b].index];
			seen[theirs[b].index] = 1;
			out->known[i] = (long)theirs[b].index;
			int same = strcmp(k->fingerprint, out->fingerprint[i]) == 0 && k->state == out->state[i] &&
				   (k->user_id == 0 || k->user_exists) &&
				   /* a profile that may have a login and has none gets one */
				   !(out->state[i] == PBX_EMAIL_OK && k->user_id == 0);
			out->op[i] = same ? PBX_SAME : PBX_CHANGE;
			if (same)
				out->same++;
			else
				out->changed++;
			b++;
		}
		a++;
	}
	for (size_t i = 0; i < n_known; i++)
		if (!seen[i])
			out->removed[out->n_removed++] = i;
	for (size_t i = 0; i < n; i++) {
		out->no_email += out->state[i] == PBX_EMAIL_MISSING;
		out->dup_email += out->state[i] == PBX_EMAIL_DUPLICATE;
	}
	rc = 0;
end:
	free(mine);
	free(theirs);
	free(seen);
	if (rc != 0)
		pbx_diff_free(out);
	return rc;
}

void pbx_diff_free(struct pbx_diff *d)
{
	free(d->op);
	free(d->state);
	free(d->fingerprint);
	free(d->known);
	free(d->removed);
	memset(d, 0, sizeof *d);
}

int pbx_diff_empty(const struct pbx_diff *d)
{
	return d->added == 0 && d->changed == 0 && d->n_removed == 0;
}
