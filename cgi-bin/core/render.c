/* Templates and the language tree, once per worker (ARCHITECTURE §12).
 *
 * A screen is macros.cs, its own template and layout.cs parsed together into
 * one CSPARSE, kept per template name and rendered again for every request
 * with that request's HDF. Rendering does not change a parse tree: cs_render
 * only walks it, keeping its running state (output callback, local
 * variables of each:/with:/call:, the escaping of a call) on the C stack or
 * resetting it as it goes, and `set:` writes into the HDF it is given. What
 * a parse fixes for good is what ClearSilver evaluates while parsing: the
 * escaping mode (Config.VarEscapeMode, read by cs_init), the file names of
 * include: and the values of evar:, which therefore must not depend on the
 * request - they see the configuration-free parse HDF and Lang only.
 *
 * Administrators edit templates on a live system, so before each use the
 * files a parse read are checked (device, inode, size, modification time),
 * together with the places it looked and found nothing (an override that
 * does not exist yet): any difference, and the template is parsed afresh.
 * The files come through our own loader (cs_register_fileload), which is
 * also how ClearSilver reads include:, so included templates count too.
 *
 * Each language's file is read once into its own tree and shared: every
 * render looks it up through the global_hdf of the request's language,
 * which ClearSilver consults whenever a name is not in the request's HDF,
 * so Lang.* is never copied. A parse is shared by every language: nothing
 * a parse fixes may come from Lang (no evar: of it). */
#include "cgi-bin/core/render.h"
#include "lib/core/config.h"
#include "lib/core/log.h"
#include "lib/lang.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- what a file looked like when it was read ---- */

