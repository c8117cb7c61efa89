#ifndef SB_SUPPORT_EXPORT_H
#define SB_SUPPORT_EXPORT_H
/* The exports' zip files go through a private temporary directory: libzip
 * writes the archive there, and the open file is streamed as the response
 * once its name is gone. */
#include "cgi-bin/core/request.h"

/* A fresh directory for one archive, its path into dir and the archive's
 * into path. 0, or -1. */
int support_export_begin(char dir[64], char path[96]);
/* Opens the written archive as the response body (named download_name),
 * then removes the file and directory. DONE, or SERVER_ERROR. */
int support_export_send(struct req *r, const char *dir, const char *path, const char *download_name);
/* Removes what support_export_begin made, after a failure. */
void support_export_abandon(const char *dir, const char *path);
#endif
