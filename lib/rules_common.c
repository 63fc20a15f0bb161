/*
 * rules_common.c — the machinery every rule family shares: sides of a
 * comparison and the verdict on them (severity policy of docs/rules.md),
 * findings with Chinese messages, name folding, project matching across
 * tables 10/11/12, and the exact interval test for percentages (the
 * cell-reference expressions are rules_refs.c's).
 * Promise: no floating point; never reads outside a table; malformed rule
 * parameters make a rule do nothing rather than crash.
 */
#include "format.h"
#include "rules_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "yusuan/indicator.h"

/* ---- sides and verdicts ---- */

void ys_side_init(ys_side *s) { memset(s, 0, sizeof *s); }

static void side_line(ys_side *s, int line)
{
    if (line <= 0)
        return;
    for (int i = 0; i < s->nlines; i++)
        if (s->lines[i] == line)
            return;
    if (s->nlines < YS_FINDING_MAXLINES)
        s->lines[s->nlines++] = line;
}

void ys_side_add(ys_side *s, ys_amount v, int line)
{
    s->nrows++;
    side_line(s, line);
    if (!v.present)
        return;
    s->fen += v.fen;
    s->ulp += v.ulp;
    if (v.ulp > s->maxulp)
        s->maxulp = v.ulp;
    s->nparts++;
}

ys_side ys_side_of(ys_amount v, int line)
{
    ys_side s;
    ys_side_init(&s);
    ys_side_add(&s, v, line);
    return s;
}

int ys_judge(const ys_side *lhs, const ys_side *rhs)
{
    int64_t d = lhs->fen - rhs->fen;
    if (d < 0)
        d = -d;
    if (d == 0)
        return -1;
    int64_t tol = lhs->ulp + rhs->ulp;
    bool single = lhs->nparts <= 1 && rhs->nparts <= 1;
    if (2 * d < tol)
        return single ? -1 : YS_SEV_NOTE;
    int64_t unit = lhs->maxulp > rhs->maxulp ? lhs->maxulp : rhs->maxulp;
    /* Within one unit of the coarser figure's last place, the two figures
     * are the same quantity rounded differently (or cut off, as some
     * narratives do: 87.70 for 87.708): a warning, not a disagreement. */
    if (single && lhs->nparts == 1 && rhs->nparts == 1 && d <= unit)
        return YS_SEV_WARNING;
    return YS_SEV_ERROR;
}

/* ---- formatting ---- */

bool ys_in_list(const char *list, const char *key)
{
    if (!list)
        return false;
    size_t n = strlen(key);
    for (const char *p = list;;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && memcmp(p, key, n) == 0)
            return true;
        if (!bar)
            return false;
        p = bar + 1;
    }
}

const char *ys_wan(int64_t fen, char *buf, size_t cap)
{
    ys_amount_format(fen, YS_UNIT_WAN, 2, true, buf, cap);
    return buf;
}

const char *ys_pct(ys_amount p, char *buf, size_t cap)
{
    int dp = 4;
    for (int64_t u = p.ulp; u >= 10 && dp > 0; u /= 10)
        dp--;
    ys_pct_format(p.fen, dp, buf, cap);
    return buf;
}

