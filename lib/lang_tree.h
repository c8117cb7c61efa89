#ifndef SB_LANG_TREE_H
#define SB_LANG_TREE_H
/* The text of a language as an HDF tree, outside a console request: syncd's
 * mail and the words it stores for the log (lib/lang.h names the files). */
#include <ClearSilver.h>

/* hdf's Lang node gets English, then code's own text over it, so that a key
 * the language lacks still reads (as the console's pages do). Each file
 * comes from the administrators' override directory first. */
NEOERR *lang_tree_read(HDF *hdf, const char *code);
#endif
