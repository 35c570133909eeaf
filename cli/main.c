/*
 * main.c - the clio command: dispatches to sub-commands (cli.h).
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("usage: clio COMMAND [OPTIONS] [FILE...]\n"
          "\n"
          "commands:\n"
          "  code [FILE|-]...      code events (text or JSON Lines documents)\n"
          "  explain FILE          show, sentence by sentence, how events were found\n"
          "  segment [FILE|-]...   print sentences and tokens with byte offsets (JSONL)\n"
          "  parse [FILE|-]        print the syntax (CoNLL-U)\n"
          "  entities FILE         addresses, people, organisations, places, dates\n"
          "  eval GOLD             score the coder against gold events\n"
          "  eval-syntax GOLD.conllu  score the tagger and parser\n"
          "  lookup \"TEXT\"         what the dictionaries make of a phrase\n"
          "  dict check|import-phoenix ...  dictionary tools\n"
          "  version               print the version\n"
          "\n"
          "Run 'clio COMMAND --help' for a command's options.  Exit codes: 0 ok, 1 some documents\n"
          "skipped (bad input), 2 usage, 3 I/O, 4 data files, 5 check failed, 70 internal.\n",
          f);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    argc--;
    argv++;
    if (!strcmp(cmd, "code")) return cmd_code(argc, argv);
    if (!strcmp(cmd, "segment")) return cmd_segment(argc, argv);
    if (!strcmp(cmd, "explain")) return cmd_explain(argc, argv);
    if (!strcmp(cmd, "eval")) return cmd_eval(argc, argv);
    if (!strcmp(cmd, "parse")) return cmd_parse(argc, argv);
    if (!strcmp(cmd, "eval-syntax")) return cmd_eval_syntax(argc, argv);
    if (!strcmp(cmd, "lookup")) return cmd_lookup(argc, argv);
    if (!strcmp(cmd, "dict")) return cmd_dict(argc, argv);
    if (!strcmp(cmd, "entities")) return cmd_entities(argc, argv);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("clio %s\n", CLIO_VERSION);
        return EXIT_OK_ALL;
    }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage(stdout);
        return EXIT_OK_ALL;
    }
    cli_error("unknown command '%s'", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
