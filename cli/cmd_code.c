/*
 * cmd_code.c - `clio code` and `clio segment`: read documents, process them
 * on N threads, write output in input order, summarise at the end.
 *
 * Documents are handled in batches (up to 8 per thread, or 64 MiB of text):
 * the batch is processed in parallel, each thread taking the next index,
 * then written in order.  Memory follows the batch, not the input.
 */
#include "cli.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --dedup day: one event per (date, source, target, code) across documents */
typedef struct dd_entry {
    char key[64];
    char *line;            /* first occurrence's JSON line without the final "}\n" */
    unsigned mentions;
    char **ids;
    size_t nids, capids;
} dd_entry;

typedef struct dedup {
    dd_entry *v;
    size_t n, cap;
    size_t *table;         /* open addressing, index+1 */
    size_t tcap;
} dedup;

static size_t dd_hash(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static int dd_grow(dedup *D)
{
    size_t ncap = D->tcap ? D->tcap * 2 : 1024;
    size_t *nt = calloc(ncap, sizeof *nt);
    if (!nt)
        return -1;
    for (size_t i = 0; i < D->n; i++) {
        size_t h = dd_hash(D->v[i].key) & (ncap - 1);
        while (nt[h])
            h = (h + 1) & (ncap - 1);
        nt[h] = i + 1;
    }
    free(D->table);
    D->table = nt;
    D->tcap = ncap;
    return 0;
}

static int dd_add(dedup *D, const clio_doc *d, size_t i)
{
    clio_event_info e;
    clio_doc_event(d, i, &e);
    char key[64];
    snprintf(key, sizeof key, "%.12s|%.15s|%.15s|%.7s", e.date, e.source, e.target, e.code);
    if ((D->n + 1) * 2 > D->tcap && dd_grow(D))
        return -1;
    size_t h = dd_hash(key) & (D->tcap - 1);
    while (D->table[h] && strcmp(D->v[D->table[h] - 1].key, key))
        h = (h + 1) & (D->tcap - 1);
    size_t len;
    const char *id = clio_doc_id(d, &len);
    dd_entry *x;
    if (D->table[h]) {
        x = &D->v[D->table[h] - 1];
        x->mentions += e.mentions;
    } else {
        if (D->n == D->cap) {
            size_t nc = D->cap ? D->cap * 2 : 256;
            dd_entry *nv = realloc(D->v, nc * sizeof *nv);
            if (!nv)
                return -1;
            D->v = nv;
            D->cap = nc;
        }
        x = &D->v[D->n];
        memset(x, 0, sizeof *x);
        snprintf(x->key, sizeof x->key, "%s", key);
        clio_buf b = {0};
        if (clio_emit_event(d, i, CLIO_FORMAT_JSONL, &b) || b.len < 2)
            return -1;
        b.len -= 2; /* drop "}\n" */
        b.data[b.len] = 0;
        x->line = b.data;
        x->mentions = e.mentions;
        D->table[h] = ++D->n;
    }
    if (x->nids && !strcmp(x->ids[x->nids - 1], id))
        return 0;
    if (x->nids == x->capids) {
        size_t nc = x->capids ? x->capids * 2 : 4;
        char **ni = realloc(x->ids, nc * sizeof *ni);
        if (!ni)
            return -1;
        x->ids = ni;
        x->capids = nc;
    }
    x->ids[x->nids] = strndup(id, len);
    if (!x->ids[x->nids])
        return -1;
    x->nids++;
    return 0;
}

static void dd_write_json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
    putchar('"');
}

static void dd_flush(dedup *D)
{
    for (size_t i = 0; i < D->n; i++) {
        dd_entry *x = &D->v[i];
        fputs(x->line, stdout);
        printf(",\"dedup\":{\"mentions\":%u,\"documents\":%zu,\"doc_ids\":[", x->mentions, x->nids);
        for (size_t k = 0; k < x->nids; k++) {
            if (k)
                putchar(',');
            dd_write_json_string(x->ids[k]);
            free(x->ids[k]);
        }
        printf("]}}\n");
        free(x->ids);
        free(x->line);
    }
    free(D->v);
    free(D->table);
}

typedef struct job {
    cli_doc doc;
    clio_buf out;
    clio_doc *kept;     /* --dedup: the processed document, read after the batch */
    clio_doc_summary sum;
    int failed;
    clio_error err;
} job;