struct file_id {
	int exists;                 /* a regular file */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

static struct file_id file_id_of(const struct stat *st)
{
	struct file_id id = {1, st->st_dev, st->st_ino, st->st_size, st->st_mtim};
	return id;
}

static struct file_id file_id_now(const char *path)
{
	struct stat st;
	struct file_id none = {0};
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return none;
	return file_id_of(&st);
}

static int file_id_same(const struct file_id *a, const struct file_id *b)
{
	if (a->exists != b->exists)
		return 0;
	return !a->exists || (a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
			      a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec);
}

/* ---- the language trees ---- */

/* One tree per language a request has asked for, each with one node, Lang:
 * English read first, then the language's own file over it, so that a key
 * the language lacks still reads in English rather than as nothing (the
 * parity test in tests/unit/test_lang_files.c is what keeps the files
 * whole). Each file is looked for in the override directory first: an
 * administrator's fr.hdf wins for French. The tree a reload replaces
 * stays until the next one, so text a handler took from it earlier in the
 * same request is still there. */
struct lang_file {
	char path[1024];            /* the file read, "" when none was found */
	struct file_id id;
	char candidates[2][1024];   /* where it was looked for, in order */
	int n_candidates;
};

struct lang_tree {
	char code[LANG_CODE];
	HDF *root, *prev;
	struct lang_file files[2];  /* English, then the language's own */
	int n_files;
};

static struct lang_tree langs[LANG_MAX];
static int n_langs;
/* The language of the request being served (one at a time per worker). */
static char current_code[LANG_CODE] = "en";

static void resolve_lang_file(struct lang_file *f, const char *code)
{
	const char *dirs[2];
	f->n_candidates = template_dirs(dirs);
	f->path[0] = 0;
	for (int i = 0; i < f->n_candidates; i++) {
		snprintf(f->candidates[i], sizeof f->candidates[i], "%s/lang/%s.hdf", dirs[i], code);
		if (!f->path[0] && file_id_now(f->candidates[i]).exists)
			memcpy(f->path, f->candidates[i], sizeof f->path);
	}
	/* What was seen is remembered even when it does not load (missing, or
	 * not HDF): it is tried again when it changes, not at every lookup. */
	struct file_id none = {0};
	f->id = f->path[0] ? file_id_now(f->path) : none;
}

static int load_lang(struct lang_tree *t)
{
	t->n_files = strcmp(t->code, "en") == 0 ? 1 : 2;
	resolve_lang_file(&t->files[0], "en");
	if (t->n_files == 2)
		resolve_lang_file(&t->files[1], t->code);
	for (int i = 0; i < t->n_files; i++)
		if (!t->files[i].path[0]) {
			log_error("language file lang/%s.hdf missing from the template directories", i ? t->code : "en");
			return -1;
		}
	HDF *fresh = NULL, *node = NULL;
	NEOERR *err = hdf_init(&fresh);
	if (!err)
		err = hdf_set_value(fresh, "Lang", "");
	if (!err && !(node = hdf_get_obj(fresh, "Lang")))
		err = nerr_raise(NERR_NOMEM, "Lang");
	const char *path = "";
	for (int i = 0; !err && i < t->n_files; i++)
		err = hdf_read_file(node, path = t->files[i].path);
	if (err) {
		char msg[512];
		neo_error_text(&err, msg, sizeof msg);
		log_error("language file %s: %s", path, msg);
		hdf_destroy(&fresh);
		return -1;
	}
	hdf_destroy(&t->prev);
	t->prev = t->root;
	t->root = fresh;
	return 0;
}

/* True when a file last read changed, or one searched before it appeared. */
static int lang_file_changed(const struct lang_file *f)
{
	for (int i = 0; i < f->n_candidates; i++) {
		struct file_id now = file_id_now(f->candidates[i]);
		if (strcmp(f->candidates[i], f->path) == 0)
			return !file_id_same(&now, &f->id);
		if (now.exists)
			return 1;
	}
	return 0;   /* none there, as at the last look */
}

static int lang_changed(const struct lang_tree *t)
{
	for (int i = 0; i < t->n_files; i++)
		if (lang_file_changed(&t->files[i]))
			return 1;
	return 0;
}

/* The tree of code, read at its first use and again when an administrator
 * edits one of its files: no restart needed. NULL when it cannot be read
 * (a language whose file went away: the caller falls back to English). */
static HDF *lang_tree_of(const char *code)
{
	if (!lang_code_ok(code))
		return NULL;
	struct lang_tree *t = NULL;
	for (int i = 0; i < n_langs && !t; i++)
		if (strcmp(langs[i].code, code) == 0)
			t = &langs[i];
	if (!t) {
		if (n_langs == LANG_MAX)
			return NULL;
		t = &langs[n_langs++];
		memset(t, 0, sizeof *t);
		snprintf(t->code, sizeof t->code, "%s", code);
		load_lang(t);
		return t->root;
	}
	if (lang_changed(t))
		load_lang(t);
	return t->root;
}

static HDF *lang_global(void)
{
	if (!n_langs)
		return NULL;   /* render_init has not run: no language yet */
	HDF *root = strcmp(current_code, "en") != 0 ? lang_tree_of(current_code) : NULL;
	return root ? root : lang_tree_of("en");
}

HDF *render_lang(void)
{
	HDF *root = lang_global();
	return root ? hdf_get_obj(root, "Lang") : NULL;
}

HDF *render_lang_of(const char *code)
{
	if (!n_langs)
		return NULL;
	HDF *root = lang_tree_of(code);
	return root ? hdf_get_obj(root, "Lang") : NULL;
}

void render_use_language(const char *code)
{
	snprintf(current_code, sizeof current_code, "%s", lang_code_ok(code) ? code : "en");
}

const char *render_language(void)
{
	return current_code;
}

/* ---- parsed templates ---- */

/* A file a parse read, or a candidate it found missing. */
struct dep {
	char *path;
	struct file_id id;
};

struct parsed {
	char *name;                 /* the screen's template */
	int document;               /* drawn alone, without layout.cs */
	CSPARSE *cs;                /* NULL until parsed, and after a change */
	struct dep *deps;
	size_t n_deps, cap_deps;
};

static struct parsed *cache;
static size_t n_cache, cap_cache;
/* What a template is parsed against: the escaping mode and nothing of any
 * request (see the top of this file). */
static HDF *parse_hdf;

static void forget_parse(struct parsed *p)
{
	cs_destroy(&p->cs);
	for (size_t i = 0; i < p->n_deps; i++)
		free(p->deps[i].path);
	p->n_deps = 0;
}

static int add_dep(struct parsed *p, const char *path, const struct file_id *id)
{
	for (size_t i = 0; i < p->n_deps; i++)
		if (strcmp(p->deps[i].path, path) == 0)
			return 0;
	if (p->n_deps == p->cap_deps) {
		size_t cap = p->cap_deps ? p->cap_deps * 2 : 16;
		struct dep *grown = realloc(p->deps, cap * sizeof *grown);
		if (!grown)
			return -1;
		p->deps = grown;
		p->cap_deps = cap;
	}
	char *copy = strdup(path);
	if (!copy)
		return -1;
	p->deps[p->n_deps].path = copy;
	p->deps[p->n_deps].id = *id;
	p->n_deps++;
	return 0;
}

static int deps_unchanged(const struct parsed *p)
{
	for (size_t i = 0; i < p->n_deps; i++) {
		struct file_id now = file_id_now(p->deps[i].path);
		if (!file_id_same(&now, &p->deps[i].id))
			return 0;
	}
	return 1;
}

/* Reads a whole file, recording what it looked like before reading it (a
 * change while reading is then seen at the next check). */
static NEOERR *read_template(struct parsed *p, const char *path, char **contents)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return nerr_raise(errno == ENOENT ? NERR_NOT_FOUND : NERR_IO, "cannot read template %s: %s", path,
				  strerror(errno));
	struct stat st;
	char *buf = NULL;
	NEOERR *err = STATUS_OK;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		err = nerr_raise(NERR_IO, "template %s is not a file", path);
		goto done;
	}
	struct file_id id = file_id_of(&st);
	if (add_dep(p, path, &id) != 0 || !(buf = malloc((size_t)st.st_size + 1))) {
		err = nerr_raise(NERR_NOMEM, "template %s", path);
		goto done;
	}
	size_t have = 0;
	while (have < (size_t)st.st_size) {
		ssize_t got = read(fd, buf + have, (size_t)st.st_size - have);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;   /* shorter than it was: parse what is there, re-read next time */
		have += (size_t)got;
	}
	buf[have] = 0;
	*contents = buf;
	buf = NULL;
