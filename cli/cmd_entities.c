/*
 * cmd_entities.c - `clio entities [OPTIONS] [FILE|-]...`: for each document,
 * one JSON line with its addresses, people (with their office on the
 * document's date), organisations, places and dates, each with its byte
 * span (clio_entities in include/clio.h).  One thread; documents are read
 * one at a time, so memory follows the largest document.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void entities_usage(FILE *f)
{
    fprintf(f,
            "usage: clio entities [OPTIONS] [FILE|-]...\n"
            "  --date YYYY-MM-DD   date of plain-text documents (anchors relative dates)\n"
            "  --id ID             id of a plain-text document (default: the file name)\n"
            "  --input auto|text|jsonl   input format (default: sniffed per file)\n"
            "  --lenient           replace invalid UTF-8 with U+FFFD instead of skipping the document\n"
            "  --data DIR          compiled data directory (default: the build's)\n"
            "  --dict DIR          extra dictionary files\n");
}

int cmd_entities(int argc, char **argv)
{
    const char *date = NULL, *id = NULL, *data_dir = NULL, *dict_dir = NULL;
    int input = INPUT_AUTO, lenient = 0;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files)
        return EXIT_INTERNAL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        int needs = !strcmp(a, "--date") || !strcmp(a, "--id") || !strcmp(a, "--data") ||
                    !strcmp(a, "--dict") || !strcmp(a, "--input");
        if (needs && !val) {
            cli_error("%s needs a value", a);
            free(files);
            return EXIT_USAGE;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            entities_usage(stdout);
            free(files);
            return EXIT_OK_ALL;
        } else if (!strcmp(a, "--date")) { date = val; i++; }
        else if (!strcmp(a, "--id")) { id = val; i++; }
        else if (!strcmp(a, "--data")) { data_dir = val; i++; }
        else if (!strcmp(a, "--dict")) { dict_dir = val; i++; }
        else if (!strcmp(a, "--input")) {
            i++;
            if (!strcmp(val, "auto")) input = INPUT_AUTO;
            else if (!strcmp(val, "text")) input = INPUT_TEXT;
            else if (!strcmp(val, "jsonl")) input = INPUT_JSONL;
            else {
                cli_error("--input: expected auto, text or jsonl, got '%s'", val);
                free(files);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--lenient")) lenient = 1;
        else if (a[0] == '-' && a[1]) {
            cli_error("entities: unknown option '%s'", a);
            entities_usage(stderr);
            free(files);
            return EXIT_USAGE;
        } else files[nfiles++] = a;
    }
    if (date && strlen(date) != 10) {
        cli_error("--date: expected YYYY-MM-DD, got '%s'", date);
        free(files);
        return EXIT_USAGE;
    }
    if (!nfiles)
        files[nfiles++] = "-";
    clio_engine *engine = NULL;
    int rc = cli_engine_open(data_dir, dict_dir,
                             CLIO_STAGE_SEGMENT | CLIO_STAGE_SYNTAX | CLIO_STAGE_LEXICON |
                             CLIO_STAGE_WHERE | CLIO_STAGE_WHEN, &engine);
    if (rc) {
        free(files);
        return rc;
    }
    clio_worker *w = clio_worker_new(engine);
    if (!w) {
        clio_engine_free(engine);
        free(files);
        return EXIT_INTERNAL;
    }
    clio_process_options popt;
    clio_process_default_options(&popt);
    popt.lenient = lenient;
    int bad = 0;
    clio_buf out = {0};
    for (size_t fi = 0; fi < nfiles && rc == 0; fi++) {
        cli_reader rd;
        int orc = reader_open(&rd, files[fi], input, id, date);
        if (orc) {
            rc = orc;
            break;
        }
        cli_doc doc;
        memset(&doc, 0, sizeof doc);
        int more;
        while ((more = reader_next(&rd, &doc)) == 1) {
            if (doc.bad) {
                cli_report(&doc.err);
                bad = 1;
            } else {
                clio_input in;
                clio_error err;
                memset(&err, 0, sizeof err);
                cli_doc_input(&doc, &in);
                out.len = 0;
                int r = clio_entities(w, &in, &popt, &out, &err);
                if (r == CLIO_ERR_NOMEM) {
                    cli_report(&err);
                    rc = EXIT_INTERNAL;
                } else if (r < 0) {
                    size_t wl = strlen(doc.where);
                    if (wl >= sizeof err.file)
                        wl = sizeof err.file - 1;
                    memcpy(err.file, doc.where, wl);
                    err.file[wl] = 0;
                    cli_report(&err);
                    bad = 1;
                } else if (fwrite(out.data, 1, out.len, stdout) != out.len) {
                    cli_error("cannot write output");
                    rc = EXIT_IO;
                }
            }
            cli_doc_clear(&doc);
            if (rc)
                break;
        }
        if (more < 0)
            rc = EXIT_IO;
        reader_close(&rd);
    }
    if (fflush(stdout) != 0 && !rc) {
        cli_error("cannot write output");
        rc = EXIT_IO;
    }
    clio_buf_free(&out);
    clio_worker_free(w);
    clio_engine_free(engine);
    free(files);
    if (rc)
        return rc;
    return bad ? EXIT_SOME_BAD : EXIT_OK_ALL;
}