typedef struct run {
    const clio_engine *engine;
    clio_process_options popt;
    clio_format format;
    job *jobs;
    size_t njobs;
    atomic_size_t next;
    int oom;
    int keep_docs;
} run;

typedef struct opts {
    const char *date, *id, *data_dir, *dict_dir;
    int input, threads, lenient, progress, quiet, date_policy, dedup_day;
    clio_format format;
    int format_set;
} opts;

static void process_job(run *R, clio_worker *w, job *j)
{
    if (j->doc.bad) {
        j->failed = 1;
        j->err = j->doc.err;
        return;
    }
    clio_input in;
    cli_doc_input(&j->doc, &in);
    clio_doc *d = clio_process(w, &in, &R->popt, &j->err);
    if (!d) {
        j->failed = 1;
        if (j->err.code == CLIO_ERR_NOMEM)
            R->oom = 1;
        /* name the input file (and line) as well as the document id */
        char idbuf[sizeof j->err.file];
        snprintf(idbuf, sizeof idbuf, "%s", j->err.file);
        snprintf(j->err.file, sizeof j->err.file, "%.250s", j->doc.where);
        if (idbuf[0] && strcmp(idbuf, j->doc.where)) {
            char m[sizeof j->err.message];
            snprintf(m, sizeof m, "%.150s (document %.80s)", j->err.message, idbuf);
            snprintf(j->err.message, sizeof j->err.message, "%s", m);
        }
        return;
    }
    clio_doc_get_summary(d, &j->sum);
    if (R->keep_docs) {
        j->kept = d;
        return;
    }
    if (clio_emit(d, R->format, &j->out))
        R->oom = 1;
    clio_doc_free(d);
}

static void *worker_main(void *arg)
{
    run *R = arg;
    clio_worker *w = clio_worker_new(R->engine);
    if (!w) {
        R->oom = 1;
        return NULL;
    }
    for (;;) {
        size_t i = atomic_fetch_add(&R->next, 1);
        if (i >= R->njobs)
            break;
        process_job(R, w, &R->jobs[i]);
    }
    clio_worker_free(w);
    return NULL;
}

static int parse_format(const char *s, clio_format *f)
{
    if (!strcmp(s, "jsonl") || !strcmp(s, "json")) *f = CLIO_FORMAT_JSONL;
    else if (!strcmp(s, "tsv")) *f = CLIO_FORMAT_TSV;
    else if (!strcmp(s, "table")) *f = CLIO_FORMAT_TABLE;
    else return -1;
    return 0;
}

static void code_usage(FILE *f, const char *cmd)
{
    fprintf(f,
            "usage: clio %s [OPTIONS] [FILE|-]...\n"
            "  --date YYYY-MM-DD   date of plain-text documents (JSON Lines carry their own)\n"
            "  --id ID             id of a plain-text document (default: the file name)\n"
            "  --input auto|text|jsonl   input format (default: sniffed per file)\n"
            "%s"
            "  --lenient           replace invalid UTF-8 with U+FFFD instead of skipping the document\n"
            "  -j N                process documents on N threads (output stays in input order)\n"
            "  --progress, --quiet progress bar on stderr / no summary\n"
            "  --data DIR          compiled data directory (default: the build's)\n"
            "%s",
            cmd,
            strcmp(cmd, "code") ? "" : "  --format jsonl|tsv|table   output (default: table on a terminal, else jsonl)\n",
            strcmp(cmd, "code") ? "" :
            "  --dict DIR          extra dictionary files (override the built-in ones)\n"
            "  --date-policy event|story  date events by their own expression (default) or the story\n"
            "  --dedup day         one event per (date, source, target, code) across documents, with\n"
            "                      mentions and document ids (JSON Lines, written at the end)\n");
}

static int run_command(int argc, char **argv, int segment_only)
{
    const char *cmd = segment_only ? "segment" : "code";
    opts o;
    memset(&o, 0, sizeof o);
    o.threads = 1;
    o.progress = -1;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files)
        return EXIT_INTERNAL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = (i + 1 < argc) ? argv[i + 1] : NULL;
