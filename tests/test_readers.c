/* Unit tests: the format readers (layout, HTML, and DOCX/XLSX/PDF made
 * by LibreOffice from one small HTML document), the Shanghai documents,
 * and bad bytes and PDFs.  Inputs are written here; LibreOffice and qpdf
 * parts skip when absent.  Hand-made OOXML: test_ooxml.c. */
#include "testutil.h"

#include "readers_testutil.h"

/* ---- the small document every format is made from ---------------------- */

static const char HTML[] =
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>标题不读</title>\n"
    "<style>td { color: red }</style><script>var x = '<td>不读</td>';</script></head>\n"
    "<body>\n<h1>某部门预算</h1>\n"
    "<p>收入合计&nbsp;2877.94&#19975;&#x5143;，A&amp;B。</p>\n"
    "<table border=\"1\" cellpadding=\"6\" width=\"100%\">\n"
    "<tr><th>项目</th><th colspan=\"2\">本年收入</th><th>备注</th></tr>\n"
    "<tr><td rowspan=\"2\" valign=\"top\">一般公共预算</td><td>1438</td><td>2877.94</td><td>&lt;甲&gt;</td></tr>\n"
    "<tr><td>12.5</td><td>20.5</td><td>乙</td></tr>\n"
    "<tr><td>合计</td><td>1450.5</td><td>2898.44</td><td></td></tr>\n"
    "</table>\n</body></html>\n";

/* What HTML holds, worked out by hand: colspan leaves an empty cell after
 * 本年收入, rowspan an empty first cell in the row below, the entities
 * decode, the trailing empty cell of 合计 is dropped. */
static const char *const ROW_HEAD[] = {"项目", "本年收入", "", "备注", NULL};
static const char *const ROW_1[] = {"一般公共预算", "1438", "2877.94", "<甲>", NULL};
static const char *const ROW_2[] = {"", "12.5", "20.5", "乙", NULL};
static const char *const ROW_SUM[] = {"合计", "1450.5", "2898.44", NULL};
static const char PARA[] = "收入合计 2877.94万元，A&B。";

static void check_small_doc(const ys_doc *d, int xlsx)
{
    const ys_line *h1 = find_line(d, "某部门预算");
    assert_non_null(h1);
    assert_int_equal(h1->ncells, 1);
    assert_false(h1->is_row);
    const ys_line *p = find_line(d, PARA);
    assert_non_null(p);
    assert_cells(find_line(d, "项目"), ROW_HEAD);
    assert_cells(find_line(d, "一般公共预算"), ROW_1);
    assert_cells(find_line(d, "12.5") - 0, ROW_2);
    assert_cells(find_line(d, "合计"), ROW_SUM);
    assert_true(find_line(d, "项目")->is_row);
    if (!xlsx)
        assert_null(find_line(d, "标题不读"));
}

static void html_table(void **st)
{
    (void)st;
    ys_doc *d = read_ok("small.html", HTML, strlen(HTML));
    assert_int_equal(d->format, YS_FMT_HTML);
    check_small_doc(d, 0);
    /* source lines: the <h1> is on line 5, the first <tr> on line 8 */
    assert_int_equal(find_line(d, "某部门预算")->no, 5);
    assert_int_equal(find_line(d, "项目")->no, 8);
    for (size_t i = 0; i < d->nlines; i++)
        for (int k = 0; k < d->lines[i].ncells; k++)
            assert_null(strstr(d->lines[i].cells[k], "不读"));
    ys_doc_free(d);
}

static void html_nested_and_br(void **st)
{
    (void)st;
    static const char h[] =
        "<html><body><table><tr><td>外层说明<table>"
        "<tr><td>甲<br>乙</td><td colspan=3>1</td><td>2</td></tr>"
        "</table></td></tr></table><p>尾段<br>第二行</p></body></html>";
    ys_doc *d = read_ok("nested.html", h, strlen(h));
    static const char *const want[] = {"甲乙", "1", "", "", "2", NULL};
    assert_cells(find_line(d, "甲乙"), want);
    assert_non_null(find_line(d, "外层说明"));
    assert_non_null(find_line(d, "尾段"));
    assert_non_null(find_line(d, "第二行"));
    ys_doc_free(d);
}

