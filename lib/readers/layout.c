/*
 * readers/layout.c — `pdftotext -layout` text as document lines.
 *
 * Positions are counted in code points (pdftotext puts one character,
 * Chinese or not, per grid column).  A line splits into segments at runs
 * of two or more spaces.  Consecutive lines of two or more segments (blank
 * lines between them allowed, and up to three one-segment lines between
 * rows with figures that start where a cell of their neighbours starts: a
 * wrapped name) form a table block; the block's columns are
 * the spans covered by the segments of its rows with figures, every row's
 * segments are then placed in those columns (empty cells where a row has
 * nothing), and a segment that crosses from one column into the next at a
 * single space is cut there.  Other lines are prose: a line that starts
 * at the margin right after a full-width prose line continues it, so a
 * wrapped sentence stays one paragraph.  Form feeds count pages; a lone
 * page number at the top or bottom of a page is dropped.
 * Promise: no = the source line (of the paragraph's first line), page set;
 * invalid UTF-8 is refused with its line.
 */
#include <stdlib.h>
#include <string.h>

#include "yusuan/doc.h"
#include "../text.h"
#include "cells.h"

#define MAX_SEGS 64
#define MAX_COLS 64

typedef struct seg { int x0, x1; size_t b0, b1; } seg;   /* columns, bytes */

typedef struct lline {
    int no, page;
    const char *s;
    size_t n;
    int indent, width, nseg;
    size_t seg0;           /* its segments in the page's pool ... */
    seg *segs;             /* ... pointed at once the page is read */
} lline;

typedef struct col { int x0, x1, figures; } col;   /* figures: a figure stands in it */

struct layout {
    ys_doc *d;
    ys_error *err;
    ys_cells cells;
    seg *pool;             /* segments of the current page's lines */
    size_t npool, cappool;
    int rc;
};

static seg *new_segment(struct layout *L)
{
    if (L->npool == L->cappool) {
        size_t cap = L->cappool ? L->cappool * 2 : 1024;
        seg *v = realloc(L->pool, cap * sizeof *v);
        if (!v)
            return NULL;
        L->pool = v;
        L->cappool = cap;
    }
    return &L->pool[L->npool++];
}

/* Split l into segments (appended to L->pool).  Returns YS_OK/YS_ENOMEM. */
static int split_segments(struct layout *L, lline *l)
{
    int x = 0, in = 0, spaces = 0;
    seg *last = NULL;
    l->nseg = 0;
    l->indent = -1;
    l->seg0 = L->npool;
    l->width = 0;
    for (size_t i = 0; i < l->n;) {
        unsigned char c = (unsigned char)l->s[i];
        size_t k = 1;
        while (i + k < l->n && ((unsigned char)l->s[i + k] & 0xC0) == 0x80)
            k++;
        if (c == ' ' || c == '\t') {
            spaces++;
            if (in && spaces >= 2)
                in = 0;
        } else {
            if (l->indent < 0)
                l->indent = x;
            if (!in && l->nseg < MAX_SEGS) {   /* past the cap: folded into the last */
                if (!(last = new_segment(L)))
                    return YS_ENOMEM;
                *last = (seg){x, x + 1, i, i + k};
                l->nseg++;
            }
            in = 1;
            last->x1 = x + 1;
            last->b1 = i + k;
            l->width = x + 1;
            spaces = 0;
        }
        x++;
        i += k;
    }
    if (l->indent < 0)
        l->indent = 0;
    return YS_OK;
}

static void emit(struct layout *L, const lline *l, int is_row)
{
    if (L->rc == YS_OK && ys_cells_emit(&L->cells, L->d, l->no, l->page, NULL, is_row) != YS_OK)
        L->rc = ys_error_set(L->err, YS_ENOMEM, L->d->path, l->no, "内存不足");
}

/* ---- tables ---------------------------------------------------------- */

static int overlap(int a0, int a1, int b0, int b1)
{
    int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi - lo;
}

/* A segment that reads as a figure: digits, separators, sign, %. */
static int is_figure(const lline *l, const seg *g)
{
    int digits = 0;
    for (size_t i = g->b0; i < g->b1; i++) {
        char ch = l->s[i];
        if (ch >= '0' && ch <= '9')
            digits++;
        else if (!strchr(",.-%", ch))
            return 0;
    }
    return digits > 0;
}

