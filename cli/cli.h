/* cli.h - the sub-commands of the clio program.  Each returns an exit code
 * (see README "Exit codes").  The CLI uses only include/clio.h. */
#ifndef CLIO_CLI_H
#define CLIO_CLI_H
#include "clio.h"

enum cli_exit {
    EXIT_OK_ALL    = 0,  /* every document processed */
    EXIT_SOME_BAD  = 1,  /* some documents were skipped (invalid input); others were coded */
    EXIT_USAGE     = 2,  /* bad command line */
    EXIT_IO        = 3,  /* a file could not be read or output could not be written */
    EXIT_DATA      = 4,  /* models, dictionaries or gazetteer missing or corrupt */
    EXIT_CHECK     = 5,  /* a check found problems (dict check, eval thresholds) */
    EXIT_INTERNAL  = 70  /* out of memory or a bug */
};

int cmd_code(int argc, char **argv);        /* cli/cmd_code.c */
int cmd_segment(int argc, char **argv);     /* cli/cmd_code.c */
int cmd_explain(int argc, char **argv);     /* cli/cmd_explain.c */
int cmd_eval(int argc, char **argv);        /* cli/cmd_eval.c */
int cmd_parse(int argc, char **argv);       /* cli/cmd_syntax.c */
int cmd_eval_syntax(int argc, char **argv); /* cli/cmd_syntax.c */
int cmd_lookup(int argc, char **argv);      /* cli/cmd_dict.c */
int cmd_dict(int argc, char **argv);        /* cli/cmd_dict.c: check, import-phoenix */
int cmd_entities(int argc, char **argv);    /* cli/cmd_entities.c */

/* Shared helpers (cli/common.c) */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_report(const clio_error *e);       /* prints "clio: FILE:LINE: byte N: message" */
int  cli_engine_open(const char *data_dir, const char *dict_dir, unsigned stages,
                     clio_engine **out);    /* returns exit code */
#endif

/* ---- input (cli/input.c): documents from files or stdin ---- */
#include <stdio.h>
enum { INPUT_AUTO = 0, INPUT_TEXT = 1, INPUT_JSONL = 2 };

typedef struct cli_doc {
    char *id, *date, *title, *url;     /* NUL-terminated, owned */
    char *text; size_t text_len;       /* owned */
    clio_json *json;                   /* owns strings for JSONL documents */
    char where[300];                   /* "FILE" or "FILE:LINE" for messages */
    int bad;                           /* 1: unreadable document (err filled) */
    clio_error err;
} cli_doc;

typedef struct cli_reader {
    FILE *f;
    const char *path;                  /* "-" for stdin */
    int mode;                          /* INPUT_TEXT or INPUT_JSONL once known */
    int done;
    unsigned long line;
    const char *id, *date;             /* --id, --date for text documents */
    char *pending; size_t pending_len; /* bytes read while sniffing */
    char *linebuf; size_t linecap;
} cli_reader;

/* Opens path ("-" = stdin); returns 0 or EXIT_IO after printing a message. */
int  reader_open(cli_reader *r, const char *path, int mode, const char *id, const char *date);
/* 1: a document (maybe bad), 0: end of input, -1: read error (printed). */
int  reader_next(cli_reader *r, cli_doc *d);
void reader_close(cli_reader *r);
void cli_doc_clear(cli_doc *d);
/* Fill a clio_input from a cli_doc (pointers into it). */
void cli_doc_input(const cli_doc *d, clio_input *in);
