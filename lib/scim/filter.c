/* The filter parser (recursive descent over a small lexer) and evaluator. */
#include "lib/scim/filter.h"
#include "lib/core/validate.h"
#include "lib/scim/json_util.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum tok { T_END, T_LPAREN, T_RPAREN, T_LBRACK, T_RBRACK, T_STRING, T_NUMBER, T_WORD };

struct lexer {
	const char *base, *p, *end;
	struct scim_error *err;
	const struct scim_resource_type *type;
	int depth;
	/* the current token */
	enum tok kind;
	const char *start;
	size_t len;
	char *str;               /* T_STRING, decoded; owned until taken */
	double num;
};

static int fail(struct lexer *lx, const char *what)
{
	if (lx->err && !lx->err->status)
		scim_fail(lx->err, 400, "invalidFilter", "%s at position %d", what,
			  (int)((lx->start ? lx->start : lx->p) - lx->base) + 1);
	return -1;
}

static void put_utf8(char *out, size_t *n, unsigned cp)
{
	if (cp < 0x80) {
		out[(*n)++] = (char)cp;
	} else if (cp < 0x800) {
		out[(*n)++] = (char)(0xC0 | (cp >> 6));
		out[(*n)++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		out[(*n)++] = (char)(0xE0 | (cp >> 12));
		out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[(*n)++] = (char)(0x80 | (cp & 0x3F));
	} else {
		out[(*n)++] = (char)(0xF0 | (cp >> 18));
		out[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[(*n)++] = (char)(0x80 | (cp & 0x3F));
	}
}

static int hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		int c = (unsigned char)p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return 0;
	}
	*out = v;
	return 1;
}

/* A JSON string from lx->p (at the opening quote) into lx->str. */
static int lex_string(struct lexer *lx)
{
	const char *p = lx->p + 1;
	char *out = malloc((size_t)(lx->end - p) + 1);
	size_t n = 0;
	if (!out)
		return fail(lx, "out of memory");
	for (;;) {
		if (p >= lx->end) {
			free(out);
			return fail(lx, "unterminated string");
		}
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			break;
		if (c < 0x20) {
			free(out);
			return fail(lx, "control character in a string");
		}
		if (c != '\\') {
			out[n++] = (char)c;
			p++;
			continue;
		}
		p++;
		if (p >= lx->end) {
			free(out);
			return fail(lx, "unterminated string");
		}
		char e = *p++;
		const char *simple = strchr("\"\\/bfnrt", e);
		if (simple && e) {
			static const char map[] = "\"\\/\b\f\n\r\t";
			out[n++] = map[simple - "\"\\/bfnrt"];
			continue;
		}
		unsigned cp;
		if (e != 'u' || lx->end - p < 4 || !hex4(p, &cp)) {
			free(out);
			return fail(lx, "bad escape in a string");
		}
		p += 4;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			unsigned lo;
			if (lx->end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
				free(out);
				return fail(lx, "bad surrogate pair in a string");
			}
			p += 6;
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		} else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0) {
			free(out);
			return fail(lx, "bad escape in a string");
		}
		put_utf8(out, &n, cp);
	}
	out[n] = 0;
	if (!valid_utf8(out)) {
		free(out);
		return fail(lx, "a string that is not UTF-8");
	}
	lx->str = out;
	lx->len = (size_t)(p + 1 - lx->p);
	lx->p = p + 1;
	return 0;
}

static int lex_number(struct lexer *lx)
{
	const char *p = lx->p;
	if (*p == '-')
		p++;
	if (p >= lx->end || !isdigit((unsigned char)*p))
		return fail(lx, "bad number");
	if (*p == '0')
		p++;
	else
		while (p < lx->end && isdigit((unsigned char)*p))
			p++;
	if (p < lx->end && *p == '.') {
		p++;
		if (p >= lx->end || !isdigit((unsigned char)*p))
			return fail(lx, "bad number");
		while (p < lx->end && isdigit((unsigned char)*p))
			p++;
	}
	if (p < lx->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < lx->end && (*p == '+' || *p == '-'))
			p++;
		if (p >= lx->end || !isdigit((unsigned char)*p))
			return fail(lx, "bad number");
		while (p < lx->end && isdigit((unsigned char)*p))
			p++;
	}
	char buf[64];
	size_t n = (size_t)(p - lx->p);
	if (n >= sizeof buf)
		return fail(lx, "number too long");
	memcpy(buf, lx->p, n);
	buf[n] = 0;
	lx->num = strtod(buf, NULL);
	if (!isfinite(lx->num))
		return fail(lx, "number out of range");
	lx->len = n;
	lx->p = p;
	return 0;
}

