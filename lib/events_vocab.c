#include "lib/events_vocab.h"

#include <stdio.h>
#include <string.h>

int event_key_valid(const char *key, size_t max)
{
	size_t n = key ? strlen(key) : 0;
	return n > 0 && n <= max && strspn(key, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

void event_act_of(const char *action, char *out, size_t size)
{
	const char *dot = action ? strrchr(action, '.') : NULL;
	const char *word = dot ? dot + 1 : action ? action : "";
	if (strcmp(word, "update") == 0)
		word = "edit";
	if (!event_key_valid(word, EVENT_KEY_MAX))
		word = "";
	snprintf(out, size, "%s", word);
}

void event_key_label(const char *key, char *out, size_t size)
{
	size_t n = 0;
	int word_start = 1;
	for (const char *p = key ? key : ""; *p && n + 1 < size; p++) {
		char c = *p == '_' ? ' ' : *p;
		if (word_start && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		word_start = c == ' ';
		out[n++] = c;
	}
	if (size)
		out[n] = 0;
}

static int take(const char **p, char out[EVENT_KEY_MAX + 1], int last)
{
	size_t n = last ? strlen(*p) : strcspn(*p, "/");
	if (n == 0 || n > EVENT_KEY_MAX || (!last && (*p)[n] != '/'))
		return -1;
	memcpy(out, *p, n);
	out[n] = 0;
	*p += n + !last;
	return event_key_valid(out, EVENT_KEY_MAX) ? 0 : -1;
}

int event_kind_split(const char *kind, char type[EVENT_KEY_MAX + 1], char asset[EVENT_KEY_MAX + 1],
		     char act[EVENT_KEY_MAX + 1])
{
	const char *p = kind ? kind : "";
	return take(&p, type, 0) == 0 && take(&p, asset, 0) == 0 && take(&p, act, 1) == 0 ? 0 : -1;
}
