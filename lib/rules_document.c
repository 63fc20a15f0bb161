/*
 * rules_document.c — the document family of the rule table (DOC.*): what a
 * reviewer checks beyond the figures — required tables present (an empty one
 * with its statement), changes given with their reasons and in the right
 * direction, one amount per item, current class names, no text written
 * twice, the right entity word.  Also the helpers the DOC kinds share (the
 * folded texts, once per audit) and DOC.required itself; the other kinds
 * live in rules_document_claims.c, rules_document_text.c and
 * rules_document_names.c.
 * Promise: reads the table set only; never special-cases a document.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "profile.h"
#include "rules_document.h"
#include "text.h"

ys_severity ys_doc_sev(const ys_rule *r)
{
    if (r->a && strcmp(r->a, "error") == 0)
        return YS_SEV_ERROR;
    if (r->a && strcmp(r->a, "note") == 0)
        return YS_SEV_NOTE;
    return YS_SEV_WARNING;
}

/* ---- folded texts, once per audit ----------------------------------------- */

/* The DOC kinds fold the same paragraphs, titles and notes one after
 * another; between ys_doc_fold_open and ys_doc_fold_close each text is
 * folded once (keyed by its address: texts of the table set, unchanged
 * meanwhile) and handed out as copies. */
typedef struct fold_slot {
    const char *src;      /* NULL: empty slot */
    char *f;
    size_t len;
} fold_slot;

static _Thread_local struct {
    bool open;
    fold_slot *v;
    size_t cap, n;        /* cap: a power of two, or 0 */
} memo;

static char *fold_new(const char *s, size_t *len)
{
    size_t n = strlen(s), cap = 3 * n + 16;   /* NFKC may grow a character */
    char *f = malloc(cap);
    if (f) {
        ys_fold(s, n, f, cap);
        *len = strlen(f);
    }
    return f;
}

static size_t slot_of(const char *s, size_t cap)
{
    uintptr_t h = (uintptr_t)s;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15u;
    size_t i = (size_t)(h >> 20) & (cap - 1);
    while (memo.v[i].src && memo.v[i].src != s)
        i = (i + 1) & (cap - 1);
    return i;
}

/* Room for one more text (the table at most half full); false: no memory. */
static bool memo_room(void)
{
    if (2 * (memo.n + 1) <= memo.cap)
        return true;
    size_t cap = memo.cap ? 2 * memo.cap : 256;
    fold_slot *old = memo.v, *v = calloc(cap, sizeof *v);
    if (!v)
        return false;
    size_t oldcap = memo.cap;
    memo.v = v;
    memo.cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].src)
            memo.v[slot_of(old[i].src, cap)] = old[i];
    free(old);
    return true;
}

void ys_doc_fold_open(void)
{
    ys_doc_fold_close();
    memo.open = true;
}

void ys_doc_fold_close(void)
{
    for (size_t i = 0; i < memo.cap; i++)
        free(memo.v[i].f);
    free(memo.v);
    memset(&memo, 0, sizeof memo);
}

char *ys_doc_fold(const char *s)
{
    size_t len;
    if (!memo.open || !memo_room())
        return fold_new(s, &len);
    fold_slot *slot = &memo.v[slot_of(s, memo.cap)];
    if (!slot->src) {
        if (!(slot->f = fold_new(s, &slot->len)))
            return NULL;
        slot->src = s;
        memo.n++;
    }
    char *copy = malloc(slot->len + 1);
    if (copy)
        memcpy(copy, slot->f, slot->len + 1);
    return copy;
}

bool ys_doc_reported(const ys_findings *out, const ys_rule *r, int line)
{
    for (size_t i = out->n; i-- > 0;)
        if (out->v[i].rule == r->id && out->v[i].nlines && out->v[i].lines[0] == line)
            return true;
    return false;
}

/* ---- notes that say a table is empty -------------------------------------- */