static int is_word_char(char c) { return isalnum((unsigned char)c) || strchr(":._$-", c); }

/* Reads the next token into lx. 0, or -1 (err set). */
static int next(struct lexer *lx)
{
	free(lx->str);
	lx->str = NULL;
	while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r' || *lx->p == '\n'))
		lx->p++;
	lx->start = lx->p;
	lx->len = 1;
	if (lx->p >= lx->end) {
		lx->kind = T_END;
		lx->len = 0;
		return 0;
	}
	char c = *lx->p;
	switch (c) {
	case '(': lx->kind = T_LPAREN; lx->p++; return 0;
	case ')': lx->kind = T_RPAREN; lx->p++; return 0;
	case '[': lx->kind = T_LBRACK; lx->p++; return 0;
	case ']': lx->kind = T_RBRACK; lx->p++; return 0;
	case '"': lx->kind = T_STRING; return lex_string(lx);
	default: break;
	}
	if (c == '-' || isdigit((unsigned char)c)) {
		lx->kind = T_NUMBER;
		return lex_number(lx);
	}
	if (isalpha((unsigned char)c) || c == '$') {
		const char *p = lx->p;
		while (p < lx->end && is_word_char(*p))
			p++;
		lx->kind = T_WORD;
		lx->len = (size_t)(p - lx->p);
		lx->p = p;
		return 0;
	}
	return fail(lx, "unexpected character");
}

static int word_is(const struct lexer *lx, const char *w)
{
	return lx->kind == T_WORD && lx->len == strlen(w) && strncasecmp(lx->start, w, lx->len) == 0;
}

static int op_of(const struct lexer *lx, enum scim_op *op)
{
	static const char *const names[] = {"eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr"};
	for (int i = 0; i < 10; i++)
		if (word_is(lx, names[i])) {
			*op = (enum scim_op)i;
			return 1;
		}
	return 0;
}

static struct scim_filter *node(enum scim_node kind)
{
	struct scim_filter *f = calloc(1, sizeof *f);
	if (f)
		f->kind = kind;
	return f;
}

void scim_filter_free(struct scim_filter *f)
{
	if (!f)
		return;
	scim_filter_free(f->left);
	scim_filter_free(f->right);
	scim_filter_free(f->inner);
	free(f->str);
	free(f);
}

/* The attribute a comparison is made against: the sub-attribute when the
 * path names one, the "value" of a multi-valued complex attribute, else the
 * attribute itself. NULL when unknown. */
static const struct scim_attr *compared_attr(const struct scim_path *p)
{
	if (p->sub[0])
		return p->sub_def;
	if (p->attr_def && p->attr_def->type == SCIM_COMPLEX && p->attr_def->multi)
		return scim_attr_find(p->attr_def->sub, "value", 5);
	return p->attr_def;
}

/* The RFC's refusals of an operator for an attribute's type. */
static int check_operator(struct lexer *lx, const struct scim_path *p, enum scim_op op, enum scim_literal lit)
{
	if (op == SCIM_PR)
		return 0;
	const struct scim_attr *a = compared_attr(p);
	if (!p->sub[0] && p->attr_def && p->attr_def->type == SCIM_COMPLEX && !p->attr_def->multi)
		return fail(lx, "a complex attribute can only be tested with pr");
	int ordering = op == SCIM_GT || op == SCIM_GE || op == SCIM_LT || op == SCIM_LE;
	int substring = op == SCIM_CO || op == SCIM_SW || op == SCIM_EW;
	if ((ordering || substring) && (lit == SCIM_LIT_TRUE || lit == SCIM_LIT_FALSE || lit == SCIM_LIT_NULL))
		return fail(lx, "this operator needs a string, number or date");
	if (substring && lit != SCIM_LIT_STRING)
		return fail(lx, "co, sw and ew need a string");
	if (a && (a->type == SCIM_BOOLEAN || a->type == SCIM_BINARY) && (ordering || substring))
		return fail(lx, "boolean and binary attributes can only be tested with eq, ne and pr");
	return 0;
}

