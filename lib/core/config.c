#include "lib/core/config.h"
#include "lib/core/log.h"

#include <stdlib.h>
#include <string.h>

static HDF *config;
static char *loaded_path;

int config_load(const char *path)
{
	HDF *fresh;
	NEOERR *err = hdf_init(&fresh);
	if (err == STATUS_OK)
		err = hdf_read_file(fresh, path);
	if (err != STATUS_OK) {
		char msg[512];
		neo_error_text(&err, msg, sizeof msg);
		log_error("config %s: %s", path, msg);
		hdf_destroy(&fresh);
		return -1;
	}
	/* Swap only after a successful read, so a bad file on SIGHUP keeps the old one. */
	hdf_destroy(&config);
	config = fresh;
	if (loaded_path != path) {
		free(loaded_path);
		loaded_path = strdup(path);
	}
	return 0;
}

const char *config_path(void) { return loaded_path; }
HDF *config_hdf(void) { return config; }

const char *cfg_str(const char *key, const char *fallback)
{
	return config ? hdf_get_value(config, key, fallback) : fallback;
}

int cfg_int(const char *key, int fallback)
{
	return config ? hdf_get_int_value(config, key, fallback) : fallback;
}
