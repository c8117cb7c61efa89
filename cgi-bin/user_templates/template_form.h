#ifndef SB_CGI_TEMPLATE_FORM_H
#define SB_CGI_TEMPLATE_FORM_H
/* Create Template and a template's edit page (guide §3.1.3.2): Template
 * name, Description, the MiVoice Business product with its defaults
 * (service category, group, location, department) and a phone with up to
 * USER_TEMPLATE_KEYS_MAX keys, rows k<n>_button, _function, _label, _ring,
 * _ext, _float. */
#include "cgi-bin/core/request.h"
#include "lib/user_templates.h"

/* Fills the form from t (a GET) and the catalogues it chooses from. */
void template_form_draw(struct req *r, const struct user_template *t);
/* The template the form sent, checked: 1 good, 0 with messages next to the fields. */
int template_form_read(struct req *r, struct user_template *t);
/* Saves it (id 0: a new one) with its event, then Done to the list; a
 * name another template has comes back next to Template name. */
int template_form_save(struct req *r, long long id, const struct user_template *t);
#endif
