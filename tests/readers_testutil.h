/*
 * readers_testutil.h — helpers shared by test_readers.c and test_ooxml.c:
 * reading from memory (expecting success or failure), finding a line by
 * its first cell, comparing a line's cells, writing files and zips in the
 * test's temporary folder.
 */
#ifndef YS_READERS_TESTUTIL_H
#define YS_READERS_TESTUTIL_H

#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "yusuan/doc.h"
#include "ooxml.h"

static char tmpdir[256];   /* made by the group setup */

/* ---- helpers ---------------------------------------------------------- */

static inline ys_doc *read_ok(const char *name, const void *buf, size_t n)
{
    ys_doc *d = NULL;
    ys_error e = {0};
    int rc = ys_doc_read_mem(name, buf, n, &d, &e);
    if (rc != YS_OK)
        print_message("unexpected error: %s: %s (%s)\n", e.file, e.msg, e.where);
    assert_int_equal(rc, YS_OK);
    return d;
}

static inline int read_bad(const char *name, const void *buf, size_t n, ys_error *e)
{
    ys_doc *d = NULL;
    memset(e, 0, sizeof *e);
    int rc = ys_doc_read_mem(name, buf, n, &d, e);
    assert_null(d);
    assert_int_not_equal(rc, YS_OK);
    assert_string_equal(e->file, name);      /* the message names the file */
    assert_true(strlen(e->msg) > 0);
    return rc;
}

/* Find the line whose first non-empty cell is `first`, or NULL. */
static inline const ys_line *find_line(const ys_doc *d, const char *first)
{
    for (size_t i = 0; i < d->nlines; i++)
        for (int k = 0; k < d->lines[i].ncells; k++)
            if (d->lines[i].cells[k][0]) {
                if (strcmp(d->lines[i].cells[k], first) == 0)
                    return &d->lines[i];
                break;
            }
    return NULL;
}

/* The line's cells equal want[] (NULL-terminated). */
static inline void assert_cells(const ys_line *l, const char *const *want)
{
    assert_non_null(l);
    int n = 0;
    while (want[n])
        n++;
    for (int k = 0; k < n && k < l->ncells; k++)
        if (strcmp(l->cells[k], want[k]) != 0)
            print_message("cell %d: got \"%s\", want \"%s\"\n", k, l->cells[k], want[k]);
    assert_int_equal(l->ncells, n);
    for (int k = 0; k < n; k++)
        assert_string_equal(l->cells[k], want[k]);
}

static inline void write_file(const char *path, const void *buf, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, n, f), n);
    fclose(f);
}

/* A zip of name/content pairs (NULL-terminated), read back into memory. */
static inline unsigned char *make_zip(const char *const *parts, size_t *n)
{
    char path[300];
    snprintf(path, sizeof path, "%s/made.zip", tmpdir);
    unlink(path);
    int zerr;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    assert_non_null(z);
    for (int i = 0; parts[i]; i += 2) {
        zip_source_t *s = zip_source_buffer(z, parts[i + 1], strlen(parts[i + 1]), 0);
        assert_true(zip_file_add(z, parts[i], s, ZIP_FL_ENC_UTF_8) >= 0);
    }
    assert_int_equal(zip_close(z), 0);
    return (unsigned char *)ys_test_slurp(path, n);
}

#endif