static int read_literal(struct lexer *lx, struct scim_filter *f)
{
	if (lx->kind == T_STRING) {
		f->lit = SCIM_LIT_STRING;
		f->str = lx->str;
		lx->str = NULL;
	} else if (lx->kind == T_NUMBER) {
		f->lit = SCIM_LIT_NUMBER;
		f->num = lx->num;
	} else if (word_is(lx, "true")) {
		f->lit = SCIM_LIT_TRUE;
	} else if (word_is(lx, "false")) {
		f->lit = SCIM_LIT_FALSE;
	} else if (word_is(lx, "null")) {
		f->lit = SCIM_LIT_NULL;
	} else {
		return fail(lx, "expected a value (a string, number, true, false or null)");
	}
	return next(lx);
}

/* An operator and its value (or pr) into f. */
static int read_comparison(struct lexer *lx, struct scim_filter *f, const struct scim_path *p)
{
	if (!op_of(lx, &f->op))
		return fail(lx, "expected an operator (eq ne co sw ew gt ge lt le pr)");
	if (next(lx) != 0)
		return -1;
	if (f->op != SCIM_PR && read_literal(lx, f) != 0)
		return -1;
	return check_operator(lx, p, f->op, f->lit);
}

static struct scim_filter *parse_or(struct lexer *lx, const struct scim_attr *parent, int within);

/* attrPath op value | attrPath pr | attrPath[valFilter][.sub op value]. */
static struct scim_filter *parse_attr_exp(struct lexer *lx, const struct scim_attr *parent, int within)
{
	struct scim_filter *f = node(SCIM_CMP);
	if (!f) {
		fail(lx, "out of memory");
		return NULL;
	}
	snprintf(f->text, sizeof f->text, "%.*s", (int)lx->len, lx->start);
	if (scim_path_parse(lx->start, lx->len, &f->path, lx->err) != 0 ||
	    ((lx->type || parent) && !(within && !parent) &&
	     scim_path_resolve(&f->path, lx->type, parent, lx->err) != 0)) {
		/* a path that is no path makes the filter no filter */
		if (lx->err)
			snprintf(lx->err->type, sizeof lx->err->type, "invalidFilter");
		goto bad;
	}
	if (next(lx) != 0)
		goto bad;
	if (lx->kind != T_LBRACK) {
		if (read_comparison(lx, f, &f->path) != 0)
			goto bad;
		return f;
	}
	/* a value path */
	f->kind = SCIM_VALUE_PATH;
	if (within) {
		fail(lx, "a value filter cannot hold another");
		goto bad;
	}
	if (f->path.sub[0] || !f->path.attr[0]) {
		fail(lx, "a value filter follows an attribute, not a sub-attribute");
		goto bad;
	}
	if (f->path.attr_def && f->path.attr_def->type != SCIM_COMPLEX) {
		fail(lx, "a value filter needs a complex attribute");
		goto bad;
	}
	if (next(lx) != 0 || !(f->inner = parse_or(lx, f->path.attr_def, 1)))
		goto bad;
	if (lx->kind != T_RBRACK) {
		fail(lx, "expected ']'");
		goto bad;
	}
	/* "].sub" with nothing between: Entra's comparison within the element. */
	if (lx->p < lx->end && *lx->p == '.') {
		const char *s = lx->p + 1, *e = s;
		while (e < lx->end && (isalnum((unsigned char)*e) || *e == '$' || *e == '-' || *e == '_'))
			e++;
		if (e == s || (size_t)(e - s) >= SCIM_NAME_MAX) {
			fail(lx, "expected a sub-attribute after ']. '");
			goto bad;
		}
		memcpy(f->subtext, s, (size_t)(e - s));
		memcpy(f->path.sub, s, (size_t)(e - s));
		f->path.sub[e - s] = 0;
		lx->p = e;
		if (f->path.attr_def) {
			const struct scim_attr *sd = scim_attr_find(f->path.attr_def->sub, f->path.sub, -1);
			if (sd) {
				f->path.sub_def = sd;
				snprintf(f->path.sub, sizeof f->path.sub, "%s", sd->name);
			}
		}
		f->compares = 1;
		if (next(lx) != 0 || read_comparison(lx, f, &f->path) != 0)
			goto bad;
		return f;
	}
	if (next(lx) != 0)
		goto bad;
	return f;
bad:
	scim_filter_free(f);
	return NULL;
}