static int has_figure(const lline *l)
{
    for (int k = 0; k < l->nseg; k++)
        if (is_figure(l, &l->segs[k]))
            return 1;
    return 0;
}

#define MAX_WIDTH 1024

/* Mark the grid positions of g that hold a character (not its spaces). */
static void mark_chars(const lline *l, const seg *g, unsigned char *occ)
{
    int x = g->x0;
    for (size_t i = g->b0; i < g->b1 && x < MAX_WIDTH; x++) {
        if (l->s[i] != ' ')
            occ[x] = 1;
        i++;
        while (i < g->b1 && ((unsigned char)l->s[i] & 0xC0) == 0x80)
            i++;
    }
}

/*
 * Columns are the runs of grid positions that hold a character in some
 * row that has figures (headers are centred over their columns, often over
 * several, and would blur them; a block without figures uses all rows).
 * Runs split where no such row has a character: at two or more free
 * positions, or at one when some row of the block has a wide gap there
 * (pdftotext can leave a single space between two columns).
 */
static int block_columns(lline *l, const int *rows, int nrows, col *c)
{
    unsigned char occ[MAX_WIDTH] = {0}, wide[MAX_WIDTH] = {0};
    int figures = 0, nc = 0;
    for (int r = 0; r < nrows; r++)
        figures += has_figure(&l[rows[r]]);
    for (int r = 0; r < nrows; r++) {
        const lline *x = &l[rows[r]];
        for (int k = 0; k < x->nseg; k++) {
            if (!figures || has_figure(x))
                mark_chars(x, &x->segs[k], occ);
            if (k + 1 < x->nseg)
                for (int p = x->segs[k].x1; p < x->segs[k + 1].x0 && p < MAX_WIDTH; p++)
                    wide[p] = 1;
        }
    }
    for (int p = 0; p < MAX_WIDTH;) {
        if (!occ[p]) {
            p++;
            continue;
        }
        int q = p;
        for (;;) {
            while (q < MAX_WIDTH && occ[q])
                q++;
            int g = q;
            while (g < MAX_WIDTH && !occ[g])
                g++;
            if (g < MAX_WIDTH && g - q == 1 && !wide[q])
                q = g;              /* a lone space inside a column */
            else
                break;
        }
        if (nc < MAX_COLS)
            c[nc++] = (col){p, q, 0};
        p = q;
    }
    for (int r = 0; r < nrows; r++)
        for (int k = 0; k < l[rows[r]].nseg; k++)
            for (int i = 0; i < nc && is_figure(&l[rows[r]], &l[rows[r]].segs[k]); i++)
                c[i].figures |= overlap(c[i].x0, c[i].x1, l[rows[r]].segs[k].x0,
                                        l[rows[r]].segs[k].x1) > 0;
    return nc;
}

/* The column a piece [x0,x1) belongs to: most overlap, else nearest; a
 * piece as far from a column of figures on its left as from the column on
 * its right is the right one's (figures stand right-aligned in their
 * cells, so a label centred over a cell lies left of its figures). */
static int column_of(const col *c, int nc, int x0, int x1)
{
    int best = 0, bestv = -(1 << 30);
    for (int i = 0; i < nc; i++) {
        int v = overlap(c[i].x0, c[i].x1, x0, x1);
        if (v <= 0)
            v = -(x0 >= c[i].x1 ? x0 - c[i].x1 : c[i].x0 - x1);
        if (v > bestv || (v == bestv && v < 0 && c[best].figures)) {
            bestv = v;
            best = i;
        }
    }
    return best;
}

/* Cut segment g at single spaces that fall outside every column. */
static int cut_segment(const lline *l, const seg *g, const col *c, int nc, seg *out)
{
    int n = 0, x = g->x0;
    seg cur = *g;
    for (size_t i = g->b0; i < g->b1;) {
        size_t k = 1;
        while (i + k < g->b1 && ((unsigned char)l->s[i + k] & 0xC0) == 0x80)
            k++;
        int inside = 0;
        for (int j = 0; j < nc && !inside; j++)
            inside = x >= c[j].x0 && x < c[j].x1;
        if (l->s[i] == ' ' && !inside && n < MAX_COLS - 1 && i > cur.b0) {
            out[n++] = (seg){cur.x0, x, cur.b0, i};
            cur.x0 = x + 1;
            cur.b0 = i + 1;
        }
        x++;
        i += k;
    }
    out[n++] = cur;
    return n;
}

