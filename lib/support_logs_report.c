/* The report an app posts with a support log (spec ch2 §5.6): its JSON
 * document, checked field by field, and which Report Details tabs a log
 * shows (guide §2.10). Pure: no database. */
#include "lib/support_logs.h"
#include "lib/core/validate.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

#define PRODUCT_MAX 100
#define TITLE_MAX 255
#define TOPIC_MAX 100
#define DESCRIPTION_MAX 10000
#define LEVEL_MAX 16
#define TAB_KEYS_MAX 50
#define TAB_KEY_MAX 100
#define TAB_VALUE_MAX 2000
#define SIGNAL_ROWS_MAX 1000

static const char *const state_keys[SUPPORT_STATES] = {"open", "reported", "resolved"};
static const char *const tab_keys[SUPPORT_TABS] = {"user", "device", "signal", "error"};
/* The document's names of the tabs, in the order of enum support_tab. */
static const char *const tab_fields[SUPPORT_TABS] = {"userDetails", "deviceAndApps", "signalStrength", "errorInformation"};
static const char *const platforms[] = {"web", "android", "ios", "desktop"};
static const char *const levels[] = {"error", "warning", "info", "debug", "verbose"};

const char *support_state_key(enum support_state s)
{
	return s >= 0 && s < SUPPORT_STATES ? state_keys[s] : "";
}

int support_state_from_key(const char *key)
{
	for (int i = 0; i < SUPPORT_STATES; i++)
		if (key && strcmp(key, state_keys[i]) == 0)
			return i;
	return -1;
}

const char *support_tab_key(enum support_tab t)
{
	return t >= 0 && t < SUPPORT_TABS ? tab_keys[t] : "";
}

unsigned support_tabs_shown(const char *product, const char *platform, unsigned present)
{
	unsigned signal = strcmp(platform, "android") == 0 ? 1u << TAB_SIGNAL : 0;
	if (strcasecmp(product, "Mitel One Mobile") == 0)
		return 1u << TAB_USER | 1u << TAB_DEVICE | signal | 1u << TAB_ERROR;
	if (strcasecmp(product, "Mitel One Web") == 0)
		return 1u << TAB_USER | 1u << TAB_ERROR;
	return present & ((1u << TAB_USER) | (1u << TAB_DEVICE) | signal | (1u << TAB_ERROR));
}

/* Characters of valid UTF-8. */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int one_of(const char *v, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v, list[i]) == 0)
			return 1;
	return 0;
}

/* A text field: absent is "", else a string of valid text up to max
 * characters (lines allowed where multiline). */
static int text_field(json_t *doc, const char *name, int required, size_t max, int multiline, const char **out,
		      const char **problem)
{
	json_t *v = json_object_get(doc, name);
	*out = "";
	if (!v || json_is_null(v)) {
		if (required)
			*problem = "is required";
		return required ? -1 : 0;
	}
	if (!json_is_string(v)) {
		*problem = "must be a string";
		return -1;
	}
	const char *s = json_string_value(v);
	if (json_string_length(v) != strlen(s) || !valid_line(s, multiline)) {
		*problem = "holds characters that are not allowed";
		return -1;
	}
	if (required && !*s) {
		*problem = "is required";
		return -1;
	}
	if (chars(s) > max) {
		*problem = "is too long";
		return -1;
	}
	*out = s;
	return 0;
}

/* A scalar of a tab: a string of valid text, a number, true/false or null. */
static int tab_value_ok(json_t *v)
{
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		return json_string_length(v) == strlen(s) && valid_line(s, 1) && chars(s) <= TAB_VALUE_MAX;
	}
	return json_is_number(v) || json_is_boolean(v) || json_is_null(v);
}

/* User Details, Device and Apps, Error Information: one level of names and
 * values, shown as they came. */
static int flat_tab_ok(json_t *v, const char **problem)
{
	if (!json_is_object(v)) {
		*problem = "must be an object of names and values";
		return 0;
	}
	if (json_object_size(v) > TAB_KEYS_MAX) {
		*problem = "has too many entries (at most 50)";
		return 0;
	}
	const char *key;
	json_t *value;
	json_object_foreach(v, key, value) {
		if (!*key || !valid_line(key, 0) || chars(key) > TAB_KEY_MAX) {
			*problem = "has a name that is empty, too long or holds characters that are not allowed";
			return 0;
		}
		if (!tab_value_ok(value)) {
			*problem = "has a value that is not text, a number or true/false, or is too long";
			return 0;
		}
	}
	return 1;
}