/* Whether, in folded f, `neg` is followed in the same clause by one of words. */
static bool neg_then(const char *f, const char *neg, const char *const *words, size_t nw)
{
    for (const char *p = strstr(f, neg); p; p = strstr(p + 1, neg)) {
        const char *end = p + strlen(neg);
        while (*end && !ys_starts(end, ",") && !ys_starts(end, "。") && !ys_starts(end, ";"))
            end++;
        for (size_t i = 0; i < nw; i++) {
            const char *w = strstr(p, words[i]);
            if (w && w < end)
                return true;
        }
    }
    return false;
}

bool ys_doc_note_says_empty(const char *note)
{
    static const char *const what[] = {"预算", "安排", "支出"};
    char *f = note ? ys_doc_fold(note) : NULL;
    if (!f)
        return false;
    bool yes = strstr(f, "空表") || neg_then(f, "没有", what, 3) || neg_then(f, "无", what, 3);
    free(f);
    return yes;
}

bool ys_doc_note_says_none(const char *note)
{
    char *f = note ? ys_doc_fold(note) : NULL;
    if (!f)
        return false;
    bool yes = strstr(f, "为0") || strstr(f, "0万元") || strstr(f, "0元");
    free(f);
    return yes || ys_doc_note_says_empty(note);
}

/* ---- DOC.required --------------------------------------------------------- */

/* No row carries a figure other than zero. */
static bool table_empty(const ys_table *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        for (int c = 0; c < t->ncols; c++)
            if (t->rows[i].cells[c].v.present && t->rows[i].cells[c].v.fen != 0)
                return false;
    return true;
}

static bool has_forms(const ys_tableset *ts)
{
    for (size_t i = 0; i < ts->ntables; i++)
        if (ys_starts(ts->tables[i]->id, "12:"))
            return true;
    return false;
}

static bool t10_has_projects(const ys_tableset *ts)
{
    const ys_table *t = ys_tableset_find(ts, "10");
    for (size_t i = 0; t && i < t->nrows; i++)
        if (t->rows[i].kind == YS_ROW_ITEM)
            return true;
    return false;
}

/* Is the set a whole disclosure (so that an absent table is missing)?  A
 * set built by hand for one check holds a few tables and no prose; a read
 * document has its part 3 or most of its tables. */
static bool whole_disclosure(const ys_tableset *ts, const ys_profile *p)
{
    int required = 0, present = 0;
    for (int i = 0; i < p->ntables; i++)
        if (p->tables[i].required && p->tables[i].shape != YS_SHAPE_FORMS) {
            required++;
            present += ys_tableset_find(ts, p->tables[i].id) != NULL;
        }
    for (size_t i = 0; i < ts->nparas; i++)
        if (ts->paras[i].part == 3)
            return present > 0;
    return required && 2 * present > required;
}

static int report_table(const ys_rule *r, const char *id, const char *title, int line,
                        ys_severity sev, const char *what, ys_findings *out)
{
    char tl[64];
    ys_side s = ys_side_of((ys_amount){0}, line);
    return ys_report_finding(out, r, sev, id, &s, "", "", "%s（%s）%s",
                             ys_table_label(id, tl, sizeof tl), title, what);
}

/* A required table found under its title whose header the recogniser
 * could not map: not absent, unread; the label it stopped at is named. */
static int report_unread(const ys_rule *r, const char *id, const char *title, const ys_unread *u,
                         bool national, ys_findings *out)
{
    char what[256];
    if (u->label[0])
        ys_snprintf(what, sizeof what,
                    "表头无法识别（“%s”一列对应不上此表的栏目），未能读取，请核对原文", u->label);
    else
        ys_snprintf(what, sizeof what, "表头缺少此表的列，未能读取，请核对原文");
    return report_table(r, id, title, u->line, national ? YS_SEV_ERROR : YS_SEV_WARNING, what,
                        out);
}