static void emit_row(struct layout *L, const lline *l, const col *c, int nc)
{
    const char *text[MAX_COLS] = {0};
    size_t len[MAX_COLS] = {0};
    int used[MAX_COLS] = {0};
    for (int k = 0; k < l->nseg; k++) {
        seg pieces[MAX_COLS];
        int np = cut_segment(l, &l->segs[k], c, nc, pieces);
        for (int p = 0; p < np; p++) {
            int ci = column_of(c, nc, pieces[p].x0, pieces[p].x1);
            if (used[ci])          /* two pieces in one column: keep both */
                len[ci] = (size_t)(l->s + pieces[p].b1 - text[ci]);
            else {
                text[ci] = l->s + pieces[p].b0;
                len[ci] = pieces[p].b1 - pieces[p].b0;
                used[ci] = 1;
            }
        }
    }
    for (int i = 0; i < nc; i++)
        ys_cells_add(&L->cells, used[i] ? text[i] : "", used[i] ? len[i] : 0);
    emit(L, l, 1);
}

static void emit_block(struct layout *L, lline *l, const int *rows, int nrows)
{
    col c[MAX_COLS];
    int nc = block_columns(l, rows, nrows, c);
    for (int r = 0; r < nrows; r++)
        emit_row(L, &l[rows[r]], c, nc);
}

/* ---- prose and pages ------------------------------------------------- */

static int is_page_number(const lline *l)
{
    if (l->nseg != 1)
        return 0;
    const char *s = l->s + l->segs[0].b0;
    size_t n = l->segs[0].b1 - l->segs[0].b0, digits = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= '0' && ch <= '9')
            digits++;
        else if (!(ch == '-' || ch == ' ' || ch == '/'))
            return 0;
    }
    return digits > 0 && digits <= 4;
}

/* The next line after i (step +1) or before it (-1) with text, or -1. */
static int next_text(const lline *l, int n, int i, int step)
{
    for (i += step; i >= 0 && i < n; i += step)
        if (l[i].nseg)
            return i;
    return -1;
}

/* Whether the text of one-segment line j starts where a cell of row r
 * starts (within two positions): it stands in that row's column. */
static int aligned(const lline *l, int j, int r)
{
    for (int k = 0; k < l[r].nseg; k++)
        if (abs(l[r].segs[k].x0 - l[j].segs[0].x0) <= 2)
            return 1;
    return 0;
}

/* Whether one-segment line j is part of the table around it: up to three
 * such lines between two rows with figures, starting where a cell of the row
 * above or below starts (a name wrapped out of its cell,
 * "四、文化旅游体育与传媒" over its figures and "支出" under them; fixed
 * rows without figures, "二、事业收入").  A table's title ("…预算表")
 * never is. */
static int inner_line(const lline *l, int n, int j)
{
    if (l[j].nseg != 1 || l[j].n < 1)
        return 0;
    const char *end = l[j].s + l[j].segs[0].b1;
    if (l[j].segs[0].b1 >= 3 && memcmp(end - 3, "\xe8\xa1\xa8", 3) == 0)   /* 表 */
        return 0;
    int up = j, down = j, singles = 1;
    while ((up = next_text(l, n, up, -1)) >= 0 && l[up].nseg == 1 && singles <= 3)
        singles++;
    while ((down = next_text(l, n, down, 1)) >= 0 && l[down].nseg == 1 && singles <= 3)
        singles++;
    return up >= 0 && down >= 0 && singles <= 3 && l[up].nseg >= 2 && l[down].nseg >= 2 &&
           has_figure(&l[up]) && has_figure(&l[down]) && (aligned(l, j, up) || aligned(l, j, down));
}