done:
	free(buf);
	close(fd);
	return err;
}

/* ClearSilver's loader for every file a parse reads (the three parts of a
 * page and whatever they include:). A relative name is looked up in the
 * template directories, recording each candidate that is missing; it is
 * then read by its full path through a one-line include, so that the parse
 * runs with the full path as its context and an error names the file and
 * line (ClearSilver re-opens the context to count lines). */
static NEOERR *load_template(void *ctx, HDF *hdf, const char *name, char **contents)
{
	struct parsed *p = ctx;
	if (name[0] == '/')
		return read_template(p, name, contents);
	const char *dirs[2];
	int n = template_dirs(dirs);
	char cwd[512] = "", path[1024];
	for (int i = 0; i < n; i++) {
		/* The include below must name the file absolutely. */
		if (dirs[i][0] != '/' && !cwd[0] && !getcwd(cwd, sizeof cwd))
			return nerr_raise(NERR_SYSTEM, "getcwd: %s", strerror(errno));
		snprintf(path, sizeof path, "%s%s%s/%s", dirs[i][0] == '/' ? "" : cwd, dirs[i][0] == '/' ? "" : "/", dirs[i],
			 name);
		struct file_id id = file_id_now(path);
		if (!id.exists) {
			if (add_dep(p, path, &id) != 0)
				return nerr_raise(NERR_NOMEM, "template %s", name);
			continue;
		}
		if (strpbrk(path, "\"?"))
			return nerr_raise(NERR_ASSERT, "template path %s may not hold '\"' or '?'", path);
		char *stub = sprintf_alloc("<?cs include!\"%s\" ?>", path);
		if (!stub)
			return nerr_raise(NERR_NOMEM, "template %s", name);
		*contents = stub;
		return STATUS_OK;
	}
	return nerr_raise(NERR_NOT_FOUND, "template %s not found", name);
}

/* Templates write dates and counts in the request's language:
 * <?cs var:date_text(row.created_at) ?>, <?cs var:number_text(n) ?>. */
static NEOERR *date_text(const char *in, char **out)
{
	char buf[128];
	lang_format_datetime(current_code, in, buf, sizeof buf);
	return (*out = strdup(buf)) ? STATUS_OK : nerr_raise(NERR_NOMEM, "date_text");
}

static NEOERR *number_text(const char *in, char **out)
{
	char *end = NULL, buf[64];
	long long n = strtoll(in, &end, 10);
	if (*in && end && !*end)
		lang_format_int(current_code, n, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "%.63s", in);
	return (*out = strdup(buf)) ? STATUS_OK : nerr_raise(NERR_NOMEM, "number_text");
}

