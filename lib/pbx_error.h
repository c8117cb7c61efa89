#ifndef SB_PBX_ERROR_H
#define SB_PBX_ERROR_H
/* Why a PBX sync failed, kept as a message key and its arguments so that
 * each reader sees it in their own language (templates/lang pbx.errors.<key>,
 * with {1} to {4} for the arguments); the words in English go to syncd's log
 * and to pbx_links.last_error for the API and the CLI. */
#include <ClearSilver.h>

#define PBX_ERROR_ARGS 4

struct pbx_error {
	char key[40];                  /* "" while nothing failed */
	char args[PBX_ERROR_ARGS][256];
	int n;
};

/* Sets key and its arguments: up to PBX_ERROR_ARGS strings, then NULL. */
void pbx_error_set(struct pbx_error *e, const char *key, ...);
/* The arguments as they are stored: a JSON array of strings. malloc'd, or NULL. */
char *pbx_error_args_json(const struct pbx_error *e);
/* A stored error in lang's words (lang: a Lang tree, its keys "pbx.errors.<key>"):
 * key with its arguments (args_json), else, for a row written before errors
 * had keys, the words stored. */
void pbx_error_words(HDF *lang, const char *key, const char *args_json, const char *stored, char *out, size_t size);
#endif
