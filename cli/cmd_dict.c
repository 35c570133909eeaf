/*
 * cmd_dict.c - dictionary commands:
 *
 *   clio lookup "TEXT" [--date YYYY-MM-DD] [--data DIR] [--dict DIR]
 *       what the dictionaries make of a phrase, and why (file:line)
 *   clio dict check FILE|DIR... [--data DIR]
 *       validate dictionary files; exit 5 with FILE:LINE messages if broken
 *   clio dict import-phoenix FILE [-o OUT.txt]
 *       convert a TABARI/PETRARCH actor or agent file to clio's format
 *
 * Uses only include/clio.h.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int lookup_usage(FILE *f)
{
    fputs("usage: clio lookup \"TEXT\" [--date YYYY-MM-DD] [--data DIR] [--dict DIR]\n"
          "  Shows the actor entries (code, kind, file:line; persons with their office on the\n"
          "  date), role nouns and event patterns the dictionaries hold for a phrase.\n"
          "  --date D     resolve persons' offices and dated actors on D (default: latest)\n"
          "  --data DIR   compiled data directory (default: $CLIO_DATA, else the build's)\n"
          "  --dict DIR   user dictionary files overlaid on the built-in ones\n", f);
    return f == stdout ? EXIT_OK_ALL : EXIT_USAGE;
}

int cmd_lookup(int argc, char **argv)
{
    const char *date = NULL, *data = NULL, *dict = NULL;
    clio_buf text = { 0 };
    int rc = EXIT_OK_ALL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { clio_buf_free(&text); return lookup_usage(stdout); }
        if ((!strcmp(a, "--date") || !strcmp(a, "--data") || !strcmp(a, "--dict"))) {
            if (i + 1 >= argc) { cli_error("%s needs a value", a); clio_buf_free(&text); return lookup_usage(stderr); }
            const char *v = argv[++i];
            if (!strcmp(a, "--date")) date = v; else if (!strcmp(a, "--data")) data = v; else dict = v;
            continue;
        }
        if (a[0] == '-' && a[1]) { cli_error("unknown option '%s'", a); clio_buf_free(&text); return lookup_usage(stderr); }
        size_t l = strlen(a);
        char *nd = realloc(text.data, text.len + l + 2);
        if (!nd) { clio_buf_free(&text); return EXIT_INTERNAL; }
        text.data = nd;
        if (text.len) text.data[text.len++] = ' ';
        memcpy(text.data + text.len, a, l);
        text.len += l;
        text.data[text.len] = 0;
        text.cap = text.len + 1;
    }
    if (!text.len) { clio_buf_free(&text); return lookup_usage(stderr); }
    /* only the dictionary image is needed: load it without an engine */
    char image[1200];
    if (data) snprintf(image, sizeof image, "%s/lexicon.img", data);
    clio_buf out = { 0 };
    clio_error err;
    memset(&err, 0, sizeof err);
    int r = clio_lookup_image(data ? image : NULL, dict, text.data, text.len, date, &out, &err);
    if (r < 0) {
        cli_report(&err);
        rc = r == CLIO_ERR_USAGE ? EXIT_USAGE : r == CLIO_ERR_NOMEM ? EXIT_INTERNAL :
             r == CLIO_ERR_DICT ? EXIT_CHECK : r == CLIO_ERR_IO ? EXIT_DATA : EXIT_DATA;
    } else if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len) rc = EXIT_IO;
    clio_buf_free(&out);
    clio_buf_free(&text);
    return rc;
}

static int dict_usage(FILE *f)
{
    fputs("usage: clio dict check FILE|DIR... [--data DIR]\n"
          "         validate dictionary files (docs/DICTIONARIES.md); CAMEO codes are also looked\n"
          "         up in DIR/lexicon.img; exit 5 with FILE:LINE messages when a line is broken\n"
          "       clio dict import-phoenix FILE [-o OUT.txt]\n"
          "         convert a TABARI/PETRARCH actor or agent dictionary to clio's format;\n"
          "         what cannot be converted is listed on stderr with its line number\n", f);
    return f == stdout ? EXIT_OK_ALL : EXIT_USAGE;
}

