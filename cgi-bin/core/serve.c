/* The console's process model: a master that owns the FastCGI socket and
 * preforks workers. A worker serves one request at a time with its own
 * database connection; the master only supervises. */
#include "cgi-bin/core/render.h"
#include "cgi-bin/core/serve.h"
#include "lib/core/config.h"
#include "lib/core/log.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_WORKERS 64
#define DRAIN_SECONDS 30

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

int serve_main(void)
{
	const char *path = cfg_str("Console.Socket", NULL);
	if (!path) {
		log_error("Console.Socket is not set in %s", config_path());
		return 1;
	}
	if (FCGX_Init() != 0)
		return 1;
	unlink(path);
	int sock = FCGX_OpenSocket(path, 256);
	if (sock < 0) {
		log_error("cannot listen on %s: %s", path, strerror(errno));
		return 1;
	}
	chmod(path, 0660);
	const char *pidfile = cfg_str("Console.PidFile", NULL);
	if (pidfile) {
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
			/* Keep the old settings if the new file does not read. */
			config_load(config_path());
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
	if (pidfile)
		unlink(pidfile);
	return 0;
}
