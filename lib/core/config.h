#ifndef SB_CONFIG_H
#define SB_CONFIG_H
#include <ClearSilver.h>

/* The configuration file is HDF (the same format the templates read), so
 * keys are dotted paths such as DB.Socket or Session.IdleMinutes. */
int config_load(const char *path);
const char *config_path(void);
HDF *config_hdf(void);
const char *cfg_str(const char *key, const char *fallback);
int cfg_int(const char *key, int fallback);
#endif
