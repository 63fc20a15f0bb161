/* Unit tests: lib/rules_document*.c — the DOC.* rules on hand-built table
 * sets (a clean set gives nothing; each defect gives exactly its rule with
 * its line), then the reference document and the Shanghai documents. */
#include "profile.h"
#include "testutil.h"
#include "yusuan/audit.h"
#include "yusuan/doc.h"
#include "yusuan/findings.h"
#include "yusuan/recognize.h"
#include "yusuan/tableset.h"

#define WAN(x) ((int64_t)(x) * 1000000LL)   /* whole 万元 → 分 */

static ys_amount amt(int64_t fen, int64_t ulp) { return (ys_amount){fen, ulp, true}; }

/* Every table the national profile requires, each with one figure; titles
 * speak of `entity` (部门 or 单位). Lines 10, 20, … 120 are the tables. */
static const char *const ids[] = {"1", "2", "3", "4", "5-1", "5-2", "6", "7", "8", "9", "10", "11"};
enum { NTAB = sizeof ids / sizeof *ids };

static ys_tableset *full_set(const char *entity, const char *skip, const char *blank)
{
    ys_tableset *ts = ys_tableset_new();
    ts->year = 2026;
    static const char *const cols[] = {"total"};
    for (int i = 0; i < NTAB; i++) {
        if (skip && strcmp(ids[i], skip) == 0)
            continue;
        char title[64];
        snprintf(title, sizeof title, "%s收支表%s", entity, ids[i]);
        ys_table *t = ys_tableset_add(ts, ids[i], title, cols, 1);
        assert_non_null(t);
        t->first_line = 10 * (i + 1);
        ys_row *r = ys_table_add_row(ts, t, strcmp(ids[i], "5-1") ? "" : "201", "一般公共服务支出",
                                     t->first_line + 1);
        assert_non_null(r);
        r->kind = YS_ROW_ITEM;
        if (!(blank && strcmp(ids[i], blank) == 0))
            r->cells[0] = (ys_cell){amt(WAN(100), 10000), t->first_line + 1};
    }
    ys_table *f = ys_tableset_add(ts, "12:甲项目", "项目支出绩效目标表", cols, 1);
    assert_non_null(f);
    f->first_line = 200;
    return ts;
}

static void para(ys_tableset *ts, int part, int section, const char *text, int line)
{
    ys_para *p = ys_tableset_add_para(ts);
    assert_non_null(p);
    *p = (ys_para){part, section, NULL, ys_ts_str(ts, text, (size_t)-1), line};
}

/* A claim of section 5 with this year's figure, change and rate (万元, %). */
static ys_claim *claim(ys_tableset *ts, const char *key, const char *code, const char *subject,
                       int64_t fen, int64_t change, int64_t rate, const char *text, int line)
{
    ys_claim *c = ys_tableset_add_claim(ts);
    assert_non_null(c);
    memset(c, 0, sizeof *c);
    c->kind = YS_CLAIM_FIGURE;
    c->section = 5;
    c->key = key;
    c->code = code;
    c->subject = subject;
    c->amount = amt(fen, 10000);
    if (change)
        c->change = amt(change, 10000);
    if (rate)
        c->rate = amt(rate, 100);   /* rate in 0.0001 % units, two decimals shown */
    c->text = ys_ts_str(ts, text, (size_t)-1);
    c->line = line;
    return c;
}

/* The clean narrative: a change with its reason, a share, a sentence that
 * is long but said once, a 类 under its current name. */
static const char *const s_change =
    "一般公共服务支出(类)行政运行(项)816.9万元，比2025年减少37.94万元，下降4.44%，主要是减少租赁费。";
static const char *const s_health = "卫生健康支出(类)行政单位医疗(项)24.94万元，主要用于在职人员医疗保险缴费。";

static void clean_narrative(ys_tableset *ts)
{
    para(ts, 3, 5, s_change, 300);
    para(ts, 3, 5, s_health, 302);
    /* 37.94 / (816.90 + 37.94) = 4.438 % → 4.44 */
    claim(ts, "gpb.func", "2010301", "一般公共服务支出(类)行政运行(项)", 816900000, -37940000,
          -44400, s_change, 300);
    claim(ts, "gpb.func", "2101101", "卫生健康支出(类)行政单位医疗(项)", 24940000, 0, 0, s_health, 302);
}

