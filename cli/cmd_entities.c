/* cmd_entities.c - placeholder until the stage lands; replaced by its owner. */
#include "cli.h"
#include <stdio.h>
int cmd_entities(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "clio: this command is not built yet\n"); return EXIT_USAGE; }