static const struct { const char *key, *label; } col_labels[] = {
    {"total", "合计"}, {"basic", "基本支出"}, {"project", "项目支出"},
    {"operating", "事业单位经营支出"}, {"upper", "上缴上级支出"},
    {"subsidy", "对附属单位补助支出"}, {"personnel", "人员经费"},
    {"public", "公用经费"}, {"amount", "金额"}, {"share", "占比"},
    {"prior1", "上年金额"}, {"prior2", "前年金额"}, {"year", "项目本年度预算"},
    {"qty", "数量"}, {"abroad", "因公出国（境）费"},
    {"car.subtotal", "公务用车购置及运行费小计"}, {"car.purchase", "公务用车购置费"},
    {"car.operation", "公务用车运行费"}, {"reception", "公务接待费"},
    {"year.subtotal", "本年收入小计"}, {"year.gpb", "本年一般公共预算"},
    {"year.gov_fund", "本年政府性基金预算"}, {"year.soe", "本年国有资本经营预算"},
    {"year.special_acct", "财政专户管理资金"}, {"year.business", "事业收入"},
    {"year.operating", "事业单位经营收入"}, {"year.upper", "上级补助收入"},
    {"year.affiliated", "附属单位上缴收入"}, {"year.other", "其他收入"},
    {"carry.subtotal", "上年结转结余小计"}, {"carry.gpb", "结转一般公共预算"},
    {"carry.gov_fund", "结转政府性基金预算"}, {"carry.soe", "结转国有资本经营预算"},
    {"carry.special_acct", "结转财政专户管理资金"}, {"carry.unit_funds", "结转单位资金"},
    {"special_acct", "财政专户管理资金"}, {"unit_funds", "单位资金"},
};

const char *ys_rule_col(const char *key)
{
    for (size_t i = 0; i < sizeof col_labels / sizeof *col_labels; i++)
        if (strcmp(col_labels[i].key, key) == 0)
            return col_labels[i].label;
    return key;
}

/* a, b and c one after another in buf (cap > 0 bytes), cut to fit as
 * snprintf cuts: labels are made for every check, not only findings. */
static const char *join3(char *buf, size_t cap, const char *a, const char *b, const char *c)
{
    const char *part[3] = {a, b, c};
    size_t o = 0;
    for (int i = 0; i < 3 && o + 1 < cap; i++) {
        size_t n = strlen(part[i]);
        if (n > cap - 1 - o)
            n = cap - 1 - o;
        memcpy(buf + o, part[i], n);
        o += n;
    }
    buf[o] = 0;
    return buf;
}

const char *ys_table_label(const char *id, char *buf, size_t cap)
{
    if (strncmp(id, "12:", 3) == 0)
        return join3(buf, cap, "项目表《", id + 3, "》");
    if (strcmp(id, "11.projects") == 0)
        return join3(buf, cap, "表11项目清单", "", "");
    return join3(buf, cap, "表", id, "");
}

const char *ys_row_label(const ys_row *r, char *buf, size_t cap)
{
    if (r->kind == YS_ROW_TOTAL && !r->code[0])
        ys_scopy(buf, cap, r->name[0] ? r->name : "合计", (size_t)-1);
    else if (r->code[0] && r->key == NULL)
        join3(buf, cap, r->code, " ", r->name);
    else
        ys_scopy(buf, cap, r->name, (size_t)-1);
    return buf;
}

ys_amount ys_cell_at(const ys_row *r, int c)
{
    ys_amount blank = {0, 0, false};
    return c < 0 ? blank : r->cells[c].v;
}

int ys_cell_line(const ys_row *r, int c)
{
    if (c >= 0 && r->cells[c].line > 0)
        return r->cells[c].line;
    return r->line;
}

/* ---- findings ---- */

/* Copy s into buf, cut to fit on a UTF-8 character boundary. */
static const char *utf8_cut(char *buf, size_t cap, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    return ys_scopy(buf, cap, s ? s : "", n);
}

int ys_report_finding(ys_findings *out, const ys_rule *r, ys_severity sev,
                      const char *table, const ys_side *s, const char *expected,
                      const char *actual, const char *fmt, ...)
{
    char msg[1536], exp[64], act[64];
    va_list ap;
    va_start(ap, fmt);
    ys_vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* findings keep 63 bytes of each: cut on a character boundary */
    ys_finding *f = ys_findings_add(out, sev, r->id, table, s ? s->lines : NULL,
                                    s ? s->nlines : 0, utf8_cut(exp, sizeof exp, expected),
                                    utf8_cut(act, sizeof act, actual), "%s", msg);
    return f ? YS_OK : YS_ENOMEM;
}