/* Source lines of text that starts after line breaks, of text longer than
 * libxml2's read chunk, of text with an entity, and of rows whose <td>/<tr>
 * ends are implicit; counted by hand from the string below. */
static void html_source_lines(void **st)
{
    (void)st;
    char h[4096] = "<html><body>\n<p>\n\nfoo\nbar</p>\n<p>";          /* lines 1-2 */
    for (int i = 0; i < 300; i++)
        strcat(h, "长");                                            /* line 6 */
    strcat(h, "\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nend</p>\n"
              "<p>a &amp; b\n</p><table><tr><td>1\n<td>2\n<tr><td>3</table></body></html>");
    ys_doc *d = read_ok("lines.html", h, strlen(h));
    assert_int_equal(find_line(d, "foo bar")->no, 4);
    assert_int_equal(find_line(d, "a & b")->no, 9);
    static const char *const r1[] = {"1", "2", NULL}, *const r2[] = {"3", NULL};
    assert_cells(find_line(d, "1"), r1);
    assert_int_equal(find_line(d, "1")->no, 10);
    assert_cells(find_line(d, "3"), r2);
    assert_int_equal(find_line(d, "3")->no, 12);
    for (size_t i = 0; i < d->nlines; i++)
        if (strncmp(d->lines[i].cells[0], "长长", 6) == 0)
            assert_int_equal(d->lines[i].no, 6);
    ys_doc_free(d);
}

/* ---- layout text -------------------------------------------------------- */

/* Append text at code-point column col of the line in buf (padding with
 * spaces), or right-aligned to end there when right is set. */
static void put_at(char *buf, int col, const char *text, int right)
{
    int width = 0, tw = 0;
    for (const char *p = buf + (strrchr(buf, '\n') ? strrchr(buf, '\n') - buf + 1 : 0); *p; p++)
        width += ((unsigned char)*p & 0xC0) != 0x80;
    for (const char *p = text; *p; p++)
        tw += ((unsigned char)*p & 0xC0) != 0x80;
    int at = right ? col - tw : col;
    while (width++ < at)
        strcat(buf, " ");
    strcat(buf, text);
}

static void layout_columns(void **st)
{
    (void)st;
    /* A two-sided table whose amount and right-hand item touch at one
     * space in some rows (as pdftotext writes it), a wrapped paragraph,
     * a page number and a form feed.  Items start at columns 0 and 36/38,
     * amounts end at 35 and 71. */
    char t[4096] = "";
    put_at(t, 17, "预算总表\n", 0);
    put_at(t, 2, "本部门收入预算合计156,211,123元，比上年增加100元，主要原因是人员\n", 0);
    strcat(t, "经费增加。\n\n");
    put_at(t, 0, "一、财政拨款收入", 0);
    put_at(t, 35, "156,211,123", 1);
    put_at(t, 36, "一、一般公共服务支出", 0);
    put_at(t, 71, "2,932,700\n\n", 1);
    put_at(t, 0, "2. 政府性基金", 0);
    put_at(t, 38, "三、教育支出", 0);
    put_at(t, 71, "250,000\n", 1);
    put_at(t, 38, "八、城乡社区支出", 0);
    put_at(t, 71, "119,385,303\n", 1);
    put_at(t, 4, "收入总计", 0);
    put_at(t, 35, "156,211,123", 1);
    put_at(t, 42, "支出总计", 0);
    put_at(t, 71, "156,211,123\n", 1);
    put_at(t, 35, "3\n", 0);
    strcat(t, "\f第二页标题\n");
    ys_doc *d = read_ok("t.txt", t, strlen(t));
    assert_int_equal(d->format, YS_FMT_LAYOUT);
    static const char *const r1[] = {"一、财政拨款收入", "156,211,123", "一、一般公共服务支出",
                                     "2,932,700", NULL};
    static const char *const r2[] = {"2. 政府性基金", "", "三、教育支出", "250,000", NULL};
    static const char *const r3[] = {"", "", "八、城乡社区支出", "119,385,303", NULL};
    static const char *const r4[] = {"收入总计", "156,211,123", "支出总计", "156,211,123", NULL};
    assert_cells(find_line(d, "一、财政拨款收入"), r1);
    assert_cells(find_line(d, "2. 政府性基金"), r2);
    assert_cells(find_line(d, "八、城乡社区支出"), r3);
    assert_cells(find_line(d, "收入总计"), r4);
    const ys_line *p = find_line(d, "本部门收入预算合计156,211,123元，比上年增加100元，"
                                    "主要原因是人员经费增加。");
    assert_non_null(p);
    assert_int_equal(p->no, 2);
    assert_null(find_line(d, "3"));
    assert_int_equal(find_line(d, "第二页标题")->page, 2);
    assert_int_equal(find_line(d, "收入总计")->page, 1);
    ys_doc_free(d);
}

