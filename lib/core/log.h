#ifndef SB_LOG_H
#define SB_LOG_H
/* One-line log records on stderr: time, pid, level, message. The stack
 * scripts redirect stderr to the process's log file. */
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ClearSilver's error as one line of text into out; the error is freed. */
#include <ClearSilver.h>
void neo_error_text(NEOERR **err, char *out, size_t size);
#endif