/* DOC.* findings of rule `rule` (NULL: any DOC rule). */
static size_t doc_count(const ys_findings *f, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        if (strncmp(f->v[i].rule, "DOC.", 4) == 0 && (!rule || strcmp(f->v[i].rule, rule) == 0))
            n++;
    return n;
}

static const ys_finding *doc_first(const ys_findings *f)
{
    for (size_t i = 0; i < f->n; i++)
        if (strncmp(f->v[i].rule, "DOC.", 4) == 0)
            return &f->v[i];
    return NULL;
}

static void print_doc(const ys_findings *f)
{
    for (size_t i = 0; i < f->n; i++)
        if (strncmp(f->v[i].rule, "DOC.", 4) == 0)
            printf("  %s %s line %d: %s\n", ys_severity_name(f->v[i].sev), f->v[i].rule,
                   f->v[i].nlines ? f->v[i].lines[0] : 0, f->v[i].message);
}

/* Audit ts and check that the only DOC finding is `rule` at `sev` naming
 * lines a (and b when nonzero); a == -1: no line. */
static void expect_one(ys_tableset *ts, const char *rule, ys_severity sev, int a, int b)
{
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    if (doc_count(&f, NULL) != 1 || doc_count(&f, rule) != 1) {
        print_doc(&f);
        fail_msg("want exactly one %s", rule);
    }
    const ys_finding *fd = doc_first(&f);
    assert_int_equal(fd->sev, sev);
    if (a < 0) {
        assert_int_equal(fd->nlines, 0);
    } else {
        assert_true(fd->nlines >= 1);
        assert_int_equal(fd->lines[0], a);
        if (b) {
            assert_int_equal(fd->nlines, 2);
            assert_int_equal(fd->lines[1], b);
        }
    }
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

/* Audit ts (then free it) and assert there is no DOC.* finding. */
static void expect_none(ys_tableset *ts)
{
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    print_doc(&f);
    assert_int_equal(doc_count(&f, NULL), 0);
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

static void clean_set(void **st)
{
    (void)st;
    ys_tableset *ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    expect_none(ts);
}

static void required(void **st)
{
    (void)st;
    /* table 6 absent: an error with no line to point at */
    ys_tableset *ts = full_set("部门", "6", NULL);
    clean_narrative(ts);
    expect_one(ts, "DOC.required", YS_SEV_ERROR, -1, 0);
    /* table 8 without figures and without statement: a warning at its title */
    ts = full_set("部门", NULL, "8");
    clean_narrative(ts);
    expect_one(ts, "DOC.required", YS_SEV_WARNING, 90, 0);
    /* the same with its statement: nothing */
    ts = full_set("部门", NULL, "8");
    clean_narrative(ts);
    ys_tableset_find(ts, "8")->note = "备注：2026年没有使用政府性基金预算拨款安排的支出。";
    expect_none(ts);
    /* a set of two tables and no prose is not a whole disclosure: nothing */
    ts = ys_tableset_new();
    static const char *const cols[] = {"total"};
    assert_non_null(ys_tableset_add(ts, "3", "部门支出总表", cols, 1));
    expect_none(ts);
}

/* Table 6 found but unread: one DOC.required at its header's line that
 * names the label it stopped at; under another layout, a warning. */
static void required_unread(void **st)
{
    (void)st;
    ys_tableset *ts = full_set("部门", "6", NULL);
    clean_narrative(ts);
    assert_int_equal(ys_tableset_add_unread(ts, "6", "一公预", 63), YS_OK);
    assert_null(ys_tableset_unread(ts, "5-1"));
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    assert_int_equal(doc_count(&f, NULL), 1);
    const ys_finding *fd = doc_first(&f);
    assert_string_equal(fd->rule, "DOC.required");
    assert_int_equal(fd->sev, YS_SEV_ERROR);
    assert_int_equal(fd->nlines, 1);
    assert_int_equal(fd->lines[0], 63);
    assert_non_null(strstr(fd->message, "表头无法识别（“一公预”"));
    assert_null(strstr(fd->message, "缺失"));
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

/* Part 3 under the national profile's headings, each numbered as a
 * document numbers them ("三、"), but the one at `skip` (-1: none). */
static void headed_sections(ys_tableset *ts, int skip)
{
    const ys_psection *sec = NULL;
    int n = ys_profile_sections(ys_profile_builtin("national"), &sec);
    assert_true(n >= 10);
    static const char *const num[] = {"一", "二", "三", "四", "五", "六",
                                      "七", "八", "九", "十", "十一", "十二"};
    for (int i = 0; i < n && i < 12; i++) {
        if (i == skip)
            continue;
        char h[256];
        snprintf(h, sizeof h, "%s、%s", num[i], sec[i].alts[0]);
        ys_para *p = ys_tableset_add_para(ts);
        assert_non_null(p);
        *p = (ys_para){3, i + 1, ys_ts_str(ts, h, (size_t)-1),
                       ys_ts_str(ts, "说明。", (size_t)-1), 400 + i};
    }
}

static void sections_required(void **st)
{
    (void)st;
    /* every section the profile lists has its heading: nothing */
    ys_tableset *ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    headed_sections(ts, -1);
    expect_none(ts);
    /* the fourth one's heading is missing: one error, no line */
    ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    headed_sections(ts, 3);
    expect_one(ts, "DOC.required", YS_SEV_ERROR, -1, 0);
}

static void forms_required(void **st)
{
    (void)st;
    /* table 10 lists a project (full_set's row) and there is no form */
    ys_tableset *ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    snprintf(ts->tables[ts->ntables - 1]->id, sizeof ts->tables[0]->id, "%s", "11.projects");
    expect_one(ts, "DOC.required", YS_SEV_ERROR, -1, 0);
}

static void reason(void **st)
{
    (void)st;
    /* 主要原因是 with nothing after it: an error at the paragraph */
    static const char *const empty =
        "2026年收支总预算2877.94万元，比2025年预算减少307.52万元，下降9.65%，主要原因是。";
    ys_tableset *ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    para(ts, 3, 1, empty, 250);
    /* 307.52 / (2877.94 + 307.52) = 9.654 % → 9.65 */
    claim(ts, "total.budget", NULL, "收支总预算", 2877940000, -307520000, -96500, empty, 250)->section = 1;
    expect_one(ts, "DOC.reason", YS_SEV_ERROR, 250, 0);
    /* a change and nothing after its rate: a warning at the claim */
    static const char *const none = "2026年收支总预算2877.94万元，比2025年预算减少307.52万元，下降9.65%。";
    ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    para(ts, 3, 1, none, 250);
    claim(ts, "total.budget", NULL, "收支总预算", 2877940000, -307520000, -96500, none, 251)->section = 1;
    expect_one(ts, "DOC.reason", YS_SEV_WARNING, 251, 0);
    /* "主要原因是：" closing its paragraph, the reasons listed after: fine */
    static const char *const listed =
        "2026年收支总预算2877.94万元，比2025年预算减少307.52万元，下降9.65%，主要原因是：";
    ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    para(ts, 3, 1, listed, 250);
    para(ts, 3, 1, "1. 减少自助服务终端租赁费。", 251);
    claim(ts, "total.budget", NULL, "收支总预算", 2877940000, -307520000, -96500, listed, 250)->section = 1;
    expect_none(ts);
    /* a change broken down ("…。其中：") is explained by its items'
     * reasons; items that give none leave it unexplained */
    static const char *const broken =
        "2026年收支总预算2877.94万元，比2025年预算减少307.52万元，下降9.65%。其中：";
    static const char *const items[][2] = {
        {"（一）基本支出2561.10万元，与2025年持平。", "（二）项目支出316.84万元，主要原因是项目完成。"},
        {"（一）基本支出2561.10万元，与2025年持平。", "（二）项目支出316.84万元。"},
    };
    for (int k = 0; k < 2; k++) {
        ts = full_set("部门", NULL, NULL);
        clean_narrative(ts);
        para(ts, 3, 1, broken, 250);
        para(ts, 3, 1, items[k][0], 251);
        para(ts, 3, 1, items[k][1], 252);
        /* the claim's sentence stops at its 。; the paragraph goes on */
        claim(ts, "total.budget", NULL, "收支总预算", 2877940000, -307520000, -96500, none, 250)->section = 1;
        /* the first item states a change (持平) so the second is read too */
        claim(ts, "total.basic", NULL, "基本支出", 2561100000, 0, 0, items[k][0], 251)->section = 1;
        if (k == 0)
            expect_none(ts);
        else
            expect_one(ts, "DOC.reason", YS_SEV_WARNING, 250, 0);
    }
}

static void direction(void **st)
{
    (void)st;
    /* 减少 10 万元 but 增长 5 %: 10 / (200 + 10) = 4.76 %, so N.rate also
     * objects; DOC.direction names the contradiction itself */
    static const char *const s = "机关运行经费200万元，比2025年减少10万元，增长5%，主要原因是压减租赁费。";
    ys_tableset *ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    para(ts, 3, 11, s, 260);
    claim(ts, "admin_cost", NULL, "机关运行经费", WAN(200), -WAN(10), 50000, s, 261)->section = 11;
    expect_one(ts, "DOC.direction", YS_SEV_ERROR, 261, 0);
}

static void dup_amount(void **st)
{
    (void)st;
    /* 行政运行 816.90 at line 300 (clean narrative) and 861.90 at line 304 */
    static const char *const s = "其中行政运行(项)861.9万元，主要用于机关正常运转。";
    ys_tableset *ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    para(ts, 3, 5, s, 304);
    claim(ts, "gpb.func", "2010301", "行政运行(项)", 861900000, 0, 0, s, 304);
    expect_one(ts, "DOC.dup_amount", YS_SEV_ERROR, 300, 304);
}

static void class_name(void **st)
{
    (void)st;
    /* a 2026 table row named with the 类 name that held until 2018 */
    ys_tableset *ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    ys_table *t = ys_tableset_find(ts, "5-1");
    ys_row *r = ys_table_add_row(ts, t, "210", "医疗卫生与计划生育支出", 57);
    r->level = 1;
    r->cells[0] = (ys_cell){amt(24940000, 10000), 57};
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    /* the other rules' own name check may also speak; DOC gives one */
    assert_int_equal(doc_count(&f, NULL), 1);
    assert_int_equal(doc_count(&f, "DOC.class_name"), 1);
    assert_int_equal(doc_first(&f)->lines[0], 57);
    assert_int_equal(doc_first(&f)->sev, YS_SEV_WARNING);
    ys_findings_free(&f);
    ys_tableset_free(ts);
    /* the same name in part 3: a warning at the paragraph */
    ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    para(ts, 3, 1, "支出包括一般公共服务支出、医疗卫生与计划生育支出。", 240);
    expect_one(ts, "DOC.class_name", YS_SEV_WARNING, 240, 0);
}

static void repeat(void **st)
{
    (void)st;
    /* one sentence of 30+ characters said in two paragraphs of part 3 */
    static const char *const s =
        "按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理，统筹安排各项资金。";
    char twice[512];
    snprintf(twice, sizeof twice, "收入包括一般公共预算拨款收入。%s", s);
    ys_tableset *ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    para(ts, 3, 1, s, 230);
    para(ts, 3, 2, twice, 240);
    expect_one(ts, "DOC.repeat", YS_SEV_WARNING, 230, 240);
    /* a short sentence twice is no defect */
    ts = full_set("部门", NULL, NULL);
    clean_narrative(ts);
    para(ts, 3, 1, "具体情况如下。", 230);
    para(ts, 3, 2, "具体情况如下。", 240);
    expect_none(ts);
}

static void entity(void **st)
{
    (void)st;
    /* titles say 单位; part 3 speaks of the 部门预算 */
    ys_tableset *ts = full_set("单位", NULL, NULL);
    clean_narrative(ts);
    para(ts, 3, 1, "本年度所有收入和支出均纳入部门预算管理。", 220);
    expect_one(ts, "DOC.entity", YS_SEV_WARNING, 220, 0);
    /* 部门预算支出经济分类 is the name of a classification, not the entity;
     * 行政单位医疗 in a department's budget is a function name */
    ts = full_set("单位", NULL, NULL);
    clean_narrative(ts);
    para(ts, 3, 6, "以下按部门预算支出经济分类列示。", 220);
    expect_none(ts);
}

/* ---- documents ------------------------------------------------------------ */

/*
 * The reference document, checked by hand (lines 935–1048 of the text):
 * every change of part 3 gives its reason (主要是… / 主要原因是…, line 977
 * without the word: "增长0.56%人员异动,经费增加"), every rate runs with its
 * change, no item has two amounts in one section, 类 names are the 2019
 * ones (卫生健康支出), no sentence is written twice, and the empty tables
 * 7, 8 and 9 carry their 备注.  So: no DOC finding at all.
 */
static void reference_document(void **st)
{
    (void)st;
    char path[512];
    if (!ys_test_shared("documents/000_b019c8698d50126e.txt", path, sizeof path))
        return;
    ys_doc *doc = NULL;
    ys_tableset *ts = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(path, &doc, &err), YS_OK);
    assert_int_equal(ys_recognize(doc, NULL, &ts, &err), YS_OK);
    if (ts->nparas == 0)
        printf("skip: the recogniser stores no paragraphs yet\n");
    /* the three empty tables have their statements, on 备注 lines */
    static const char *const empty[] = {"7", "8", "9"};
    for (size_t i = 0; i < 3; i++) {
        const ys_table *t = ys_tableset_find(ts, empty[i]);
        assert_non_null(t);
        assert_non_null(t->note);
        bool found = false;
        for (size_t k = 0; k < doc->nlines; k++)
            if (doc->lines[k].no == t->note_line && doc->lines[k].ncells)
                found = strstr(doc->lines[k].cells[0], "备注") != NULL;
        assert_true(found);
    }
    expect_none(ts);
    ys_doc_free(doc);
}

/*
 * The Shanghai documents: the recogniser has no Shanghai profile yet, so the
 * test builds the set itself from the text (pdftotext -layout): prose
 * paragraphs start on an indented line (2–7 blanks), lines with runs of
 * blanks or set far right are table rows and titles and are skipped, and the budget tables' entity word comes from the
 * last title line naming 财务收支预算总表.
 */
static ys_tableset *shanghai_set(const char *text, int year)
{
    ys_tableset *ts = ys_tableset_new();
    ts->year = year;
    char *copy = strdup(text), para_buf[8192] = "";
    int no = 0, start = 0;
    static const char *const cols[] = {"total"};
    for (char *l = copy;; ) {
        no++;
        char *e = l ? strchr(l, '\n') : NULL;
        if (e)
            *e = 0;
        const char *b = l ? l : "";
        int indent = 0;
        while (b[indent] == ' ')
            indent++;
        /* table rows: runs of blanks, or set far right (合计, titles) */
        bool row = !b[indent] || indent >= 8 || strstr(b + indent, "   ");
        if ((row || indent >= 2) && para_buf[0]) {
            para(ts, 3, 0, para_buf, start);
            para_buf[0] = 0;
        }
        if (!l)
            break;
        if (strstr(b, "财务收支预算总表") && !strstr(b, "…")) {
            ys_table *t = ys_tableset_find(ts, "1");
            if (!t)
                t = ys_tableset_add(ts, "1", b + indent, cols, 1);
            t->title = ys_ts_str(ts, b + indent, (size_t)-1);
        }
        if (!row) {
            if (!para_buf[0])
                start = no;
            if (strlen(para_buf) + strlen(b + indent) < sizeof para_buf)
                strcat(para_buf, b + indent);
        }
        l = e && e[1] ? e + 1 : NULL;
    }
    free(copy);
    return ts;
}

/* Lines (1-based) of text containing needle, into v; returns the count. */
static int lines_with(const char *text, const char *needle, int *v, int cap)
{
    int n = 0, no = 1;
    for (const char *p = text; *p && n < cap; no++) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char *line = strndup(p, len);
        if (strstr(line, needle))
            v[n++] = no;
        free(line);
        p += len + (e != NULL);
    }
    return n;
}

static bool doc_at(const ys_findings *f, const char *rule, int a, int b)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->v[i].rule, rule) == 0 && f->v[i].nlines && f->v[i].lines[0] == a &&
            (!b || (f->v[i].nlines == 2 && f->v[i].lines[1] == b)))
            return true;
    return false;
}