#define NEED_VAL() do { if (!val) { cli_error("%s needs a value", a); free(files); return EXIT_USAGE; } i++; } while (0)
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { code_usage(stdout, cmd); free(files); return 0; }
        else if (!strcmp(a, "--date")) { NEED_VAL(); o.date = val; }
        else if (!strcmp(a, "--id")) { NEED_VAL(); o.id = val; }
        else if (!strcmp(a, "--data")) { NEED_VAL(); o.data_dir = val; }
        else if (!strcmp(a, "--dict")) { NEED_VAL(); o.dict_dir = val; }
        else if (!strcmp(a, "--input")) {
            NEED_VAL();
            if (!strcmp(val, "auto")) o.input = INPUT_AUTO;
            else if (!strcmp(val, "text")) o.input = INPUT_TEXT;
            else if (!strcmp(val, "jsonl")) o.input = INPUT_JSONL;
            else { cli_error("--input: expected auto, text or jsonl, got '%s'", val); free(files); return EXIT_USAGE; }
        }
        else if (!strcmp(a, "--format")) {
            NEED_VAL();
            if (segment_only || parse_format(val, &o.format)) { cli_error("--format: expected jsonl, tsv or table, got '%s'", val); free(files); return EXIT_USAGE; }
            o.format_set = 1;
        }
        else if (!strcmp(a, "--date-policy")) {
            NEED_VAL();
            if (!strcmp(val, "event")) o.date_policy = CLIO_DATE_EVENT;
            else if (!strcmp(val, "story")) o.date_policy = CLIO_DATE_STORY;
            else { cli_error("--date-policy: expected event or story"); free(files); return EXIT_USAGE; }
        }
        else if (!strcmp(a, "--dedup")) {
            NEED_VAL();
            if (strcmp(val, "day")) { cli_error("--dedup: only 'day' is supported"); free(files); return EXIT_USAGE; }
            o.dedup_day = 1;
        }
        else if (!strcmp(a, "--lenient")) o.lenient = 1;
        else if (!strcmp(a, "--progress")) o.progress = 1;
        else if (!strcmp(a, "--quiet")) { o.quiet = 1; o.progress = 0; }
        else if (!strcmp(a, "-j") || !strncmp(a, "-j", 2)) {
            const char *n = a[2] ? a + 2 : val;
            if (!a[2]) NEED_VAL();
            char *end;
            long t = n ? strtol(n, &end, 10) : 0;
            if (!n || *end || t < 1 || t > 256) { cli_error("-j: expected a thread count 1..256"); free(files); return EXIT_USAGE; }
            o.threads = (int)t;
        }
        else if (a[0] == '-' && a[1]) { cli_error("%s: unknown option '%s'", cmd, a); code_usage(stderr, cmd); free(files); return EXIT_USAGE; }
        else files[nfiles++] = a;