/* A whole token of digits with separators: what a table cell figure is
 * ("1." numbers an item, it is no figure). */
static int is_figure_token(const char *s, size_t n)
{
    size_t digits = 0;
    if (n && (s[n - 1] == '.' || s[n - 1] == ','))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (!strchr(",.-%", s[i]))
            return 0;
    }
    return digits > 0;
}

static int strcmp_p(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Each Shanghai .txt: every row keeps, as cells and in order, exactly the
 * space-separated figures of its source line (found here by splitting the
 * line itself), and every source line with two or more such figures is a
 * row. */
static void layout_shanghai(void **st)
{
    (void)st;
    static const char *const files[] = {"sh_putuo_wanli_2024_dept", "sh_shi_caizhengju_2025_unit",
                                        "sh_putuo_caizhengju_2025_dept", "sh_putuo_wanli_2023_dept"};
    for (size_t f = 0; f < 4; f++) {
        char rel[128], path[512];
        snprintf(rel, sizeof rel, "documents/shanghai/%s.txt", files[f]);
        if (!ys_test_shared(rel, path, sizeof path))
            return;
        size_t n;
        char *src = ys_test_slurp(path, &n);
        ys_doc *d = NULL;
        ys_error e = {0};
        assert_int_equal(ys_doc_read_file(path, &d, &e), YS_OK);
        assert_int_equal(d->format, YS_FMT_LAYOUT);
        int no = 0, checked = 0;
        for (char *line = src, *next; line; line = next) {
            next = strchr(line, '\n');
            if (next)
                *next++ = 0;
            no++;
            /* figures that stand after a run of spaces: column starts */
            const char *fig[64];
            size_t len[64];
            int nf = 0, nany = 0;
            for (char *t = line; *t && nf < 64;) {
                char *sp = t;
                while (*t == ' ' || *t == '\f')
                    t++;
                int gap = t - sp >= 2 || sp == line;
                char *e2 = t;
                while (*e2 && *e2 != ' ')
                    e2++;
                if (e2 > t && is_figure_token(t, (size_t)(e2 - t))) {
                    nany++;
                    if (gap && sp != line) {
                        fig[nf] = t;
                        len[nf++] = (size_t)(e2 - t);
                    }
                }
                t = e2;
            }
            const ys_line *l = NULL;
            for (size_t i = 0; i < d->nlines && !l; i++)
                if (d->lines[i].no == no)
                    l = &d->lines[i];
            if (nf >= 2 && !(l && l->is_row))
                print_message("%s:%d is not a row: %s\n", files[f], no, line);
            if (nf >= 2)
                assert_true(l && l->is_row);
            if (!l || !l->is_row)
                continue;
            /* those figures are whole cells, in order; no cell is a
             * figure the line does not hold */
            int k = 0, cells = 0;
            for (int c = 0; c < l->ncells; c++)
                if (is_figure_token(l->cells[c], strlen(l->cells[c]))) {
                    cells++;
                    if (k < nf && strlen(l->cells[c]) == len[k] &&
                        memcmp(l->cells[c], fig[k], len[k]) == 0)
                        k++;
                }
            if (k != nf)
                print_message("%s:%d: %d of %d figures are cells: %s\n", files[f], no, k, nf, line);
            assert_int_equal(k, nf);
            assert_true(cells <= nany);
            checked++;
        }
        assert_true(checked > 50);
        print_message("%s: %d rows checked\n", files[f], checked);
        ys_doc_free(d);
        free(src);
    }
}

/* ---- the small document through LibreOffice ------------------------------ */

static int have_tool(const char *name)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}