static void shanghai_documents(void **st)
{
    (void)st;
    static const struct {
        const char *file;
        int year;
    } docs[] = {{"sh_putuo_caizhengju_2025_dept.txt", 2025}, {"sh_putuo_wanli_2023_dept.txt", 2023},
                {"sh_putuo_wanli_2024_dept.txt", 2024}, {"sh_shi_caizhengju_2025_unit.txt", 2025}};
    for (size_t d = 0; d < sizeof docs / sizeof *docs; d++) {
        char rel[128], path[512];
        snprintf(rel, sizeof rel, "documents/shanghai/%s", docs[d].file);
        if (!ys_test_shared(rel, path, sizeof path))
            return;
        char *text = ys_test_slurp(path, NULL);
        assert_non_null(text);
        ys_tableset *ts = shanghai_set(text, docs[d].year);
        ys_findings f;
        ys_findings_init(&f);
        assert_int_equal(ys_audit(ts, &f), YS_OK);
        printf("%s:\n", docs[d].file);
        print_doc(&f);
        int v[8], n;
        if (d == 0) {
            /* the statement of the empty 国有资本经营 table is the 政府性基金
             * one copied: the same line twice */
            n = lines_with(text, "故本表为空表", v, 8);
            assert_int_equal(n, 2);
            assert_true(doc_at(&f, "DOC.repeat", v[0], v[1]));
            /* a 部门 document that says 本单位 */
            n = lines_with(text, "本单位", v, 8);
            assert_true(n >= 1);
            for (int i = 0; i < n; i++)
                assert_true(doc_at(&f, "DOC.entity", v[i], 0));
        } else if (d == 2) {
            /* two items with the same figures share a sentence: no defect */
            assert_int_equal(doc_count(&f, "DOC.repeat"), 0);
        } else if (d == 3) {
            /* a 单位 document that says 部门预算安排 (not 部门预算改革, the
             * reform the 财政局's duties name) */
            n = lines_with(text, "部门预算安排", v, 8);
            assert_int_equal(n, 2);   /* two lines of one paragraph: one finding */
            assert_int_equal(v[1], v[0] + 1);
            assert_true(doc_at(&f, "DOC.entity", v[0], 0));
            assert_int_equal(doc_count(&f, "DOC.entity"), 1);
        }
        ys_findings_free(&f);
        ys_tableset_free(ts);
        free(text);
    }
}

