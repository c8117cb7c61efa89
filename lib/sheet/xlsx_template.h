#ifndef SB_XLSX_TEMPLATE_H
#define SB_XLSX_TEMPLATE_H
/* The Import Users spreadsheet template (guide §2.8): one sheet whose
 * header row is FIRST NAME, LAST NAME, NAME, EMAIL, ROLE, with a drop-down
 * of User and Account Admin on the ROLE column. */
#include <stddef.h>

/* Writes the .xlsx into a malloc'd buffer. 0, or -1. */
int xlsx_template_write(char **out, size_t *len);
#endif
