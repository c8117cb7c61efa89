/* The console's process model: a master that owns the FastCGI socket and
 * preforks workers. A worker serves one request at a time with its own
 * database connection; the master only supervises.
 *
 * Privileges: started as root with Console.User set (and optionally
 * Console.Group), the master opens the socket, gives it to that user and
 * group, and each worker becomes that user as the first thing it does after
 * the fork, before it reads a template, opens the database or accepts a
 * request. The drop happens in the workers rather than once in the master
 * because the master keeps needing root and never touches a request: it
 * re-reads the configuration on SIGHUP (the file holds the database
 * password and Crypto.Key, so it can stay readable by root alone - workers
 * get its contents across fork), applies a changed Console.User to the
 * workers it starts then, and removes its socket and pid file on exit.
 * Every worker also sets no_new_privs, root or not: nothing it could ever
 * exec gains privileges. */
#include "cgi-bin/core/render.h"
#include "cgi-bin/core/serve.h"
#include "lib/core/config.h"
#include "lib/core/log.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_WORKERS 64
#define DRAIN_SECONDS 30
#define MAX_GROUPS 64

/* Who the workers become; resolved by the master (name lookups need files
 * a worker should not depend on once it has dropped root). */
struct run_as {
	int drop;                  /* started as root with Console.User set */
	char user[64];
	uid_t uid;
	gid_t gid;
	gid_t groups[MAX_GROUPS];  /* the user's supplementary groups */
	int n_groups;
};
static struct run_as run_as;

/* Reads Console.User and Console.Group into run_as. A configured user or
 * group that does not exist is an error (run_as is then left as it was):
 * the console must not start as someone else. */
static int resolve_run_as(void)
{
	struct run_as ra;
	const char *user = cfg_str("Console.User", NULL), *group = cfg_str("Console.Group", NULL);
	memset(&ra, 0, sizeof ra);
	if (group && *group && !(user && *user)) {
		log_error("Console.Group is set without Console.User in %s", config_path());
		return -1;
	}
	if (!user || !*user) {
		run_as = ra;
		return 0;
	}
	struct passwd *pw = getpwnam(user);
	if (!pw) {
		log_error("Console.User %s: no such user", user);
		return -1;
	}
	snprintf(ra.user, sizeof ra.user, "%s", user);
	ra.uid = pw->pw_uid;
	ra.gid = pw->pw_gid;
	if (group && *group) {
		struct group *gr = getgrnam(group);
		if (!gr) {
			log_error("Console.Group %s: no such group", group);
			return -1;
		}
		ra.gid = gr->gr_gid;
	}
	if (geteuid() != 0) {
		if (geteuid() != ra.uid)
			log_info("Console.User %s: not started as root, so workers keep uid %d", user, (int)geteuid());
		run_as = ra;
		return 0;
	}
	if (ra.uid == 0)
		log_info("Console.User %s is root: workers keep root's privileges", user);
	ra.n_groups = MAX_GROUPS;
	if (getgrouplist(user, ra.gid, ra.groups, &ra.n_groups) < 0) {
		log_error("Console.User %s is in more than %d groups", user, MAX_GROUPS);
		return -1;
	}
	ra.drop = 1;
	run_as = ra;
	return 0;
}

/* The first thing a worker does. A worker that cannot drop exits (and the
 * master, after a pause, tries again and logs again): it never serves as
 * root by accident. */
static void drop_privileges(void)
{
	if (run_as.drop) {
		if (setgroups((size_t)run_as.n_groups, run_as.groups) != 0 || setgid(run_as.gid) != 0 ||
		    setuid(run_as.uid) != 0) {
			log_error("worker cannot become %s: %s", run_as.user, strerror(errno));
			_exit(1);
		}
		/* setuid() as root sets all three uids; make sure there is no way back. */
		if (run_as.uid != 0 && (setuid(0) == 0 || seteuid(0) == 0)) {
			log_error("worker could regain root after becoming %s", run_as.user);
			_exit(1);
		}
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		log_error("prctl(PR_SET_NO_NEW_PRIVS): %s", strerror(errno));
		_exit(1);
	}
}

static volatile sig_atomic_t stop_requested, reload_requested;
static pid_t workers[MAX_WORKERS];
static int worker_count;

static void on_stop(int sig) { stop_requested = 1; FCGX_ShutdownPending(); }
static void on_reload(int sig) { reload_requested = 1; }

