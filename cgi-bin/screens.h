#ifndef SB_SCREENS_H
#define SB_SCREENS_H
/* The handlers the route table names: one group per screen file. */
#include "cgi-bin/request.h"

int ping_get(struct req *r);                 /* ping.c */
int login_get(struct req *r);                /* login.c */
int login_post(struct req *r);
int logout_post(struct req *r);
int dashboard_get(struct req *r);            /* dashboard.c */
int password_get(struct req *r);             /* password.c */
int password_post(struct req *r);
int accounts_get(struct req *r);             /* accounts.c */
int account_new_get(struct req *r);          /* account_new.c */
int account_new_post(struct req *r);
int account_info_get(struct req *r);         /* account_info.c */
int account_info_post(struct req *r);
int account_status_get(struct req *r);       /* account_status.c: deactivate, reactivate, delete */
int account_status_post(struct req *r);
int users_get(struct req *r);                /* users.c */
int user_new_get(struct req *r);             /* user_new.c */
int user_new_post(struct req *r);
int user_edit_get(struct req *r);            /* user_edit.c */
int user_edit_post(struct req *r);
int user_delete_get(struct req *r);          /* user_delete.c */
int user_delete_post(struct req *r);
#endif
