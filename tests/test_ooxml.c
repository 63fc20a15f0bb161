/* Unit tests: lib/ooxml*.c and the DOCX/XLSX readers on zips written here
 * with libzip (no LibreOffice needed): workbook relationships, shared and
 * inline strings, number formats, merged cells, sheet order; DOCX spans,
 * merges, nested tables, text boxes; truncated zips, zips of the wrong
 * kind, XML and zip bombs, malformed XML, bad string indexes. */
#include "testutil.h"
#include "readers_testutil.h"

/* ---- XLSX and DOCX made by hand ------------------------------------------ */

static const char CT[] = "<?xml version=\"1.0\"?><Types/>";
static const char RELS[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char WB[] =
    "<?xml version=\"1.0\"?><workbook xmlns:r=\"r\"><sheets>"
    "<sheet name=\"收入表\" sheetId=\"1\" r:id=\"rId2\"/><sheet name=\"Sheet2\" sheetId=\"2\" r:id=\"rId1\"/>"
    "</sheets></workbook>";
static const char WB_RELS[] =
    "<?xml version=\"1.0\"?><Relationships>"
    "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"x/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
/* cell formats: 0 General, 1 #,##0.00 (built-in 4), 2 0.00% (10),
 * 3 custom 0.00"万元", 4 0.00 (2) */
static const char STYLES[] =
    "<?xml version=\"1.0\"?><styleSheet><numFmts count=\"1\">"
    "<numFmt numFmtId=\"164\" formatCode=\"0.00&quot;万元&quot;\"/></numFmts>"
    "<cellStyleXfs><xf numFmtId=\"10\"/></cellStyleXfs><cellXfs>"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"4\"/><xf numFmtId=\"10\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"2\"/></cellXfs></styleSheet>";
static const char SST[] =
    "<?xml version=\"1.0\"?><sst><si><t>项目</t></si>"
    "<si><r><t>一般</t></r><r><t xml:space=\"preserve\">公共预算</t></r><rPh><t>ヨミ</t></rPh></si>"
    "<si><t>合计</t></si></sst>";
static const char SHEET1[] =
    "<?xml version=\"1.0\"?><worksheet><sheetData>"
    "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>本年</t></is></c>"
    "<c r=\"D2\" t=\"str\"><f>X</f><v>备注</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\"><v>2877.94</v></c>"
    "<c r=\"C3\"><v>1234.5599999999999</v></c><c r=\"D3\"><v>1.5E3</v></c><c r=\"E3\" t=\"b\"><v>1</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" s=\"1\"/><c r=\"B4\"><v>0.1</v></c><c r=\"C4\"><v>-7E-2</v></c></row>"
    "<row r=\"5\"><c r=\"A5\" s=\"2\"><v>0.955</v></c><c r=\"B5\" s=\"3\"><v>12.5</v></c>"
    "<c r=\"C5\" s=\"1\"><v>-1234567.891</v></c><c r=\"D5\" s=\"4\"><v>0.005</v></c>"
    "<c r=\"E5\" s=\"1\" t=\"s\"><v>2</v></c><c r=\"F5\" s=\"1\"><v>999.999</v></c></row>"
    "<row r=\"7\"><c r=\"A7\" t=\"s\"><v>2</v></c><c r=\"B7\"><v>99</v></c><c r=\"C7\"><v>98</v></c></row>"
    "</sheetData><mergeCells><mergeCell ref=\"B7:C7\"/></mergeCells></worksheet>";
static const char SHEET2[] =
    "<?xml version=\"1.0\"?><worksheet><sheetData><row><c><v>5</v></c><c t=\"inlineStr\"><is><t>第二表</t></is></c></row></sheetData></worksheet>";

static unsigned char *hand_xlsx(size_t *n, const char *sheet1)
{
    const char *parts[] = {"[Content_Types].xml", CT, "_rels/.rels", RELS, "xl/workbook.xml", WB,
                           "xl/_rels/workbook.xml.rels", WB_RELS, "xl/sharedStrings.xml", SST,
                           "xl/worksheets/sheet1.xml", sheet1, "xl/worksheets/sheet2.xml", SHEET2,
                           "xl/styles.xml", STYLES, NULL};
    return make_zip(parts, n);
}

static void xlsx_api(void **st)
{
    (void)st;
    size_t n;
    unsigned char *z = hand_xlsx(&n, SHEET1);
    ys_xlsx *x;
    ys_error e = {0};
    assert_int_equal(ys_xlsx_open("h.xlsx", z, n, &x, &e), YS_OK);
    assert_int_equal(ys_xlsx_nsheets(x), 2);
    assert_string_equal(ys_xlsx_sheet_name(x, 0), "收入表");
    assert_int_equal(ys_xlsx_sheet_index(x, "Sheet2"), 1);
    ys_xlsx_sheet *s;
    assert_int_equal(ys_xlsx_read_sheet(x, 0, &s, &e), YS_OK);
    assert_int_equal(s->nrows, 5);
    assert_int_equal(s->rows[0].row, 2);
    assert_string_equal(ys_xlsx_sheet_cell(s, 3, 0)->text, "一般公共预算");   /* rich text, no rPh */
    assert_string_equal(ys_xlsx_sheet_cell(s, 3, 1)->text, "2877.94");       /* as stored */
    assert_int_equal(ys_xlsx_sheet_cell(s, 3, 1)->type, YS_XLSX_NUMBER);
    assert_string_equal(ys_xlsx_sheet_cell(s, 3, 1)->ref, "B3");
    assert_string_equal(ys_xlsx_sheet_cell(s, 3, 2)->text, "1234.56");       /* 15 digits */
    assert_string_equal(ys_xlsx_sheet_cell(s, 3, 3)->text, "1500");
    assert_string_equal(ys_xlsx_sheet_cell(s, 3, 4)->text, "TRUE");
    assert_string_equal(ys_xlsx_sheet_cell(s, 4, 2)->text, "-0.07");
    assert_string_equal(ys_xlsx_sheet_cell(s, 2, 3)->text, "备注");
    assert_int_equal(ys_xlsx_sheet_cell(s, 4, 0)->type, YS_XLSX_EMPTY);
    assert_null(ys_xlsx_sheet_cell(s, 6, 0));
    /* number formats, worked out by hand from the codes above */
    assert_string_equal(ys_xlsx_sheet_cell(s, 3, 1)->shown, "2877.94");      /* General */
    assert_string_equal(ys_xlsx_sheet_cell(s, 5, 0)->text, "0.955");
    assert_string_equal(ys_xlsx_sheet_cell(s, 5, 0)->shown, "95.50%");
    assert_string_equal(ys_xlsx_sheet_cell(s, 5, 1)->shown, "12.50万元");
    assert_string_equal(ys_xlsx_sheet_cell(s, 5, 2)->shown, "-1,234,567.89");
    assert_string_equal(ys_xlsx_sheet_cell(s, 5, 3)->shown, "0.01");          /* half up */
    assert_string_equal(ys_xlsx_sheet_cell(s, 5, 4)->shown, "合计");          /* a string */
    assert_string_equal(ys_xlsx_sheet_cell(s, 5, 5)->shown, "1,000.00");
    assert_int_equal(s->nmerges, 1);
    assert_int_equal(s->merges[0].col1, 2);
    ys_xlsx_sheet_free(s);
    int r, c;
    assert_true(ys_xlsx_parse_ref("XFD1048576", &r, &c));
    assert_int_equal(c, 16383);
    assert_false(ys_xlsx_parse_ref("XFE1", &r, &c));
    assert_false(ys_xlsx_parse_ref("A0", &r, &c));
    char ref[16];
    ys_xlsx_format_ref(12, 27, ref, sizeof ref);
    assert_string_equal(ref, "AB12");
    ys_xlsx_free(x);
    free(z);
}

static void xlsx_lines(void **st)
{
    (void)st;
    size_t n;
    unsigned char *z = hand_xlsx(&n, SHEET1);
    ys_doc *d = read_ok("h.xlsx", z, n);
    assert_int_equal(d->format, YS_FMT_XLSX);
    static const char *const head[] = {"项目", "本年", "", "备注", NULL};
    static const char *const sum[] = {"合计", "99", NULL};     /* C7 is covered by B7:C7 */
    static const char *const other[] = {"5", "第二表", NULL};
    static const char *const shown[] = {"95.50%", "12.50万元", "-1,234,567.89", "0.01", "合计",
                                        "1,000.00", NULL};
    assert_cells(find_line(d, "95.50%"), shown);
    assert_cells(find_line(d, "项目"), head);
    assert_cells(find_line(d, "合计"), sum);
    assert_cells(find_line(d, "5"), other);
    assert_string_equal(find_line(d, "合计")->where, "收入表!A7");
    assert_string_equal(find_line(d, "5")->where, "Sheet2!A1");
    ys_doc_free(d);
    free(z);
}

static const char DOCX_BODY[] =
    "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\" xmlns:mc=\"mc\"><w:body>"
    "<w:p><w:r><w:t>Budget</w:t></w:r><w:r><w:t xml:space=\"preserve\"> 2025</w:t></w:r></w:p>"
    "<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>文本框</w:t></mc:Choice>"
    "<mc:Fallback><w:t>重复</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>收入</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>备注</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>一般</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>公共</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>10.5</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr>"
    "</w:tbl></w:body></w:document>";

static void docx_hand(void **st)
{
    (void)st;
    const char *parts[] = {"[Content_Types].xml", CT, "word/document.xml", DOCX_BODY, NULL};
    size_t n;
    unsigned char *z = make_zip(parts, &n);
    ys_doc *d = read_ok("h.docx", z, n);
    assert_int_equal(d->format, YS_FMT_DOCX);
    static const char *const p1[] = {"Budget 2025", NULL};
    static const char *const r1[] = {"收入", "", "备注", NULL};
    static const char *const r2[] = {"一般公共", "10.5", "甲乙", NULL};
    static const char *const r3[] = {"", "3", NULL};          /* vMerge; nested table holder */
    static const char *const inner[] = {"内", "4", NULL};
    assert_cells(find_line(d, "Budget 2025"), p1);
    assert_non_null(find_line(d, "文本框"));
    assert_null(find_line(d, "重复"));
    assert_cells(find_line(d, "收入"), r1);
    assert_cells(find_line(d, "一般公共"), r2);
    assert_cells(find_line(d, "内"), inner);
    const ys_line *l3 = NULL;
    for (size_t i = 0; i < d->nlines; i++)
        if (d->lines[i].ncells == 2 && strcmp(d->lines[i].cells[1], "3") == 0)
            l3 = &d->lines[i];
    assert_cells(l3, r3);
    assert_string_equal(find_line(d, "收入")->where, "表格1 行1");
    assert_int_equal(find_line(d, "收入")->no, 3);
    ys_doc_free(d);
    free(z);
}

static void bad_zip_and_xml(void **st)
{
    (void)st;
    ys_error e;
    size_t n;
    unsigned char *z = hand_xlsx(&n, SHEET1);
    /* truncated: the central directory is gone */
    assert_int_equal(read_bad("cut.xlsx", z, n / 2, &e), YS_EINPUT);
    assert_non_null(strstr(e.msg, "zip"));
    /* a workbook given to the DOCX reader */
    ys_doc *d = ys_doc_new("wb.docx", YS_FMT_DOCX);
    memset(&e, 0, sizeof e);
    assert_int_equal(ys_read_docx(d, z, n, &e), YS_EINPUT);
    assert_non_null(strstr(e.msg, "DOCX"));
    ys_doc_free(d);
    free(z);
    /* a zip that is neither */
    const char *junk[] = {"a.txt", "hello", NULL};
    z = make_zip(junk, &n);
    assert_int_equal(read_bad("junk.docx", z, n, &e), YS_EINPUT);
    free(z);
    /* an XML bomb */
    const char *bomb[] = {"word/document.xml",
                          "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
                          "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                          "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><d>&c;&c;&c;</d>",
                          NULL};
    z = make_zip(bomb, &n);
    assert_int_equal(read_bad("bomb.docx", z, n, &e), YS_EINPUT);
    assert_non_null(strstr(e.msg, "DOCTYPE"));
    assert_string_equal(e.where, "word/document.xml");
    free(z);
    /* a zip bomb: 4 MiB of one byte squeezes a thousandfold */
    char *big = malloc(4u << 20);
    memset(big, 'a', 4u << 20);
    big[(4u << 20) - 1] = 0;
    const char *zb[] = {"word/document.xml", big, NULL};
    z = make_zip(zb, &n);
    assert_int_equal(read_bad("zb.docx", z, n, &e), YS_EINPUT);
    assert_non_null(strstr(e.msg, "zip 炸弹"));
    free(z);
    free(big);
    /* malformed XML: located by line */
    const char *bad[] = {"word/document.xml", "<?xml version=\"1.0\"?>\n<a>\n<b></a>", NULL};
    z = make_zip(bad, &n);
    assert_int_equal(read_bad("bad.docx", z, n, &e), YS_EINPUT);
    assert_int_equal(e.line, 3);
    free(z);
    /* a shared-string index past the table: located at the cell */
    static const char s_bad[] = "<worksheet><sheetData><row r=\"4\"><c r=\"C4\" t=\"s\"><v>99</v></c>"
                                "</row></sheetData></worksheet>";
    z = hand_xlsx(&n, s_bad);
    assert_int_equal(read_bad("ss.xlsx", z, n, &e), YS_EINPUT);
    assert_string_equal(e.where, "收入表!C4");
    free(z);
}

static int setup(void **st)
{
    (void)st;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ys-ooxml-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
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
        cmocka_unit_test(xlsx_api),
        cmocka_unit_test(xlsx_lines),
        cmocka_unit_test(docx_hand),
        cmocka_unit_test(bad_zip_and_xml),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
