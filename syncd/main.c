/* bin/syncd: the sync daemon. Each pass records a heartbeat, runs due jobs
 * and sends due mail (ARCHITECTURE §7); it sleeps only when a pass found
 * nothing to do. PBX/SCIM pollers plug into the same loop. */
#include "syncd/syncd.h"
#include "syncd/lease.h"
#include "lib/core/config.h"
#include "lib/core/db.h"
#include "lib/core/log.h"
#include "lib/events.h"
#include "lib/heartbeats.h"

#include <curl/curl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested, reload_requested;

static void on_stop(int sig) { stop_requested = 1; }
static void on_reload(int sig) { reload_requested = 1; }

/* One pass runs every tick once. A tick claims its own work under a lease
 * (lease.c), does a bounded amount and says how much: a pass that found
 * nothing anywhere sleeps. New kinds of work (PBX links, SCIM sources,
 * reminders) are new rows. */
struct tick {
	const char *name;
	int (*run)(db *d);
};

static const struct tick ticks[] = {
	{"jobs", runner_tick},
	{"mail", mailer_tick},
	{"support_log_reminders", support_reminders_tick},
	{"history", events_retention_tick},
	{"links", scheduler_tick},
	{"marks", marks_tick},
	{"scim-sources", scim_client_tick},
	{"order-feeds", order_feeds_tick},
};

/* 1 when any tick did something, 0 when none had work. */
static int run_ticks(db *d)
{
	int busy = 0;
	for (size_t i = 0; i < sizeof ticks / sizeof ticks[0]; i++) {
		int n = ticks[i].run(d);
		if (n < 0)
			log_error("tick %s: %s", ticks[i].name, db_error(d));
		busy |= n > 0;
	}
	return busy;
}

static void write_pidfile(const char *path)
{
	FILE *f = path ? fopen(path, "w") : NULL;
	if (f) {
		fprintf(f, "%d\n", (int)getpid());
		fclose(f);
	}
}

int main(int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[1], "-c") != 0) {
		fprintf(stderr, "usage: syncd -c CONFIG\n");
		return 1;
	}
	if (config_load(argv[2]) != 0) {
		fprintf(stderr, "syncd: cannot read config %s\n", argv[2]);
		return 1;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_reload;
	sigaction(SIGHUP, &sa, NULL);

	char host[256] = "localhost";
	gethostname(host, sizeof host - 1);
	lease_set_owner(host);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	write_pidfile(cfg_str("Syncd.PidFile", NULL));
	db *d = NULL;
	log_info("syncd started");
	while (!stop_requested) {
		if (reload_requested) {
			reload_requested = 0;
			config_load(argv[2]);
			log_info("configuration reloaded");
		}
		if (!d && !(d = db_open()))
			log_error("database unavailable; retrying");
		int busy = 0;
		if (d) {
			db_settle(d);
			heartbeat_record(d, host, (long long)getpid());
			busy = run_ticks(d);
		}
		/* sleep() returns early on a signal, so stopping is prompt. */
		if (!busy)
			sleep((unsigned)cfg_int("Syncd.PollSeconds", 5));
	}
	mailer_cleanup();
	curl_global_cleanup();
	if (d) {
		heartbeat_remove(d, host, (long long)getpid());
		db_close(d);
	}
	const char *pidfile = cfg_str("Syncd.PidFile", NULL);
	if (pidfile)
		unlink(pidfile);
	log_info("syncd stopped");
	return 0;
}
