#ifndef SB_STORED_MESSAGE_H
#define SB_STORED_MESSAGE_H
/* A message stored for readers of any language: a key under one kind of
 * messages in templates/lang (pbx.errors, scim.errors, gateway.errors) and
 * its arguments, {1} to {4} in the text. Each reader sees it in their own
 * language; the English words go to the log and to the row's last_error for
 * the API and the CLI, and are what a row written before keys shows. */
#include <ClearSilver.h>

#define STORED_MESSAGE_ARGS 4

struct stored_message {
	char key[40];                  /* "" while there is nothing to say */
	char args[STORED_MESSAGE_ARGS][256];
	int n;
};

/* Sets key and its arguments: up to STORED_MESSAGE_ARGS strings, then NULL. */
void stored_message_set(struct stored_message *m, const char *key, ...);
/* The arguments as they are stored: a JSON array of strings. malloc'd, or NULL. */
char *stored_message_args_json(const struct stored_message *m);
/* A stored message in lang's words (lang: a Lang tree, its keys "<kind>.<key>"):
 * key with its arguments (args_json), else, for a row written before the
 * message had a key or a key lang lacks, the words stored. */
void stored_message_words(HDF *lang, const char *kind, const char *key, const char *args_json, const char *stored,
			  char *out, size_t size);
/* m in English words (templates/lang/en.hdf), for the log and last_error;
 * its key itself when the language file cannot be read. */
void stored_message_english(const char *kind, const struct stored_message *m, char *out, size_t size);
#endif
