/* The Single Sign-On integration's driver (guide §3.2.2; ch3 §6.1): its
 * setup is the identity provider's configuration (lib/saml_store.h),
 * removing the integration forgets it — the account's users sign in with
 * their passwords again — and its status line warns before the identity
 * provider's signing certificate expires. Its kind's row in integrations.c
 * names this driver. */
#include "lib/integrations.h"
#include "lib/saml_store.h"

#include <string.h>
#include <time.h>

static int sso_removed(db *d, const struct actor *who, const char *account_id)
{
	(void)who;
	return sso_config_remove(d, account_id) < 0 ? -1 : 0;
}

static int sso_status(db *d, HDF *lang, const char *language, const char *account_id, struct integration_status *out)
{
	struct sso_status s;
	if (sso_status_line(d, account_id, time(NULL), &s) != 0)
		return -1;
	if (strcmp(s.level, "incomplete") == 0)
		return 0;   /* not configured: the row's own "not finished" line */
	memset(out, 0, sizeof *out);
	out->finished = 1;
	out->level = status_level_from_key(s.level);
	sso_status_text(lang, language, &s, out->text, sizeof out->text);
	return 1;
}

const struct integration_driver integration_sso_driver = {
	.removed = sso_removed,
	.status = sso_status,
};