/* Convert tmpdir/small.html with LibreOffice; returns the file's bytes. */
static unsigned char *convert(const char *filter, const char *infilter, const char *ext,
                              size_t *n)
{
    char cmd[1024], out[300];
    snprintf(out, sizeof out, "%s/small.%s", tmpdir, ext);
    if (access(out, R_OK) != 0) {
        /* a private profile: other LibreOffice runs may be going on */
        snprintf(cmd, sizeof cmd,
                 "cd %s && libreoffice -env:UserInstallation=file://%s/lo --headless "
                 "%s --convert-to '%s' small.html --outdir %s >/dev/null 2>&1",
                 tmpdir, tmpdir, infilter, filter, tmpdir);
        int rc = system(cmd);
        if (rc != 0) {
            print_message("failed (%d): %s\n", rc, cmd);
            return NULL;
        }
    }
    unsigned char *b = (unsigned char *)ys_test_slurp(out, n);
    if (!b)
        print_message("LibreOffice wrote no %s\n", out);
    return b;
}

static void office_from_html(void **st)
{
    (void)st;
    if (!have_tool("libreoffice")) {
        printf("skip: libreoffice is not installed\n");
        return;
    }
    size_t n;
    unsigned char *b = convert("docx:MS Word 2007 XML", "", "docx", &n);
    assert_non_null(b);
    ys_doc *d = read_ok("small.docx", b, n);
    check_small_doc(d, 0);
    ys_doc_free(d);
    free(b);
    b = convert("xlsx:Calc MS Excel 2007 XML", "--infilter=calc_HTML_WebQuery", "xlsx", &n);
    assert_non_null(b);
    d = read_ok("small.xlsx", b, n);
    check_small_doc(d, 1);
    ys_doc_free(d);
    free(b);
}

/* The PDF keeps each data row's figures, in order, in one row, and the
 * row's label in its first cell. */
static void pdf_from_html(void **st)
{
    (void)st;
    if (!have_tool("libreoffice")) {
        printf("skip: libreoffice is not installed\n");
        return;
    }
    size_t n;
    unsigned char *b = convert("pdf:writer_pdf_Export", "", "pdf", &n);
    assert_non_null(b);
    ys_doc *d = read_ok("small.pdf", b, n);
    assert_int_equal(d->format, YS_FMT_PDF);
    assert_cells(find_line(d, "一般公共预算"), ROW_1);
    assert_cells(find_line(d, "12.5"), ROW_2);
    assert_cells(find_line(d, "合计"), ROW_SUM);
    assert_true(find_line(d, "合计")->page >= 1);
    /* PDF spacing between words is the typesetter's: compare without it */
    int para = 0;
    for (size_t i = 0; i < d->nlines; i++) {
        char got[512] = "", want[512] = "";
        const char *srcs[2] = {d->lines[i].cells[0], PARA};
        char *outs[2] = {got, want};
        for (int k = 0; k < 2; k++)
            for (const char *c = srcs[k]; *c && strlen(outs[k]) < 500; c++)
                if (*c != ' ')
                    strncat(outs[k], c, 1);
        para += strcmp(got, want) == 0;
    }
    assert_int_equal(para, 1);
    ys_doc_free(d);
    free(b);
}

