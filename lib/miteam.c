#include "lib/miteam.h"
#include "lib/audit.h"

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