/* Lines of one page (l[0..n)), blank ones included. */
static void do_page(struct layout *L, lline *l, int n)
{
    int first = 0, last = n - 1, prose_width = 0;
    while (first < n && l[first].nseg == 0)
        first++;
    while (last >= 0 && l[last].nseg == 0)
        last--;
    for (int i = 0; i < n; i++)
        if (l[i].nseg == 1 && l[i].width > prose_width)
            prose_width = l[i].width;
    const lline *prev_prose = NULL;
    for (int i = 0; i < n && L->rc == YS_OK;) {
        if (l[i].nseg == 0 || ((i == first || i == last) && is_page_number(&l[i]))) {
            prev_prose = l[i].nseg == 0 ? NULL : prev_prose;
            i++;
            continue;
        }
        if (l[i].nseg >= 2) {
            int rows[512], nr = 0, j = i;
            for (; j < n && nr < 512 && (l[j].nseg >= 2 || l[j].nseg == 0 || inner_line(l, n, j));
                 j++)
                if (l[j].nseg)
                    rows[nr++] = j;
            emit_block(L, l, rows, nr);
            prev_prose = NULL;
            i = j;
            continue;
        }
        /* prose: gather the continuation lines of this paragraph */
        const lline *start = &l[i];
        ys_cells_add(&L->cells, l[i].s, l[i].n);
        prev_prose = &l[i++];
        ys_buf *t = &L->cells.text;
        while (i < n && l[i].nseg == 1 && l[i].indent < 2 &&
               prev_prose->width * 10 >= prose_width * 8 && !is_page_number(&l[i])) {
            if (L->cells.n == 0)
                break;                  /* out of memory: emit says so */
            const char *next = l[i].s + l[i].segs[0].b0;
            if (t->n && (unsigned char)t->p[t->n - 1] < 0x80 && (unsigned char)*next < 0x80)
                ys_buf_put(t, " ", 1);  /* a wrapped English word; Chinese joins */
            ys_cell_squeeze(t, l[i].s, l[i].n);
            L->cells.off[L->cells.n] = t->n;
            prev_prose = &l[i++];
        }
        emit(L, start, 0);
    }
}

/* Point the page's lines at their segments, read the page, start anew. */
static void run_page(struct layout *L, lline *lines, size_t nl)
{
    for (size_t i = 0; i < nl; i++)
        lines[i].segs = L->pool + lines[i].seg0;
    if (L->rc == YS_OK && nl <= (size_t)1 << 30)
        do_page(L, lines, (int)nl);
    L->npool = 0;
}

int ys_read_layout(ys_doc *d, const char *buf, size_t n, ys_error *err)
{
    struct layout L = {.d = d, .err = err};
    size_t cap = 1024, nl = 0, pos = 0;
    lline *lines = malloc(cap * sizeof *lines);
    int no = 0, page = 1;
    if (!lines)
        return ys_error_set(err, YS_ENOMEM, d->path, 0, "内存不足");
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < n && L.rc == YS_OK) {
        const char *s = buf + pos;
        const char *e = memchr(s, '\n', n - pos);
        size_t len = e ? (size_t)(e - s) : n - pos;
        pos += len + (e != NULL);
        no++;
        if (len && s[len - 1] == '\r')
            len--;
        if (!ys_utf8_valid(s, len)) {
            L.rc = ys_error_set(err, YS_EINPUT, d->path, no, "不是有效的 UTF-8 文本（请先转换编码）");
            break;
        }
        while (len && *s == '\f') {     /* a form feed opens the next page */
            run_page(&L, lines, nl);
            nl = 0;
            page++;
            s++;
            len--;
        }
        if (nl == cap) {
            lline *v = realloc(lines, 2 * cap * sizeof *v);
            if (!v) {
                L.rc = ys_error_set(err, YS_ENOMEM, d->path, 0, "内存不足");
                break;
            }
            lines = v;
            cap *= 2;
        }
        lines[nl] = (lline){.no = no, .page = page, .s = s, .n = len};
        if (split_segments(&L, &lines[nl++]) != YS_OK)
            L.rc = ys_error_set(err, YS_ENOMEM, d->path, no, "内存不足");
    }
    if (L.rc == YS_OK)
        run_page(&L, lines, nl);
    free(lines);
    free(L.pool);
    ys_cells_free(&L.cells);
    return L.rc;
}