/* not (filter) | (filter) | attrExp */
static struct scim_filter *parse_unary(struct lexer *lx, const struct scim_attr *parent, int within)
{
	if (++lx->depth > SCIM_FILTER_DEPTH) {
		fail(lx, "filter nested too deeply");
		return NULL;
	}
	struct scim_filter *f = NULL;
	int is_not = 0;
	if (word_is(lx, "not")) {
		const char *q = lx->p;
		while (q < lx->end && *q == ' ')
			q++;
		is_not = q < lx->end && *q == '(';
	}
	if (is_not || lx->kind == T_LPAREN) {
		if (is_not && next(lx) != 0)
			return NULL;
		struct scim_filter *inner = NULL;
		if (next(lx) != 0 || !(inner = parse_or(lx, parent, within)))
			return NULL;
		if (lx->kind != T_RPAREN) {
			scim_filter_free(inner);
			fail(lx, "expected ')'");
			return NULL;
		}
		if (next(lx) != 0) {
			scim_filter_free(inner);
			return NULL;
		}
		if (!is_not) {
			f = inner;
		} else if ((f = node(SCIM_NOT))) {
			f->left = inner;
		} else {
			scim_filter_free(inner);
			fail(lx, "out of memory");
		}
	} else if (lx->kind == T_WORD) {
		f = parse_attr_exp(lx, parent, within);
	} else {
		fail(lx, lx->kind == T_END ? "unexpected end of filter" : "expected an attribute, 'not' or '('");
	}
	lx->depth--;
	return f;
}

static struct scim_filter *parse_binary(struct lexer *lx, const struct scim_attr *parent, int within, int is_or)
{
	struct scim_filter *left = is_or ? parse_binary(lx, parent, within, 0) : parse_unary(lx, parent, within);
	while (left && word_is(lx, is_or ? "or" : "and")) {
		struct scim_filter *right = NULL, *both = node(is_or ? SCIM_OR : SCIM_AND);
		if (!both || next(lx) != 0 ||
		    !(right = is_or ? parse_binary(lx, parent, within, 0) : parse_unary(lx, parent, within))) {
			if (!both)
				fail(lx, "out of memory");
			free(both);
			scim_filter_free(left);
			return NULL;
		}
		both->left = left;
		both->right = right;
		left = both;
	}
	return left;
}

static struct scim_filter *parse_or(struct lexer *lx, const struct scim_attr *parent, int within)
{
	return parse_binary(lx, parent, within, 1);
}

static struct scim_filter *parse_all(const char *text, size_t len, const struct scim_resource_type *t,
				     const struct scim_attr *parent, int within, struct scim_error *err)
{
	if (err)
		err->status = 0;
	if (len > SCIM_FILTER_MAX) {
		scim_fail(err, 400, "invalidFilter", "the filter is longer than %d characters", SCIM_FILTER_MAX);
		return NULL;
	}
	struct lexer lx = {.base = text, .p = text, .end = text + len, .err = err, .type = t};
	struct scim_filter *f = NULL;
	if (next(&lx) == 0 && (f = parse_or(&lx, parent, within)) && lx.kind != T_END) {
		fail(&lx, within ? "unexpected text in the value filter" : "unexpected text after the filter");
		scim_filter_free(f);
		f = NULL;
	}
	free(lx.str);
	return f;
}

struct scim_filter *scim_filter_parse(const char *text, const struct scim_resource_type *t, struct scim_error *err)
{
	return parse_all(text, strlen(text), t, NULL, 0, err);
}

struct scim_filter *scim_filter_parse_within(const char *text, size_t len, const struct scim_attr *parent,
					     struct scim_error *err)
{
	return parse_all(text, len, NULL, parent, 1, err);
}

/* ---- evaluation ---- */

static const char *strcasestr_ascii(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return hay;
	return n == 0 ? hay : NULL;
}

static int order(int c, enum scim_op op)
{
	switch (op) {
	case SCIM_EQ: return c == 0;
	case SCIM_NE: return c != 0;
	case SCIM_GT: return c > 0;
	case SCIM_GE: return c >= 0;
	case SCIM_LT: return c < 0;
	case SCIM_LE: return c <= 0;
	default: return 0;
	}
}