static const char *verdict_text(int sev)
{
    switch (sev) {
    case YS_SEV_NOTE: return "，在四舍五入尾差范围内";
    case YS_SEV_WARNING: return "，末位相差一个单位（舍入方式不同）";
    default: return "，超出四舍五入可能的误差";
    }
}

/* Figures written in 元 (Shanghai's tables) are compared in 元: in 万元 a
 * one-元 difference would read "相差 0.00 万元". */
static ys_unit side_unit(const ys_side *lhs, const ys_side *rhs)
{
    int64_t m = lhs->maxulp > rhs->maxulp ? lhs->maxulp : rhs->maxulp;
    return m > 0 && m <= ys_unit_ulp(YS_UNIT_YUAN, 0) ? YS_UNIT_YUAN : YS_UNIT_WAN;
}

static void side_money(int64_t fen, ys_unit unit, char *buf, size_t cap)
{
    if (unit == YS_UNIT_YUAN)
        ys_amount_format(fen, YS_UNIT_YUAN, fen % 100 ? 2 : 0, true, buf, cap);
    else
        ys_wan(fen, buf, cap);
}

int ys_compare(ys_findings *out, const ys_rule *r, const char *table,
               const char *what, const char *lname, const ys_side *lhs,
               const char *rname, const ys_side *rhs)
{
    int sev = ys_judge(lhs, rhs);
    if (sev < 0)
        return YS_OK;
    char a[48], b[48], d[48];
    ys_side all = *lhs;
    for (int i = 0; i < rhs->nlines; i++)
        side_line(&all, rhs->lines[i]);
    int64_t diff = lhs->fen - rhs->fen;
    ys_unit unit = side_unit(lhs, rhs);
    side_money(lhs->fen, unit, a, sizeof a);
    side_money(rhs->fen, unit, b, sizeof b);
    side_money(diff < 0 ? -diff : diff, unit, d, sizeof d);
    const char *u = unit == YS_UNIT_YUAN ? "元" : "万元";
    return ys_report_finding(out, r, (ys_severity)sev, table, &all, b, a,
                             "%s：%s %s %s，%s %s %s，相差 %s %s%s", what, lname, a, u,
                             rname, b, u, d, u, verdict_text(sev));
}

/* ---- names ---- */

/* Length of a leading "一、" / "（一）" / "1." numbering in folded s. */
static size_t numbering_len(const char *s)
{
    if (s[0] == '(') {
        const char *e = strchr(s, ')');
        if (e && e - s <= 16)
            return (size_t)(e - s) + 1 + (strncmp(e + 1, "、", 3) == 0 ? 3 : 0);
    }
    static const char numerals[] = "一二三四五六七八九十廿";
    const char *dun = strstr(s, "、");
    if (!dun || dun == s || dun - s > 9)
        return 0;
    for (const char *p = s; p < dun;) {
        if (*p >= '0' && *p <= '9') {
            p++;
            continue;
        }
        if ((unsigned char)*p < 0x80 || dun - p < 3)
            return 0;
        char ch[4] = {p[0], p[1], p[2], 0};
        if (!strstr(numerals, ch))
            return 0;
        p += 3;
    }
    return (size_t)(dun - s) + 3;
}

const char *ys_name_fold(const char *name, char *out, size_t cap)
{
    if (ys_fold(name, strlen(name), out, cap) == (size_t)-1)
        ys_scopy(out, cap, name, (size_t)-1);
    size_t k = numbering_len(out);
    if (k)
        memmove(out, out + k, strlen(out + k) + 1);
    return out;
}