/* Filtered Signal Strength Logs: rows of {time, strength, network}. */
static int signal_tab_ok(json_t *v, const char **problem)
{
	if (!json_is_array(v)) {
		*problem = "must be a list of {time, strength, network}";
		return 0;
	}
	if (json_array_size(v) > SIGNAL_ROWS_MAX) {
		*problem = "has too many rows (at most 1000)";
		return 0;
	}
	size_t i;
	json_t *row;
	json_array_foreach(v, i, row) {
		json_t *t = json_object_get(row, "time"), *s = json_object_get(row, "strength"), *n = json_object_get(row, "network");
		if (!json_is_object(row) || !json_is_string(t) || !json_is_number(s) || (n && !json_is_string(n)) ||
		    json_object_size(row) > 3 || !tab_value_ok(t) || (n && !tab_value_ok(n))) {
			*problem = "must be a list of {time (text), strength (dBm), network (text)}";
			return 0;
		}
	}
	return 1;
}

int support_report_read(const char *text, json_t **doc, struct support_report *out, const char **field,
			const char **problem)
{
	memset(out, 0, sizeof *out);
	*doc = NULL;
	*field = "report";
	if (!text || !*text) {
		*problem = "is required: the report's JSON document";
		return -1;
	}
	if (strlen(text) > SUPPORT_MAX_REPORT_BYTES) {
		*problem = "is larger than 256 KB";
		return -1;
	}
	json_error_t error;
	json_t *d = json_loads(text, JSON_REJECT_DUPLICATES, &error);
	if (!d || !json_is_object(d)) {
		*problem = "is not a JSON object";
		json_decref(d);
		return -1;
	}
	static const struct {
		const char *name;
		int required, multiline;
		size_t max;
		size_t offset;
	} texts[] = {
		{"reportId", 0, 0, 36, offsetof(struct support_report, uid)},
		{"product", 1, 0, PRODUCT_MAX, offsetof(struct support_report, product)},
		{"platform", 1, 0, 16, offsetof(struct support_report, platform)},
		{"title", 1, 0, TITLE_MAX, offsetof(struct support_report, title)},
		{"topic", 0, 0, TOPIC_MAX, offsetof(struct support_report, topic)},
		{"description", 0, 1, DESCRIPTION_MAX, offsetof(struct support_report, description)},
		{"logLevel", 0, 0, LEVEL_MAX, offsetof(struct support_report, log_level)},
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		*field = texts[i].name;
		const char **slot = (const char **)((char *)out + texts[i].offset);
		if (text_field(d, texts[i].name, texts[i].required, texts[i].max, texts[i].multiline, slot, problem) != 0)
			goto bad;
	}
	*field = "reportId";
	if (*out->uid && !valid_uuid(out->uid)) {
		*problem = "must be a UUID";
		goto bad;
	}
	*field = "platform";
	if (!one_of(out->platform, platforms, sizeof platforms / sizeof platforms[0])) {
		*problem = "must be web, android, ios or desktop";
		goto bad;
	}
	*field = "logLevel";
	if (*out->log_level && !one_of(out->log_level, levels, sizeof levels / sizeof levels[0])) {
		*problem = "must be error, warning, info, debug or verbose";
		goto bad;
	}
	for (int t = 0; t < SUPPORT_TABS; t++) {
		json_t *v = json_object_get(d, tab_fields[t]);
		*field = tab_fields[t];
		if (!v || json_is_null(v))
			continue;
		if (!(t == TAB_SIGNAL ? signal_tab_ok(v, problem) : flat_tab_ok(v, problem)))
			goto bad;
		if (t == TAB_SIGNAL && strcmp(out->platform, "android") != 0) {
			*problem = "is sent by Android devices only";
			goto bad;
		}
		out->tabs[t] = v;
	}
	*doc = d;
	*field = NULL;
	*problem = NULL;
	return 0;
bad:
	json_decref(d);
	memset(out, 0, sizeof *out);
	return -1;
}