static int compare_strings(const char *v, const struct scim_filter *f, int fold)
{
	size_t vl = strlen(v), ll = strlen(f->str);
	switch (f->op) {
	case SCIM_CO: return (fold ? strcasestr_ascii(v, f->str) : strstr(v, f->str)) != NULL;
	case SCIM_SW: return vl >= ll && (fold ? strncasecmp(v, f->str, ll) : strncmp(v, f->str, ll)) == 0;
	case SCIM_EW: return vl >= ll && (fold ? strcasecmp(v + vl - ll, f->str) : strcmp(v + vl - ll, f->str)) == 0;
	default: return order(fold ? scim_strcasecmp(v, f->str) : strcmp(v, f->str), f->op);
	}
}

/* One value against the comparison. a: the compared attribute's definition, or NULL. */
static int compare(json_t *v, const struct scim_filter *f, const struct scim_attr *a)
{
	if (f->op == SCIM_PR) {
		if (json_is_string(v))
			return json_string_length(v) > 0;
		if (json_is_array(v))
			return json_array_size(v) > 0;
		if (json_is_object(v))
			return json_object_size(v) > 0;
		return !json_is_null(v);
	}
	if (f->lit == SCIM_LIT_NULL)
		return f->op == SCIM_NE;
	int same = 0;
	if (json_is_string(v) && f->lit == SCIM_LIT_STRING) {
		double x, y;
		if (a && a->type == SCIM_DATETIME && f->op != SCIM_CO && f->op != SCIM_SW && f->op != SCIM_EW &&
		    scim_datetime(json_string_value(v), &x) && scim_datetime(f->str, &y))
			return order(x < y ? -1 : x > y, f->op);
		return compare_strings(json_string_value(v), f, !(a && a->case_exact));
	}
	if (json_is_boolean(v)) {
		/* Entra writes booleans as strings: roles[primary eq "True"]. */
		if (f->lit == SCIM_LIT_TRUE || f->lit == SCIM_LIT_FALSE)
			same = json_is_true(v) == (f->lit == SCIM_LIT_TRUE);
		else if (f->lit == SCIM_LIT_STRING && (strcasecmp(f->str, "true") == 0 || strcasecmp(f->str, "false") == 0))
			same = json_is_true(v) == (strcasecmp(f->str, "true") == 0);
		else
			return f->op == SCIM_NE;
		return f->op == SCIM_EQ ? same : f->op == SCIM_NE ? !same : 0;
	}
	if (json_is_number(v) && f->lit == SCIM_LIT_NUMBER) {
		double x = json_number_value(v);
		if (f->op == SCIM_CO || f->op == SCIM_SW || f->op == SCIM_EW)
			return 0;
		return order(x < f->num ? -1 : x > f->num, f->op);
	}
	return f->op == SCIM_NE;
}

/* The attribute of obj a path names: through the extension's object when it
 * has a URN. NULL when absent. */
static json_t *attribute(json_t *obj, const struct scim_path *p)
{
	if (p->urn[0]) {
		obj = scim_member(obj, p->urn, strlen(p->urn), NULL);
		if (!p->attr[0])
			return obj;
	}
	return scim_member(obj, p->attr, strlen(p->attr), NULL);
}

/* The comparison against every value the path names; a match of any is a match. */
static int match_values(json_t *v, const struct scim_filter *f, const struct scim_path *p)
{
	const struct scim_attr *a = compared_attr(p);
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			json_t *x = e;
			if (p->sub[0])
				x = scim_member(e, p->sub, strlen(p->sub), NULL);
			else if (json_is_object(e))
				x = scim_member(e, "value", 5, NULL);
			if (x && !json_is_null(x) && compare(x, f, a))
				return 1;
		}
		return 0;
	}
	if (p->sub[0])
		v = scim_member(v, p->sub, strlen(p->sub), NULL);
	if (!v || json_is_null(v))
		return f->op == SCIM_EQ && f->lit == SCIM_LIT_NULL;
	return compare(v, f, a);
}

