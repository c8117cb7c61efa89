#include "cgi-bin/support/support_export.h"

#include "lib/core/log.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int support_export_begin(char dir[64], char path[96])
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, 64, "%s/sb-export-XXXXXX", tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		log_error("export: cannot make a folder in %s: %s", dir, strerror(errno));
		return -1;
	}
	snprintf(path, 96, "%s/export.zip", dir);
	return 0;
}

void support_export_abandon(const char *dir, const char *path)
{
	unlink(path);
	rmdir(dir);
}

int support_export_send(struct req *r, const char *dir, const char *path, const char *download_name)
{
	FILE *f = fopen(path, "rb");
	support_export_abandon(dir, path);
	if (!f)
		return SERVER_ERROR;
	r->body_file = f;
	r->content_type = "application/zip";
	r->download_name = download_name;
	return DONE;
}