#undef NEED_VAL
    }
    if (o.date) {
        clio_json *probe = NULL;
        (void)probe;
        int ok = strlen(o.date) == 10;
        if (!ok) { cli_error("--date: expected YYYY-MM-DD, got '%s'", o.date); free(files); return EXIT_USAGE; }
    }
    if (!nfiles)
        files[nfiles++] = "-";
    if (!o.format_set)
        o.format = isatty(STDOUT_FILENO) ? CLIO_FORMAT_TABLE : CLIO_FORMAT_JSONL;
    if (segment_only)
        o.format = CLIO_FORMAT_SEGMENTS;
    if (o.progress < 0)
        o.progress = isatty(STDERR_FILENO) && !o.quiet;

    clio_engine *engine = NULL;
    int rc = cli_engine_open(o.data_dir, o.dict_dir, segment_only ? CLIO_STAGE_SEGMENT : CLIO_STAGE_ALL, &engine);
    if (rc) {
        free(files);
        return rc;
    }
    run R;
    memset(&R, 0, sizeof R);
    R.engine = engine;
    clio_process_default_options(&R.popt);
    R.popt.lenient = o.lenient;
    R.popt.date_policy = o.date_policy;
    R.popt.explain = o.format == CLIO_FORMAT_EXPLAIN;
    R.popt.stages = segment_only ? CLIO_STAGE_SEGMENT : 0;
    R.format = o.format;
    R.keep_docs = o.dedup_day && !segment_only;
    dedup DD;
    memset(&DD, 0, sizeof DD);
    size_t batch_cap = (size_t)o.threads * 8;
    R.jobs = calloc(batch_cap, sizeof *R.jobs);
    if (!R.jobs) {
        clio_engine_free(engine);
        free(files);
        return EXIT_INTERNAL;
    }
    if (o.dedup_day && o.format != CLIO_FORMAT_JSONL) {
        o.format = CLIO_FORMAT_JSONL;
        R.format = CLIO_FORMAT_JSONL;
    }
    clio_buf head = {0};
    if (!o.dedup_day && clio_emit_header(o.format, &head) == 0 && head.len)
        fwrite(head.data, 1, head.len, stdout);
    clio_buf_free(&head);

    size_t ndocs = 0, nsent = 0, nevents = 0, nbad = 0, nbp = 0, nrepl = 0;
    int io_error = 0;
    for (size_t fi = 0; fi < nfiles && !io_error && !R.oom; fi++) {
        cli_reader rd;
        int orc = reader_open(&rd, files[fi], o.input, o.id, o.date);
        if (orc) {
            io_error = 1;
            rc = orc;
            break;
        }
        int more = 1;
        while (more && !R.oom) {
            /* fill a batch */
            R.njobs = 0;
            size_t bytes = 0;
            while (R.njobs < batch_cap && bytes < ((size_t)64 << 20)) {
                job *j = &R.jobs[R.njobs];
                memset(j, 0, sizeof *j);
                int got = reader_next(&rd, &j->doc);
                if (got < 0) {
                    io_error = 1;
                    rc = EXIT_IO;
                    more = 0;
                    break;
                }
                if (got == 0) {
                    more = 0;
                    break;
                }
                bytes += j->doc.text_len;
                R.njobs++;
            }
            atomic_store(&R.next, 0);
            if (o.threads == 1 || R.njobs <= 1) {
                worker_main(&R);
            } else {
                int nt = o.threads < (int)R.njobs ? o.threads : (int)R.njobs;
                pthread_t th[256];
                int started = 0;
                for (int t = 0; t < nt; t++)
                    if (pthread_create(&th[t], NULL, worker_main, &R) == 0)
                        started++;
                if (!started)
                    worker_main(&R);
                for (int t = 0; t < started; t++)
                    pthread_join(th[t], NULL);
            }
            for (size_t k = 0; k < R.njobs; k++) {
                job *j = &R.jobs[k];
                if (j->failed) {
                    cli_report(&j->err);
                    nbad++;
                } else {
                    ndocs++;
                    nsent += j->sum.sentences;
                    nevents += j->sum.events;
                    nbp += j->sum.boilerplate_sentences;
                    nrepl += j->sum.replaced_bytes;
                    if (j->out.len && fwrite(j->out.data, 1, j->out.len, stdout) != j->out.len)
                        io_error = 1;
                    if (j->kept) {
                        for (size_t e = 0; e < clio_doc_event_count(j->kept); e++)
                            if (dd_add(&DD, j->kept, e))
                                R.oom = 1;
                        clio_doc_free(j->kept);
                        j->kept = NULL;
                    }
                }
                clio_buf_free(&j->out);
                cli_doc_clear(&j->doc);
            }
            if (o.progress)
                fprintf(stderr, "\rclio: %zu documents, %zu sentences, %zu events", ndocs, nsent, nevents);
        }
        reader_close(&rd);
    }
    if (R.keep_docs)
        dd_flush(&DD);
    if (fflush(stdout) != 0 && !io_error) {
        cli_error("cannot write output");
        io_error = 1;
    }
    if (o.progress)
        fputc('\n', stderr);
    if (!o.quiet)
        fprintf(stderr, "clio: %zu documents, %zu sentences, %zu events, %zu skipped, %zu boilerplate, %zu replaced bytes\n",
                ndocs, nsent, nevents, nbad, nbp, nrepl);
    free(R.jobs);
    free(files);
    clio_engine_free(engine);
    if (R.oom)
        return EXIT_INTERNAL;
    if (io_error)
        return rc ? rc : EXIT_IO;
    return nbad ? EXIT_SOME_BAD : EXIT_OK_ALL;
}

int cmd_code(int argc, char **argv) { return run_command(argc, argv, 0); }
int cmd_segment(int argc, char **argv) { return run_command(argc, argv, 1); }