/* The figure cells of each row, joined ("2,932,700|0|0"), sorted: the
 * multiset of row figure tuples of a document. */
static char **figure_rows(const ys_doc *d, size_t *n)
{
    char **v = calloc(d->nlines + 1, sizeof *v);
    *n = 0;
    for (size_t i = 0; i < d->nlines; i++) {
        char buf[2048] = "";
        for (int k = 0; k < d->lines[i].ncells; k++) {
            const char *c = d->lines[i].cells[k];
            if (is_figure_token(c, strlen(c)) && strlen(buf) + strlen(c) + 2 < sizeof buf) {
                strcat(buf, "|");
                strcat(buf, c);
            }
        }
        if (buf[0])
            v[(*n)++] = strdup(buf);
    }
    qsort(v, *n, sizeof *v, strcmp_p);
    return v;
}

/* Each Shanghai PDF: its rows hold the same figures, row by row, as the
 * pdftotext -layout .txt beside it (read by the layout reader, itself
 * checked against the raw lines in layout_shanghai). */
static void pdf_shanghai(void **st)
{
    (void)st;
    static const char *const files[] = {"sh_putuo_wanli_2024_dept", "sh_shi_caizhengju_2025_unit",
                                        "sh_putuo_caizhengju_2025_dept", "sh_putuo_wanli_2023_dept"};
    for (size_t f = 0; f < 4; f++) {
        char rel[128], pdf[512], txt[512];
        snprintf(rel, sizeof rel, "documents/shanghai/%s.pdf", files[f]);
        if (!ys_test_shared(rel, pdf, sizeof pdf))
            return;
        snprintf(rel, sizeof rel, "documents/shanghai/%s.txt", files[f]);
        if (!ys_test_shared(rel, txt, sizeof txt))
            return;
        ys_doc *a = NULL, *b = NULL;
        ys_error e = {0};
        assert_int_equal(ys_doc_read_file(pdf, &a, &e), YS_OK);
        assert_int_equal(ys_doc_read_file(txt, &b, &e), YS_OK);
        assert_true(a->lines[a->nlines - 1].page > 1);
        size_t na, nb;
        char **fa = figure_rows(a, &na), **fb = figure_rows(b, &nb);
        size_t same = 0;
        for (size_t i = 0, j = 0; i < na && j < nb;) {
            int c = strcmp(fa[i], fb[j]);
            if (c == 0)
                same++, i++, j++;
            else if (c < 0)
                print_message("%s: only in the PDF: %s\n", files[f], fa[i++]);
            else
                print_message("%s: only in the .txt: %s\n", files[f], fb[j++]);
        }
        print_message("%s: %zu of %zu PDF rows with figures match the .txt's %zu\n", files[f],
                      same, na, nb);
        assert_true(nb > 50);
        assert_int_equal(same, na);
        assert_int_equal(same, nb);
        for (size_t i = 0; i < na; i++)
            free(fa[i]);
        for (size_t i = 0; i < nb; i++)
            free(fb[i]);
        free(fa);
        free(fb);
        ys_doc_free(a);
        ys_doc_free(b);
    }
}

/* ---- bad input --------------------------------------------------------------- */

