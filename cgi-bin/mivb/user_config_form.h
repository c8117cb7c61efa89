#ifndef SB_CGI_MIVB_USER_CONFIG_FORM_H
#define SB_CGI_MIVB_USER_CONFIG_FORM_H
/* User Configuration's form (guide §3.1.2.2): its fields are named
 *   group, pin, location, department, token
 *   p<i>_id, p<i>_type, p<i>_dn, p<i>_model, p<i>_acd_agent, p<i>_external_phone, p<i>_remove
 *   p<i>_k<button>_function, _label, _ring, _ext, _float
 * and its buttons action=save | autogen | add_phone (with new_phone) | reset_<i>. */
#include "cgi-bin/core/request.h"
#include "lib/mivb/pbx_admin.h"
#include "lib/mivb/services.h"
#include "lib/user_templates.h"

/* The configuration as the form sent it. */
void user_config_read(struct req *r, struct mivb_services *s);
/* Auto-generate, + Add Phone, Reset All: changes s as the button asks. */
void user_config_act(struct req *r, struct mivb_services *s, const char *action);
/* The console's rules (lib/mivb/rules.h): 1 good, 0 with messages next to the fields. */
int user_config_check(struct req *r, const struct mivb_services *s);
/* The PBX's refusal of a save, next to the form field it names. */
void user_config_refused(struct req *r, const struct mivb_services *s, const struct pbx_reply *rep);
/* The PBX's service categories as Categories.<n>.value, label, tier: as
 * mivb_categories_list. */
int user_config_categories(struct req *r, struct pbx_admin *a, struct pbx_reply *rep);
/* The account's MiVoice Business templates as Templates.<n>.value, label:
 * only category's when Filter templates by category and tier selection is
 * on (Conf.filter; on unless the form cleared it). 0, or -1. */
int user_config_templates(struct req *r, const char *category);
/* Fills the page from s, with the PBX's groups and locations when a is not NULL. DONE. */
int user_config_draw(struct req *r, struct pbx_admin *a, const struct mivb_services *s);
/* What a save changed, for its event (the PIN only as changed, never its digits). */
json_t *user_config_changes(const struct mivb_services *before, const struct mivb_services *after);
/* Once the PBX took a write of the user's services (stored: as it now holds
 * them): the console's copy of the user and the event, in one transaction
 * (mivb_record). 0, or -1 (the page says so: return mivb_unrecorded). */
int mivb_user_saved(struct req *r, const char *pbx_id, const struct mivb_services *before,
		    const struct mivb_services *stored);
#endif