/* Claim keys that say of tables 7–9 "none" (没有…) or "0" (…预算0万元). */
static const struct {
    const char *id, *none, *total;
} none_keys[] = {
    {"7", "none.three_public", "three_public.total"},
    {"8", "none.gov_fund", "gov_fund.total"},
    {"9", "none.soe", "soe.total"},
};

/* Whether the narrative says table id has nothing: a NONE claim, or its
 * total stated as 0. */
static bool narrative_says_none(const ys_tableset *ts, const char *id)
{
    for (size_t k = 0; k < sizeof none_keys / sizeof *none_keys; k++) {
        if (strcmp(none_keys[k].id, id) != 0)
            continue;
        for (size_t i = 0; i < ts->nclaims; i++) {
            const ys_claim *c = &ts->claims[i];
            if (!c->key || c->scope)
                continue;
            if ((c->kind == YS_CLAIM_NONE && !strcmp(c->key, none_keys[k].none)) ||
                (c->kind == YS_CLAIM_FIGURE && !strcmp(c->key, none_keys[k].total) &&
                 c->amount.present && c->amount.fen == 0))
                return true;
        }
    }
    return false;
}

/* Whether a part-3 paragraph stands under a heading that names section i
 * of p (folded, its numbering cut off). */
static bool section_present(const ys_tableset *ts, const ys_profile *p, int i)
{
    const char *last = NULL;
    for (size_t k = 0; k < ts->nparas; k++) {
        const ys_para *q = &ts->paras[k];
        if (q->part != 3 || !q->heading || q->heading == last)
            continue;
        last = q->heading;
        char *f = ys_doc_fold(q->heading);
        bool hit = f && ys_profile_match_section(p, ys_strip_numbering(f)) == i;
        free(f);
        if (hit)
            return true;
    }
    return false;
}

/* The sections of part 3 the profile requires (`section` lines), each
 * looked for among the headings part 3's paragraphs stand under.  Only a
 * part 3 laid out in the profile's sections is asked for the rest: when no
 * heading names one (a workbook of tables only, text under other headings)
 * a missing section says nothing the tables' checks do not. */
static int report_sections(const ys_rule *r, const ys_tableset *ts, const ys_profile *p,
                           bool national, ys_findings *out)
{
    const ys_psection *sec = NULL;
    int n = ys_profile_sections(p, &sec);
    bool present[YS_PROFILE_MAX_SECTIONS], any = false;
    for (int i = 0; i < n; i++)
        any |= present[i] = section_present(ts, p, i);
    for (int i = 0; any && i < n; i++) {
        if (present[i])
            continue;
        int rc = national
                     ? ys_report_finding(out, r, YS_SEV_ERROR, "", NULL, "", "",
                                         "情况说明缺少“%s”一节", sec[i].alts[0])
                     : ys_report_finding(out, r, YS_SEV_WARNING, "", NULL, "", "",
                                         "情况说明缺少“%s”一节或未能识别（请核对原文）",
                                         sec[i].alts[0]);
        if (rc)
            return rc;
    }
    return YS_OK;
}

/*
 * DOC.required: every table the layout profile marks `required` is there;
 * one without figures carries its statement (备注：本年没有…); the project
 * forms (12) are there when table 10 lists projects; part 3 has every
 * section the profile lists.  A missing table or section is an error (a
 * warning under other profiles than national), and so is a table found
 * under its title whose header could not be read (said so, at its
 * header's line); an empty table without statement (a 注, "没有…" or its
 * total given as 0) a warning.
 */
