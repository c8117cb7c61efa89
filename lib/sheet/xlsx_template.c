#include "lib/sheet/xlsx_template.h"
#include "lib/import/import.h"
#include "lib/sheet/sheet_cell.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* Rows offered the ROLE drop-down: as many as an import may hold. */
#define TEMPLATE_ROWS IMPORT_MAX_ROWS

static int build(const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return -1;
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Users");
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	char cell[64];
	for (int f = 0; f < IMPORT_FIELDS; f++) {
		sheet_cell_text(import_field_header((enum import_field)f), cell, sizeof cell);
		worksheet_write_string(ws, 0, (lxw_col_t)f, cell, bold);
	}
	worksheet_set_column(ws, 0, 2, 20, NULL);
	worksheet_set_column(ws, 3, 3, 32, NULL);
	worksheet_set_column(ws, 4, 4, 16, NULL);
	worksheet_freeze_panes(ws, 1, 0);

	/* The words import_role_key() accepts; a blank role means User. */
	const char *roles[] = {"User", "Account Admin", NULL};
	lxw_data_validation role = {
		.validate = LXW_VALIDATION_TYPE_LIST,
		.value_list = (char **)roles,
		.ignore_blank = LXW_VALIDATION_ON,
	};
	worksheet_data_validation_range(ws, 1, IMPORT_ROLE, TEMPLATE_ROWS, IMPORT_ROLE, &role);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

int xlsx_template_write(char **out, size_t *len)
{
	/* libxlsxwriter writes files only: write one, read it back, remove it. */
	const char *dir = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/sb-template-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	int rc = -1;
	FILE *f = NULL;
	*out = NULL;
	if (build(path) != 0 || !(f = fopen(path, "rb")) || fseek(f, 0, SEEK_END) != 0)
		goto done;
	long size = ftell(f);
	if (size <= 0 || fseek(f, 0, SEEK_SET) != 0 || !(*out = malloc((size_t)size)))
		goto done;
	if (fread(*out, 1, (size_t)size, f) == (size_t)size) {
		*len = (size_t)size;
		rc = 0;
	}
done:
	if (f)
		fclose(f);
	unlink(path);
	if (rc != 0) {
		free(*out);
		*out = NULL;
	}
	return rc;
}