int scim_filter_match(const struct scim_filter *f, json_t *obj)
{
	switch (f->kind) {
	case SCIM_AND: return scim_filter_match(f->left, obj) && scim_filter_match(f->right, obj);
	case SCIM_OR: return scim_filter_match(f->left, obj) || scim_filter_match(f->right, obj);
	case SCIM_NOT: return !scim_filter_match(f->left, obj);
	case SCIM_CMP: {
		json_t *v = attribute(obj, &f->path);
		if (!v || json_is_null(v))
			return f->op == SCIM_EQ && f->lit == SCIM_LIT_NULL;
		return match_values(v, f, &f->path);
	}
	case SCIM_VALUE_PATH: {
		json_t *v = attribute(obj, &f->path);
		if (json_is_object(v)) {
			if (!scim_filter_match(f->inner, v))
				return 0;
			return !f->compares || match_values(v, f, &f->path);
		}
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			if (!json_is_object(e) || !scim_filter_match(f->inner, e))
				continue;
			if (!f->compares)
				return 1;
			json_t *x = scim_member(e, f->path.sub, strlen(f->path.sub), NULL);
			if (x && !json_is_null(x) ? compare(x, f, f->path.sub_def)
						 : (f->op == SCIM_EQ && f->lit == SCIM_LIT_NULL))
				return 1;
		}
		return 0;
	}
	}
	return 0;
}

/* ---- the S-expression ---- */

struct buf {
	char *s;
	size_t len, cap;
};

static void add(struct buf *b, const char *text)
{
	size_t n = strlen(text);
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->cap ? b->cap * 2 : 256) + n;
		char *s = realloc(b->s, cap);
		if (!s)
			return;
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->len, text, n + 1);
	b->len += n;
}

static const char *op_name(enum scim_op op)
{
	static const char *const names[] = {"eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr"};
	return names[op];
}

static void add_literal(struct buf *b, const struct scim_filter *f)
{
	char num[40];
	switch (f->lit) {
	case SCIM_LIT_STRING: {
		json_t *s = json_string(f->str);
		char *text = s ? json_dumps(s, JSON_ENCODE_ANY) : NULL;
		add(b, text ? text : "\"\"");
		free(text);
		json_decref(s);
		break;
	}
	case SCIM_LIT_NUMBER:
		/* As JavaScript writes a number: whole numbers in full, else the
		 * shortest text that reads back the same. */
		if (fabs(f->num) < 1e21 && f->num == floor(f->num))
			snprintf(num, sizeof num, "%.0f", f->num);
		else
			for (int digits = 1; digits <= 17; digits++) {
				snprintf(num, sizeof num, "%.*g", digits, f->num);
				if (strtod(num, NULL) == f->num)
					break;
			}
		add(b, num);
		break;
	case SCIM_LIT_TRUE: add(b, "true"); break;
	case SCIM_LIT_FALSE: add(b, "false"); break;
	case SCIM_LIT_NULL: add(b, "null"); break;
	}
}

static void sexpr(struct buf *b, const struct scim_filter *f, enum scim_node parent)
{
	switch (f->kind) {
	case SCIM_AND:
	case SCIM_OR:
		/* a and b and c is one (and a b c). */
		if (parent != f->kind)
			add(b, f->kind == SCIM_AND ? " (and" : " (or");
		sexpr(b, f->left, f->kind);
		sexpr(b, f->right, f->kind);
		if (parent != f->kind)
			add(b, ")");
		return;
	case SCIM_NOT:
		add(b, " (not");
		sexpr(b, f->left, SCIM_NOT);
		add(b, ")");
		return;
	case SCIM_CMP:
		add(b, " (");
		add(b, op_name(f->op));
		add(b, " ");
		add(b, f->text);
		if (f->op != SCIM_PR) {
			add(b, " ");
			add_literal(b, f);
		}
		add(b, ")");
		return;
	case SCIM_VALUE_PATH:
		add(b, " (has ");
		add(b, f->text);
		sexpr(b, f->inner, SCIM_VALUE_PATH);
		if (f->compares) {
			add(b, " (");
			add(b, op_name(f->op));
			add(b, " ");
			add(b, f->subtext);
			if (f->op != SCIM_PR) {
				add(b, " ");
				add_literal(b, f);
			}
			add(b, ")");
		}
		add(b, ")");
		return;
	}
}

char *scim_filter_sexpr(const struct scim_filter *f)
{
	struct buf b = {0};
	sexpr(&b, f, SCIM_CMP);
	if (!b.s)
		return NULL;
	/* every node writes a leading space */
	memmove(b.s, b.s + (b.s[0] == ' '), b.len + 1 - (b.s[0] == ' '));
	return b.s;
}
