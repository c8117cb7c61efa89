/* Commit marks (lib/core/db.c) are needed only for the moments after a
 * COMMIT that got no answer; a day later they are dropped. Cheap: a range
 * of the primary key, at most every ten minutes per syncd. */
#include "syncd/syncd.h"

#include <time.h>

#define MARKS_KEPT_SECONDS (24 * 3600)
#define MARKS_EVERY_SECONDS 600

int marks_tick(db *d)
{
	static time_t next;
	time_t now = time(NULL);
	if (now < next)
		return 0;
	next = now + MARKS_EVERY_SECONDS;
	return db_forget_marks(d, MARKS_KEPT_SECONDS) < 0 ? -1 : 0;
}