/* Text the rules cannot trust: invalid UTF-8, a reason word at the very
 * end, empty and missing strings, a long paragraph, random bytes.  The audit
 * returns YS_OK and never reads out of bounds (run under ASan/valgrind). */
static void hostile_text(void **st)
{
    (void)st;
    ys_tableset *ts = full_set("部门", NULL, NULL);
    para(ts, 3, 1, "主要原因是", 10);
    para(ts, 3, 1, "\xff\xfe\xe4\xb8", 11);
    para(ts, 3, 1, "", 12);
    para(ts, 1, 0, "部门预算单位预算本单位", 13);
    ys_para *p = ys_tableset_add_para(ts);
    *p = (ys_para){3, 2, NULL, NULL, 14};
    static char big[200000];
    for (size_t i = 0; i + 3 < sizeof big; i += 3)
        memcpy(big + i, i % 2 ? "主" : "。", 3);
    para(ts, 3, 3, big, 15);
    para(ts, 3, 3, big, 16);
    unsigned seed = 7;
    char noise[512];
    for (int k = 0; k < 50; k++) {
        for (size_t i = 0; i + 1 < sizeof noise; i++) {
            seed = seed * 1103515245u + 12345u;
            noise[i] = (char)(1 + (seed >> 16) % 255);
        }
        noise[sizeof noise - 1] = 0;
        para(ts, 3, k % 12, noise, 100 + k);
        ys_claim *c = claim(ts, k % 2 ? "gpb.func" : NULL, k % 3 ? "210" : NULL, noise,
                            (int64_t)k * 1000000, k % 5 ? -k : 0, k % 7 ? k * 100 : 0, noise, 100 + k);
        if (k % 4 == 0)
            c->text = NULL;
        if (k % 6 == 0)
            c->subject = NULL;
    }
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    /* the reason word with nothing after it is found even at the end */
    assert_true(doc_at(&f, "DOC.reason", 10, 0));
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_set),   cmocka_unit_test(required),
        cmocka_unit_test(required_unread),
        cmocka_unit_test(forms_required), cmocka_unit_test(sections_required),
        cmocka_unit_test(reason),
        cmocka_unit_test(direction),   cmocka_unit_test(dup_amount),
        cmocka_unit_test(class_name),  cmocka_unit_test(repeat),
        cmocka_unit_test(entity),      cmocka_unit_test(reference_document),
        cmocka_unit_test(shanghai_documents), cmocka_unit_test(hostile_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