static int read_all(const char *path, clio_buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) {
        if (b->len + k + 1 > b->cap) {
            size_t nc = b->cap ? b->cap * 2 : 65536;
            while (nc < b->len + k + 1) nc *= 2;
            char *nd = realloc(b->data, nc);
            if (!nd) { fclose(f); return -1; }
            b->data = nd; b->cap = nc;
        }
        memcpy(b->data + b->len, tmp, k);
        b->len += k;
    }
    int bad = ferror(f);
    fclose(f);
    return bad ? -1 : 0;
}

static int dict_check(int argc, char **argv)
{
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t n = 0;
    const char *data = NULL;
    if (!paths) return EXIT_INTERNAL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--data") && i + 1 < argc) { data = argv[++i]; continue; }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { free(paths); return dict_usage(stdout); }
        if (argv[i][0] == '-' && argv[i][1]) { cli_error("unknown option '%s'", argv[i]); free(paths); return dict_usage(stderr); }
        paths[n++] = argv[i];
    }
    if (!n) { free(paths); return dict_usage(stderr); }
    char image[1200];
    if (data) snprintf(image, sizeof image, "%s/lexicon.img", data);
    clio_buf report = { 0 };
    int r = clio_dict_check(paths, n, data ? image : NULL, &report);
    if (report.len) fwrite(report.data, 1, report.len, r ? stderr : stdout);
    clio_buf_free(&report);
    free(paths);
    return r == 0 ? EXIT_OK_ALL : r == CLIO_ERR_DICT ? EXIT_CHECK : r == CLIO_ERR_IO ? EXIT_IO : EXIT_INTERNAL;
}

static int dict_import(int argc, char **argv)
{
    const char *in = NULL, *outp = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc) { outp = argv[++i]; continue; }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return dict_usage(stdout);
        if (argv[i][0] == '-' && argv[i][1]) { cli_error("unknown option '%s'", argv[i]); return dict_usage(stderr); }
        if (in) { cli_error("import-phoenix takes one file"); return dict_usage(stderr); }
        in = argv[i];
    }
    if (!in) return dict_usage(stderr);
    clio_buf text = { 0 }, out = { 0 }, report = { 0 };
    if (read_all(in, &text)) { cli_error("cannot read %s", in); clio_buf_free(&text); return EXIT_IO; }
    size_t conv = 0, skip = 0;
    int r = clio_dict_import_phoenix(text.data ? text.data : "", text.len, in, &out, &report, &conv, &skip);
    clio_buf_free(&text);
    if (r < 0) { clio_buf_free(&out); clio_buf_free(&report); return EXIT_INTERNAL; }
    if (report.len) fwrite(report.data, 1, report.len, stderr);
    int rc = EXIT_OK_ALL;
    FILE *f = outp ? fopen(outp, "wb") : stdout;
    if (!f || fwrite(out.data, 1, out.len, f) != out.len) { cli_error("cannot write %s", outp ? outp : "stdout"); rc = EXIT_IO; }
    if (f && f != stdout && fclose(f)) rc = EXIT_IO;
    fprintf(stderr, "clio: import-phoenix: %zu entries converted, %zu not converted (listed above)\n", conv, skip);
    clio_buf_free(&out);
    clio_buf_free(&report);
    return rc;
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2) return dict_usage(stderr);
    if (!strcmp(argv[1], "check")) return dict_check(argc - 1, argv + 1);
    if (!strcmp(argv[1], "import-phoenix")) return dict_import(argc - 1, argv + 1);
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) return dict_usage(stdout);
    cli_error("unknown dict command '%s'", argv[1]);
    return dict_usage(stderr);
}