static NEOERR *parse_page(struct parsed *p, HDF *lang)
{
	CSPARSE *cs = NULL;
	NEOERR *err = cs_init(&cs, parse_hdf);
	if (err)
		return nerr_pass(err);
	cs->global_hdf = lang;
	cs_register_fileload(cs, p, load_template);
	err = cgi_register_strfuncs(cs);
	if (!err)
		err = cs_register_strfunc(cs, "date_text", date_text);
	if (!err)
		err = cs_register_strfunc(cs, "number_text", number_text);
	/* macros.cs, then the screen (which defines content()), then the layout
	 * that calls it; a document is drawn by its own template. */
	if (!err)
		err = cs_parse_file(cs, "macros.cs");
	if (!err)
		err = cs_parse_file(cs, p->name);
	if (!err && !p->document)
		err = cs_parse_file(cs, "layout.cs");
	cs->global_hdf = NULL;
	if (err) {
		cs_destroy(&cs);
		return nerr_pass(err);
	}
	p->cs = cs;
	return STATUS_OK;
}

static struct parsed *cache_entry(const char *template, int document)
{
	for (size_t i = 0; i < n_cache; i++)
		if (cache[i].document == document && strcmp(cache[i].name, template) == 0)
			return &cache[i];
	/* Template names come from the route table, so the cache stays small. */
	if (n_cache == cap_cache) {
		size_t cap = cap_cache ? cap_cache * 2 : 32;
		struct parsed *grown = realloc(cache, cap * sizeof *grown);
		if (!grown)
			return NULL;
		cache = grown;
		cap_cache = cap;
	}
	struct parsed *p = &cache[n_cache];
	memset(p, 0, sizeof *p);
	if (!(p->name = strdup(template)))
		return NULL;
	p->document = document;
	n_cache++;
	return p;
}

static void forget_all(void)
{
	for (size_t i = 0; i < n_cache; i++)
		forget_parse(&cache[i]);
}

int render_init(void)
{
	if (!parse_hdf) {
		NEOERR *err = hdf_init(&parse_hdf);
		/* Escape every var: by default; templates opt out only with explicit functions. */
		if (!err)
			err = hdf_set_value(parse_hdf, "Config.VarEscapeMode", "html");
		if (err) {
			nerr_ignore(&err);
			hdf_destroy(&parse_hdf);
			log_error("render: out of memory");
			return -1;
		}
	}
	return lang_tree_of("en") ? 0 : -1;
}

void render_reload(void)
{
	forget_all();
	for (int i = 0; i < n_langs; i++)
		load_lang(&langs[i]);
}

static NEOERR *append_output(void *ctx, char *s)
{
	return string_append((STRING *)ctx, s);
}

/* A screen inside the layout, or a document alone (document = 1). */
static int render_parsed(HDF *hdf, const char *template, int document, STRING *out, char *err_text, size_t err_size)
{
	if (!parse_hdf && render_init() != 0 && !parse_hdf) {
		snprintf(err_text, err_size, "the renderer could not start");
		return -1;
	}
	/* A template that linclude:s or lvar:s parses it at render time against
	 * this tree: the same escaping for those too. */
	hdf_set_value(hdf, "Config.VarEscapeMode", "html");
	HDF *lang = lang_global();
	struct parsed *p = cache_entry(template, document);
	NEOERR *err = p ? STATUS_OK : nerr_raise(NERR_NOMEM, "template cache");
	if (!err && p->cs && !deps_unchanged(p))
		forget_parse(p);
	if (!err && !p->cs) {
		err = parse_page(p, lang);
		if (err)
			forget_parse(p);   /* a broken template is parsed again until it is fixed */
	}
	if (!err) {
		CSPARSE *cs = p->cs;
		cs->hdf = hdf;
		cs->global_hdf = lang;
		/* Nothing of a previous render may leak into this one. */
		cs->locals = NULL;
		cs->escaping.current = NEOS_ESCAPE_NONE;
		cs->escaping.when_undef = NEOS_ESCAPE_NONE;
		err = cs_render(cs, out, append_output);
		cs->hdf = parse_hdf;
		cs->global_hdf = NULL;
		cs->output_ctx = NULL;
		if (err)
			forget_parse(p);   /* rare; start from a fresh parse rather than trust this one */
	}
	if (!err)
		return 0;
	neo_error_text(&err, err_text, err_size);
	log_error("template %s: %s", template, err_text);
	return -1;
}

int render_page(HDF *hdf, const char *template, STRING *out, char *err_text, size_t err_size)
{
	return render_parsed(hdf, template, 0, out, err_text, err_size);
}

int render_document(HDF *hdf, const char *template, STRING *out, char *err_text, size_t err_size)
{
	return render_parsed(hdf, template, 1, out, err_text, err_size);
}