int ys_dk_required(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_profile *p = ys_profile_builtin(ts->profile ? ts->profile : "national");
    if (!p || !whole_disclosure(ts, p))
        return YS_OK;
    bool national = !ts->profile || strcmp(ts->profile, "national") == 0;
    for (int i = 0; i < p->ntables; i++) {
        const ys_ptable *pt = &p->tables[i];
        const char *title = pt->ntitles ? pt->titles[0] : "";
        if (!pt->required)
            continue;
        int rc = YS_OK;
        if (strcmp(pt->id, "12") == 0) {
            if (!has_forms(ts) && t10_has_projects(ts))
                rc = report_table(r, pt->id, title, 0, YS_SEV_ERROR,
                                  "缺失：表10列有项目，却没有项目支出绩效目标表", out);
        } else {
            const ys_table *t = ys_tableset_find(ts, pt->id);
            const ys_unread *u = t ? NULL : ys_tableset_unread(ts, pt->id);
            /* the recogniser notes the titles whose header it could not
             * map; under a layout less proven than the national one an
             * absent table may still be one it did not recognise: a
             * warning that says so */
            if (u)
                rc = report_unread(r, pt->id, title, u, national, out);
            else if (!t && national)
                rc = report_table(r, pt->id, title, 0, YS_SEV_ERROR, "缺失", out);
            else if (!t)
                rc = report_table(r, pt->id, title, 0, YS_SEV_WARNING,
                                  "缺失或未能识别（请核对原文是否有此表）", out);
            else if (pt->shape != YS_SHAPE_FORMS && table_empty(t) && !t->note &&
                     !narrative_says_none(ts, t->id))
                rc = report_table(r, pt->id, t->title ? t->title : title, t->first_line,
                                  YS_SEV_WARNING, "为空表，却没有说明（如“本年没有…安排”）", out);
        }
        if (rc)
            return rc;
    }
    return report_sections(r, ts, p, national, out);
}

/* ---- DOC.empty_note ------------------------------------------------------- */

/*
 * DOC.empty_note: a table whose note says it is empty (本表为空表, 无…预算)
 * while its rows carry figures: the note or the figures are wrong.  A
 * "没有…" note on tables 7–9 is N.none.*'s to report.
 */
int ys_dk_empty_note(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        if (!t->note || table_empty(t) || !ys_doc_note_says_empty(t->note))
            continue;
        bool none_rule = (!strcmp(t->id, "7") || !strcmp(t->id, "8") || !strcmp(t->id, "9")) &&
                         ys_has(t->note, "没有");
        if (none_rule)
            continue;
        ys_side s;
        ys_side_init(&s);
        ys_side_add(&s, (ys_amount){0}, t->note_line ? t->note_line : t->first_line);
        int nfig = 0;
        for (size_t k = 0; k < t->nrows; k++)
            for (int c = 0; c < t->ncols; c++)
                if (t->rows[k].cells[c].v.present && t->rows[k].cells[c].v.fen != 0) {
                    ys_side_add(&s, t->rows[k].cells[c].v, ys_cell_line(&t->rows[k], c));
                    nfig++;
                }
        char tl[64];
        int rc = ys_report_finding(out, r, ys_doc_sev(r), t->id, &s, "", "",
                                   "%s的注说“%s”，但表中列有 %d 个非零金额",
                                   ys_table_label(t->id, tl, sizeof tl), t->note, nfig);
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* ---- the rule table ------------------------------------------------------- */

const ys_rule ys_rules_document[] = {
    {"DOC.required", "必备的表都在，空表附有说明", ys_dk_required, NULL, NULL, NULL},
    {"DOC.empty_note", "注说明为空表的表中没有金额", ys_dk_empty_note, "error", NULL, NULL},
    {"DOC.reason", "增减变动说明了原因，“主要原因是”后有内容", ys_dk_reason, NULL, NULL, NULL},
    {"DOC.direction", "增减方向与增减率、上下年数字一致", ys_dk_direction, "error", NULL, NULL},
    {"DOC.dup_amount", "同一段中同一事项只有一个金额", ys_dk_dup_amount, "error", NULL, NULL},
    {"DOC.class_name", "科目名称是预算年度的名称", ys_dk_class_name, "warning", NULL, NULL},
    {"DOC.repeat", "同一段文字、同一句话不重复出现", ys_dk_repeat, "warning", NULL, NULL},
    {"DOC.entity", "部门预算与单位预算的用语一致", ys_dk_entity, "warning", NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
