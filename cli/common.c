/* common.c - helpers shared by the sub-commands: messages and engine set-up. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("clio: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_report(const clio_error *e)
{
    fputs("clio: ", stderr);
    if (e->file[0])
        fprintf(stderr, "%s:", e->file);
    if (e->line)
        fprintf(stderr, "%u:", e->line);
    if (e->code == CLIO_ERR_UTF8 || e->code == CLIO_ERR_JSON)
        fprintf(stderr, " byte %zu:", e->offset);
    fprintf(stderr, " %s (%s)\n", e->message, clio_status_name(e->code));
}

int cli_engine_open(const char *data_dir, const char *dict_dir, unsigned stages, clio_engine **out)
{
    clio_engine_options opt;
    clio_engine_default_options(&opt);
    opt.data_dir = data_dir;
    opt.user_dict_dir = dict_dir;
    opt.stages = stages;
    clio_error err;
    memset(&err, 0, sizeof err);
    *out = clio_engine_new(&opt, &err);
    if (!*out) {
        cli_report(&err);
        return err.code == CLIO_ERR_NOMEM ? EXIT_INTERNAL : err.code == CLIO_ERR_DICT ? EXIT_CHECK : EXIT_DATA;
    }
    return EXIT_OK_ALL;
}
