#include "lib/miteam.h"
#include "lib/audit.h"
#include "lib/integrations.h"
#include "lib/licenses.h"

#include <stdio.h>

int miteam_waiting_room(db *d, const char *account_id)
{
	long long on = 0;
	return db_int(d, &on, "SELECT miteam_waiting_room FROM account_policy WHERE account_id = ?", "s", account_id) < 0
		       ? -1 : on != 0;
}

int miteam_set_waiting_room(db *d, const char *account_id, int on, json_t *changes)
{
	long long was = 0;
	if (db_int(d, &was, "SELECT miteam_waiting_room FROM account_policy WHERE account_id = ? FOR UPDATE", "s",
		   account_id) < 0)
		return -1;
	if ((was != 0) == (on != 0))
		return 0;
	if (db_exec(d,
		    "INSERT INTO account_policy (account_id, miteam_waiting_room, updated_at) VALUES (?, ?, UTC_TIMESTAMP())"
		    " ON DUPLICATE KEY UPDATE miteam_waiting_room = VALUES(miteam_waiting_room), updated_at = VALUES(updated_at)",
		    "si", account_id, (long long)(on != 0)) < 0)
		return -1;
	audit_change(changes, "miteam.optionalWaitingRoom", was ? "on" : "off", on ? "on" : "off");
	return 1;
}

/* Guide §3.1.5.1's order of switching off: MiTeam Meetings off while
 * MiCollab is not integrated takes its users' licences back. */
static int miteam_switched_off(db *d, const char *account_id, const struct account_integrations *before, json_t *changes)
{
	const struct integration_entry *micollab = integration_entry_of(before, integration_kind("micollab"));
	long long taken = license_miteam_switched_off(d, account_id, micollab && integration_switched_on(micollab->state));
	if (taken < 0)
		return -1;
	if (taken > 0) {
		char n[24];
		snprintf(n, sizeof n, "%lld", taken);
		audit_change(changes, "miteam.userLicenses", n, "0");
	}
	return 0;
}

const struct integration_driver integration_miteam_driver = {
	.switched_off = miteam_switched_off,
};