int ys_project_match(const char *name, ys_amount amount, const ys_proj *c,
                     int n, bool *by_name)
{
    char k[512], kc[512];
    ys_project_key(name, k, sizeof k);
    char *kc_p = kc;
    int hit = -1, hits = 0;
    for (int i = 0; i < n; i++)
        if (k[0] && ys_project_key(c[i].name, kc_p, sizeof kc) && strcmp(k, kc) == 0) {
            hit = i;
            hits++;
        }
    if (hits == 1) {
        *by_name = true;
        return hit;
    }
    hit = -1;
    hits = 0;
    for (int i = 0; amount.present && i < n; i++)
        if (c[i].amount.present && c[i].amount.fen == amount.fen) {
            hit = i;
            hits++;
        }
    *by_name = false;
    return hits == 1 ? hit : -1;
}

int ys_t10_projects(const ys_tableset *ts, ys_proj *v, int cap)
{
    const ys_table *t = ys_tableset_find(ts, "10");
    if (!t)
        return 0;
    int c = ys_table_col(t, "total"), n = 0;
    for (size_t i = 0; i < t->nrows && n < cap; i++) {
        const ys_row *r = &t->rows[i];
        if (r->kind != YS_ROW_ITEM)
            continue;
        v[n].name = r->name;
        v[n].amount = ys_cell_at(r, c);
        v[n].line = r->line;
        n++;
    }
    return n;
}

/* ---- percentages ---- */

/* Doubled interval of a shown figure: [2x − u, 2x + u]. */
static void span2(ys_amount a, __int128 *lo, __int128 *hi)
{
    __int128 x = (__int128)(a.present ? a.fen : 0) * 2, u = a.present ? a.ulp : 0;
    *lo = x - u;
    *hi = x + u;
}

/* Is num/den (den > 0) ≤ / ≥ the fraction P/(2·10^6)?  sign of
 * num·2·10^6 − P·den. */
static int cmp_frac(__int128 num, __int128 den, __int128 p2)
{
    __int128 l = num * 2000000, r = p2 * den;
    return l < r ? -1 : l > r;
}

/* Ratio range over corners meets [p2lo, p2hi] / (2·10^6)?  Each corner's
 * num/den is compared with both ends; the range meets the interval unless
 * every corner lies below the low end or every corner above the high end. */
static bool corners_meet(const __int128 num[4], const __int128 den[4],
                         __int128 p2lo, __int128 p2hi)
{
    bool all_below = true, all_above = true;
    for (int i = 0; i < 4; i++) {
        if (den[i] <= 0)
            return true;
        if (cmp_frac(num[i], den[i], p2lo) >= 0)
            all_below = false;
        if (cmp_frac(num[i], den[i], p2hi) <= 0)
            all_above = false;
    }
    return !all_below && !all_above;
}

int64_t ys_ratio_pct(int64_t num, int64_t den)
{
    if (den == 0)
        return 0;
    __int128 n = (__int128)num * 1000000, d = den;
    if (d < 0)
        n = -n, d = -d;
    __int128 q = n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
    return (int64_t)q;
}

bool ys_rate_possible(ys_amount t, ys_amount x, ys_amount p)
{
    __int128 tl, th, xl, xh, num[4], den[4];
    span2(t, &tl, &th);
    span2(x, &xl, &xh);
    __int128 ts[2] = {tl, th}, xs[2] = {xl, xh};
    for (int i = 0; i < 4; i++) {
        num[i] = xs[i & 1];
        den[i] = ts[i >> 1] - xs[i & 1];
    }
    __int128 p2 = (__int128)p.fen * 2;
    return corners_meet(num, den, p2 - p.ulp, p2 + p.ulp);
}

bool ys_share_possible(ys_amount part, ys_amount whole, ys_amount p)
{
    __int128 al, ah, wl, wh, num[4], den[4];
    span2(part, &al, &ah);
    span2(whole, &wl, &wh);
    __int128 as[2] = {al, ah}, ws[2] = {wl, wh};
    for (int i = 0; i < 4; i++) {
        num[i] = as[i & 1];
        den[i] = ws[i >> 1];
    }
    __int128 p2 = (__int128)p.fen * 2;
    return corners_meet(num, den, p2 - p.ulp, p2 + p.ulp);
}