static void bad_bytes(void **st)
{
    (void)st;
    ys_error e;
    unsigned char rnd[4096];
    unsigned s = 12345;
    for (size_t i = 0; i < sizeof rnd; i++) {
        s = s * 1103515245u + 12345u;
        rnd[i] = (unsigned char)(s >> 16);
    }
    rnd[0] = 0;                                       /* binary, not text */
    assert_int_equal(read_bad("random.bin", rnd, sizeof rnd, &e), YS_EINPUT);
    memcpy(rnd, "%PDF-1.4\n", 9);
    assert_int_equal(read_bad("random.pdf", rnd, sizeof rnd, &e), YS_EINPUT);
    assert_non_null(strstr(e.msg, "PDF"));
    memcpy(rnd, "PK\3\4word/", 9);
    assert_int_equal(read_bad("random.docx", rnd, sizeof rnd, &e), YS_EINPUT);
    static const char html[] = "<html><body>\n<p>好</p>\n<p>\xff\xfe</p></body></html>";
    assert_int_equal(read_bad("bad.html", html, sizeof html - 1, &e), YS_EINPUT);
    assert_int_equal(e.line, 3);
    assert_non_null(strstr(e.msg, "UTF-8"));
    static const char empty[] = "<html><body><script>x</script></body></html>";
    assert_int_equal(read_bad("empty.html", empty, sizeof empty - 1, &e), YS_EINPUT);
    /* a 0-byte file */
    char path[300];
    snprintf(path, sizeof path, "%s/empty.txt", tmpdir);
    write_file(path, "", 0);
    ys_doc *d = NULL;
    memset(&e, 0, sizeof e);
    assert_int_equal(ys_doc_read_file(path, &d, &e), YS_EINPUT);
    assert_null(d);
    assert_string_equal(e.file, path);
}

/* A one-page PDF that draws a box and holds no text (offsets computed). */
static size_t image_only_pdf(char *out, size_t cap)
{
    const char *objs[] = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        "<< /Length 23 >>\nstream\n10 10 100 100 re f\n   \nendstream"};
    size_t off[4], n = (size_t)snprintf(out, cap, "%%PDF-1.4\n");
    for (int i = 0; i < 4; i++) {
        off[i] = n;
        n += (size_t)snprintf(out + n, cap - n, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
    size_t xref = n;
    n += (size_t)snprintf(out + n, cap - n, "xref\n0 5\n0000000000 65535 f \n");
    for (int i = 0; i < 4; i++)
        n += (size_t)snprintf(out + n, cap - n, "%010zu 00000 n \n", off[i]);
    n += (size_t)snprintf(out + n, cap - n,
                          "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
    return n;
}

static void bad_pdfs(void **st)
{
    (void)st;
    ys_error e;
    char pdf[2048];
    size_t n = image_only_pdf(pdf, sizeof pdf);
    assert_int_equal(read_bad("scan.pdf", pdf, n, &e), YS_EINPUT);
    assert_non_null(strstr(e.msg, "没有可提取的文字"));
    assert_int_equal(read_bad("cut.pdf", pdf, 40, &e), YS_EINPUT);
    if (!have_tool("qpdf") || !have_tool("libreoffice")) {
        printf("skip: qpdf or libreoffice is not installed (encrypted PDF)\n");
        return;
    }
    size_t m;
    unsigned char *b = convert("pdf:writer_pdf_Export", "", "pdf", &m);
    assert_non_null(b);
    free(b);
    char cmd[1024], enc[300];
    snprintf(enc, sizeof enc, "%s/enc.pdf", tmpdir);
    snprintf(cmd, sizeof cmd, "qpdf --encrypt secret owner 256 -- %s/small.pdf %s", tmpdir, enc);
    assert_int_equal(system(cmd), 0);
    ys_doc *d = NULL;
    memset(&e, 0, sizeof e);
    assert_int_equal(ys_doc_read_file(enc, &d, &e), YS_EINPUT);
    assert_null(d);
    assert_non_null(strstr(e.msg, "加密"));
}

static int setup(void **st)
{
    (void)st;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ys-readers-XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    char path[300];
    snprintf(path, sizeof path, "%s/small.html", tmpdir);
    write_file(path, HTML, strlen(HTML));
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_table),      cmocka_unit_test(html_nested_and_br),
        cmocka_unit_test(html_source_lines),
        cmocka_unit_test(layout_columns),  cmocka_unit_test(layout_shanghai),
        cmocka_unit_test(office_from_html),
        cmocka_unit_test(pdf_from_html),   cmocka_unit_test(pdf_shanghai),
        cmocka_unit_test(bad_bytes),
        cmocka_unit_test(bad_pdfs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