/* No SA_RESTART: a signal must interrupt a worker blocked in accept(). */
static void catch_signal(int sig, void (*fn)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void worker_loop(int sock)
{
	signal(SIGHUP, SIG_IGN);
	catch_signal(SIGTERM, on_stop);
	catch_signal(SIGINT, on_stop);
	drop_privileges();
	render_init();
	db *d = NULL;
	for (int delay = 1; !d && !stop_requested; delay = delay < 8 ? delay * 2 : 8) {
		d = db_open();
		if (!d)
			sleep((unsigned)delay);
	}
	FCGX_Request fr;
	FCGX_InitRequest(&fr, sock, 0);
	while (!stop_requested && FCGX_Accept_r(&fr) >= 0) {
		request_handle(&fr, d);
		FCGX_Finish_r(&fr);
	}
	/* An in-flight request was finished above before the loop re-checked. */
	db_close(d);
	_exit(0);
}

static pid_t spawn_worker(int sock)
{
	pid_t pid = fork();
	if (pid == 0)
		worker_loop(sock);
	if (pid < 0)
		log_error("fork: %s", strerror(errno));
	return pid;
}

static void signal_workers(int sig)
{
	for (int i = 0; i < worker_count; i++)
		if (workers[i] > 0)
			kill(workers[i], sig);
}

static int live_workers(void)
{
	int n = 0;
	for (int i = 0; i < worker_count; i++)
		n += workers[i] > 0;
	return n;
}

static void forget_worker(pid_t pid)
{
	for (int i = 0; i < worker_count; i++)
		if (workers[i] == pid)
			workers[i] = 0;
}

/* Graceful stop: workers finish what they are serving, then exit. */
static void drain(void)
{
	signal_workers(SIGTERM);
	time_t deadline = time(NULL) + DRAIN_SECONDS;
	while (live_workers() > 0 && time(NULL) < deadline) {
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG);
		if (pid > 0)
			forget_worker(pid);
		else
			usleep(50000);
	}
	signal_workers(SIGKILL);
	while (waitpid(-1, NULL, 0) > 0)
		;
	worker_count = 0;
}

static void start_workers(int sock)
{
	int n = cfg_int("Console.Workers", 2);
	if (n < 1)
		n = 1;
	if (n > MAX_WORKERS)
		n = MAX_WORKERS;
	worker_count = n;
	for (int i = 0; i < n; i++)
		workers[i] = spawn_worker(sock);
}

/* nginx connects through the socket's file: its owner and group must let
 * it (nginx's user is Console.User, or is in Console.Group). */
static int give_socket(const char *path)
{
	if (run_as.drop && chown(path, run_as.uid, run_as.gid) != 0) {
		log_error("cannot give %s to %s: %s", path, run_as.user, strerror(errno));
		return -1;
	}
	return chmod(path, 0660);
}

int serve_main(void)
{
	/* Copies: a reload replaces the configuration tree these point into,
	 * and the socket and pid file of this process stay the same. */
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)], pidfile[1024] = "";
	const char *socket_path = cfg_str("Console.Socket", NULL);
	if (!socket_path) {
		log_error("Console.Socket is not set in %s", config_path());
		return 1;
	}
	if (strlen(socket_path) >= sizeof path) {
		log_error("Console.Socket %s is too long for a unix socket", socket_path);
		return 1;
	}
	snprintf(path, sizeof path, "%s", socket_path);
	snprintf(pidfile, sizeof pidfile, "%s", cfg_str("Console.PidFile", ""));
	if (resolve_run_as() != 0)
		return 1;
	if (FCGX_Init() != 0)
		return 1;
	unlink(path);
	int sock = FCGX_OpenSocket(path, 256);
	if (sock < 0) {
		log_error("cannot listen on %s: %s", path, strerror(errno));
		return 1;
	}
	if (give_socket(path) != 0) {
		close(sock);
		unlink(path);
		return 1;
	}
	if (pidfile[0]) {
		FILE *f = fopen(pidfile, "w");
		if (f) {
			fprintf(f, "%d\n", (int)getpid());
			fclose(f);
		}
	}
	catch_signal(SIGTERM, on_stop);
	catch_signal(SIGINT, on_stop);
	catch_signal(SIGHUP, on_reload);
	start_workers(sock);
	log_info("console serving on %s with %d workers", path, worker_count);

	while (!stop_requested) {
		int status;
		pid_t pid = waitpid(-1, &status, 0);
		if (reload_requested) {
			reload_requested = 0;
			/* Keep the old settings if the new file does not read, and the
			 * old workers' user if the new one does not exist. */
			if (config_load(config_path()) == 0 && resolve_run_as() != 0)
				log_error("reload: keeping the workers' previous user");
			give_socket(path);
			log_info("reloading: replacing workers");
			drain();
			start_workers(sock);
			continue;
		}
		if (pid <= 0 || stop_requested)
			continue;
		for (int i = 0; i < worker_count; i++) {
			if (workers[i] != pid)
				continue;
			if (WIFSIGNALED(status))
				log_error("worker %d died of signal %d; replacing it", (int)pid, WTERMSIG(status));
			else
				log_error("worker %d exited with %d; replacing it", (int)pid, WEXITSTATUS(status));
			sleep(WIFEXITED(status) ? 1 : 0); /* a worker that cannot start must not spin */
			workers[i] = spawn_worker(sock);
		}
	}
	log_info("stopping: draining workers");
	drain();
	close(sock);
	unlink(path);
	if (pidfile[0])
		unlink(pidfile);
	return 0;
}
