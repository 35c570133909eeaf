/* cmd_explain.c - `clio explain FILE`: each sentence with its actors, dates
 * and places, every event with the rule and path that produced it, and every
 * predicate that produced nothing with the reason. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_explain(int argc, char **argv)
{
    const char *date = NULL, *id = NULL, *data_dir = NULL, *dict_dir = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--date") && i + 1 < argc) date = argv[++i];
        else if (!strcmp(argv[i], "--id") && i + 1 < argc) id = argv[++i];
        else if (!strcmp(argv[i], "--data") && i + 1 < argc) data_dir = argv[++i];
        else if (!strcmp(argv[i], "--dict") && i + 1 < argc) dict_dir = argv[++i];
        else if (!strcmp(argv[i], "--help")) {
            printf("usage: clio explain [--date YYYY-MM-DD] [--id ID] [--dict DIR] FILE|-\n");
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("explain: unknown option '%s'", argv[i]);
            return EXIT_USAGE;
        } else path = argv[i];
    }
    if (!path)
        path = "-";
    clio_engine *engine;
    int rc = cli_engine_open(data_dir, dict_dir, 0, &engine);
    if (rc)
        return rc;
    clio_worker *w = clio_worker_new(engine);
    cli_reader rd;
    if (reader_open(&rd, path, INPUT_AUTO, id, date)) {
        clio_worker_free(w);
        clio_engine_free(engine);
        return EXIT_IO;
    }
    cli_doc doc;
    int got, bad = 0;
    while ((got = reader_next(&rd, &doc)) > 0) {
        if (doc.bad) {
            cli_report(&doc.err);
            bad++;
            cli_doc_clear(&doc);
            continue;
        }
        clio_input in;
        cli_doc_input(&doc, &in);
        clio_error err;
        clio_process_options po;
        clio_process_default_options(&po);
        po.explain = 1;
        clio_doc *d = clio_process(w, &in, &po, &err);
        if (!d) {
            cli_report(&err);
            bad++;
        } else {
            clio_buf out = {0};
            clio_emit(d, CLIO_FORMAT_EXPLAIN, &out);
            fwrite(out.data, 1, out.len, stdout);
            clio_buf_free(&out);
            clio_doc_free(d);
        }
        cli_doc_clear(&doc);
    }
    reader_close(&rd);
    clio_worker_free(w);
    clio_engine_free(engine);
    if (got < 0)
        return EXIT_IO;
    return bad ? EXIT_SOME_BAD : EXIT_OK_ALL;
}
