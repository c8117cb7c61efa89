#ifndef SB_SCREENS_H
#define SB_SCREENS_H
/* The handlers the route table names: one group per screen file. */
#include "cgi-bin/core/request.h"

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
int roles_get(struct req *r);                /* roles.c */
int role_new_get(struct req *r);             /* role_new.c: New Role and Duplicate Role */
int role_new_post(struct req *r);
int role_edit_get(struct req *r);            /* role_edit.c */
int role_edit_post(struct req *r);
int role_accounts_get(struct req *r);        /* role_accounts.c */
int role_accounts_post(struct req *r);
int role_delete_get(struct req *r);          /* role_delete.c */
int role_delete_post(struct req *r);
int account_managers_get(struct req *r);     /* account_managers.c */
int account_managers_confirm_get(struct req *r);   /* account_managers_convert.c: Convert / Upgrade Selected */
int account_managers_confirm_post(struct req *r);
int account_managers_manage_get(struct req *r);    /* account_managers_manage.c */
int account_managers_assign_get(struct req *r);    /* account_managers_assign.c: Assign / Unassign */
int account_managers_assign_post(struct req *r);
int support_contacts_get(struct req *r);     /* support_contacts.c */
int register_get(struct req *r);             /* register.c: sign-up from the welcome email */
int register_post(struct req *r);
int reset_get(struct req *r);                /* reset.c: new password from the reset email */
int reset_post(struct req *r);
int forgot_get(struct req *r);               /* forgot.c: "Forgot your password?" */
int forgot_post(struct req *r);
int notifications_dismiss_post(struct req *r); /* notifications.c: the bell */
int notification_delete_post(struct req *r);
int manage_get(struct req *r);               /* manage.c: the Manage panel of the Users list */
int manage_post(struct req *r);
int manage_delete_get(struct req *r);
int manage_delete_post(struct req *r);
int user_welcome_post(struct req *r);        /* user_welcome.c: "Resend the welcome email" */
int job_get(struct req *r);                  /* job.c: a job's progress and summary */
int job_progress_get(struct req *r);
int import_get(struct req *r);               /* import.c: the Import Users panel and the upload */
int import_post(struct req *r);
int import_template_get(struct req *r);      /* import_template.c: the spreadsheet template */
int import_preview_get(struct req *r);       /* import_preview.c */
int import_row_post(struct req *r);          /* import_row.c: corrections, Add Row, delete a row */
int import_row_delete_post(struct req *r);
int import_commit_post(struct req *r);       /* import_commit.c: Upload the valid rows */
int import_welcome_post(struct req *r);      /* import_welcome.c: their welcome emails */
int import_cancel_post(struct req *r);       /* import_cancel.c */
#endif
