/*
 * indicator.c — reading and writing performance indicator values.
 *
 * Owns the value grammar of include/yusuan/indicator.h:
 *   value  := [label] [comparator] number [万|亿] [%] [unit]
 *           | number [unit] (- | – | ~ | 至 | 到) number [unit]
 *           | qualitative word | anything else (kept verbatim)
 * Promises: never fails, never reads past n, no floating point; a text
 * it cannot read comes back as YS_IV_VERBATIM with `src` pointing at it.
 * Comparators, multipliers and qualitative words are tables below (data),
 * so a new word is a new row.
 */
#include "yusuan/indicator.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

/* Comparators as they appear after folding (NFKC maps ＞ to >, ＝ to =),
 * longest first so that ">=" wins over ">". */
static const struct cmpword {
    const char *text;
    ys_cmp cmp;
    const char *word;   /* kept in cmpword (a money comparator), or NULL */
} cmpwords[] = {
    {"合同金额=", YS_CMP_EQ, "合同金额"}, {"支付金额=", YS_CMP_EQ, "支付金额"},
    {"合同金额", YS_CMP_EQ, "合同金额"}, {"支付金额", YS_CMP_EQ, "支付金额"},
    {"大于等于", YS_CMP_GE, NULL}, {"小于等于", YS_CMP_LE, NULL},
    {"不低于", YS_CMP_GE, NULL}, {"不少于", YS_CMP_GE, NULL},
    {"不小于", YS_CMP_GE, NULL}, {"不超过", YS_CMP_LE, NULL},
    {"不高于", YS_CMP_LE, NULL}, {"不多于", YS_CMP_LE, NULL},
    {"不大于", YS_CMP_LE, NULL}, {"至少", YS_CMP_GE, NULL},
    {"最多", YS_CMP_LE, NULL}, {"大于", YS_CMP_GT, NULL},
    {"高于", YS_CMP_GT, NULL}, {"超过", YS_CMP_GT, NULL},
    {"多于", YS_CMP_GT, NULL}, {"小于", YS_CMP_LT, NULL},
    {"低于", YS_CMP_LT, NULL}, {"少于", YS_CMP_LT, NULL},
    {">=", YS_CMP_GE, NULL}, {"<=", YS_CMP_LE, NULL},
    {"≥", YS_CMP_GE, NULL}, {"≧", YS_CMP_GE, NULL}, {"≤", YS_CMP_LE, NULL},
    {"≦", YS_CMP_LE, NULL}, {"=", YS_CMP_EQ, NULL}, {">", YS_CMP_GT, NULL},
    {"<", YS_CMP_LT, NULL}, {"约", YS_CMP_ABOUT, NULL},
};

/* Qualitative words: a whole value equal to `exact`, or containing `stem`. */
static const struct qword {
    const char *text;
    bool exact;
    ys_qdir dir;
} qwords[] = {
    {"提升", false, YS_QDIR_UP}, {"提高", false, YS_QDIR_UP},
    {"增强", false, YS_QDIR_UP}, {"扩大", false, YS_QDIR_UP},
    {"优化", false, YS_QDIR_UP}, {"改善", false, YS_QDIR_UP},
    {"完善", false, YS_QDIR_UP}, {"加强", false, YS_QDIR_UP},
    {"增加", false, YS_QDIR_UP}, {"减轻", false, YS_QDIR_DOWN},
    {"压减", false, YS_QDIR_DOWN}, {"降低", false, YS_QDIR_DOWN},
    {"减少", false, YS_QDIR_DOWN}, {"缩短", false, YS_QDIR_DOWN},
    {"保障", false, YS_QDIR_NONE}, {"符合", false, YS_QDIR_NONE},
    {"达标", false, YS_QDIR_NONE}, {"合规", false, YS_QDIR_NONE},
    {"及时", false, YS_QDIR_NONE}, {"约定", false, YS_QDIR_NONE},
    {"按时", false, YS_QDIR_NONE}, {"有效", false, YS_QDIR_NONE},
    {"全覆盖", false, YS_QDIR_NONE}, {"平稳", false, YS_QDIR_NONE},
    {"稳定", false, YS_QDIR_NONE}, {"合格", false, YS_QDIR_NONE},
    {"满意", false, YS_QDIR_NONE}, {"良好", false, YS_QDIR_NONE},
    {"完成", false, YS_QDIR_NONE}, {"是", true, YS_QDIR_NONE},
    {"一批", true, YS_QDIR_NONE}, {"无", true, YS_QDIR_NONE},
};

/* Multipliers written after a number. */
static const struct mult { const char *text; int pow10; } mults[] = {
    {"万", 4}, {"亿", 8},
};

/* Range separators (folded: ～ is ~). */
static const char *const rangeseps[] = {"-", "–", "—", "~", "至", "到"};

/* Unit spellings that mean the same. */
static const struct unitsyn { const char *from, *to; } unitsyns[] = {
    {"平方米", "m2"}, {"平米", "m2"}, {"㎡", "m2"},
};

#define MAX_UNIT_CP 5      /* "元/人/天", "个工作日" — longer is prose */
/* every unit read fits ys_ivalue.unit whole (folded text is valid UTF-8,
 * at most 4 bytes a character) */
_Static_assert(sizeof ((ys_ivalue *)0)->unit > 4 * MAX_UNIT_CP, "unit room");
#define MAX_WORD_CP 24     /* longer digit-free text is prose: verbatim */
#define FOLD_CAP 512

static const int64_t pow10s[] = {
    1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
    100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
    1000000000000LL, 10000000000000LL, 100000000000000LL,
    1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
    1000000000000000000LL,
};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool has_digit(const char *s)
{
    for (; *s; s++)
        if (is_digit(*s))
            return true;
    return false;
}

/* Digits in a unit other than a power after a letter ("m2" from m², "m3"). */
static bool has_digit_outside_power(const char *s)
{
    for (size_t i = 0; s[i]; i++)
        if (is_digit(s[i]) && !(i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
                                (s[i] == '2' || s[i] == '3') && !is_digit(s[i + 1])))
            return true;
    return false;
}

static void copy_str(char *dst, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    /* never cut a UTF-8 sequence in half */
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(dst, s, n);
    dst[n] = 0;
}

/* Length of word w (not empty) when s starts with it, else 0.  The first
 * byte is compared inline: these tables are tried at every position. */
static size_t word_at(const char *s, const char *w)
{
    if (s[0] != w[0])
        return 0;
    size_t k = strlen(w);
    return strncmp(s, w, k) ? 0 : k;
}

/* Length of the comparator at s, filling cmp/word; 0 when none. */
static size_t match_cmp(const char *s, ys_cmp *cmp, const char **word)
{
    /* most values start with their figure, and no comparator of the
     * table above starts with a digit: no need to try each */
    if (is_digit(s[0]))
        return 0;
    for (size_t i = 0; i < sizeof cmpwords / sizeof *cmpwords; i++) {
        size_t k = word_at(s, cmpwords[i].text);
        if (k) {
            *cmp = cmpwords[i].cmp;
            *word = cmpwords[i].word;
            return k;
        }
    }
    return 0;
}

/* Read "1,234.5": exact decimal.  Returns bytes used, 0 when no number or
 * too many digits for int64. */
static size_t read_number(const char *s, ys_dec *out)
{
    size_t i = 0;
    bool neg = false;
    if (s[0] == '-' && is_digit(s[1])) {
        neg = true;
        i = 1;
    }
    if (!is_digit(s[i]))
        return 0;
    int64_t m = 0;
    int digits = 0, scale = 0;
    bool dot = false;
    for (;; i++) {
        char c = s[i];
        if (is_digit(c)) {
            if (++digits > 18)
                return 0;
            m = m * 10 + (c - '0');
            if (dot)
                scale++;
        } else if (c == ',' && !dot && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
                   is_digit(s[i + 3]) && !is_digit(s[i + 4])) {
            continue;   /* thousands separator */
        } else if (c == '.' && !dot && is_digit(s[i + 1])) {
            dot = true;
        } else {
            break;
        }
    }
    out->m = neg ? -m : m;
    out->scale = scale;
    return i;
}

/* Multiply d by 10^p exactly; false on overflow. */
static bool dec_shift(ys_dec *d, int p)
{
    if (d->scale >= p) {
        d->scale -= p;
        return true;
    }
    int up = p - d->scale;
    if (up > 18)
        return false;
    __int128 v = (__int128)d->m * pow10s[up];
    if (v > INT64_MAX || v < -INT64_MAX)
        return false;
    d->m = (int64_t)v;
    d->scale = 0;
    return true;
}

static size_t match_mult(const char *s, int *pow10)
{
    for (size_t i = 0; i < sizeof mults / sizeof *mults; i++) {
        size_t k = word_at(s, mults[i].text);
        if (k) {
            *pow10 = mults[i].pow10;
            return k;
        }
    }
    return 0;
}

static size_t match_rangesep(const char *s)
{
    for (size_t i = 0; i < sizeof rangeseps / sizeof *rangeseps; i++) {
        size_t k = word_at(s, rangeseps[i]);
        if (k)
            return k;
    }
    return 0;
}

/* A number with its multiplier and percent sign: "1.6万", "99%", "99.9". */
static size_t read_quantity(const char *s, ys_dec *num, int *mult, bool *pct)
{
    size_t i = read_number(s, num);
    if (!i)
        return 0;
    *mult = 0;
    i += match_mult(s + i, mult);
    if (*mult && !dec_shift(num, *mult))
        return 0;
    if (s[i] == '%') {
        *pct = true;
        i++;
    }
    return i;
}

/* Accept s as a unit: short, no digits; "(%)" and "(平方米)" unwrapped. */
static bool read_unit(const char *s, ys_ivalue *v)
{
    char buf[64];
    size_t n = strlen(s);
    if (n >= sizeof buf)
        return false;
    if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
        s++;
        n -= 2;
    }
    memcpy(buf, s, n);
    buf[n] = 0;
    if (!strcmp(buf, "%")) {
        v->pct = true;
        buf[0] = 0;
    }
    int extra_mult;
    if (match_mult(buf, &extra_mult) && v->mult)
        return false;   /* "3万万件" */
    for (const char *p = buf; *p; p++)
        if ((unsigned char)*p < 0x80 && *p != '/' && !(*p >= 'a' && *p <= 'z') &&
            !(*p >= 'A' && *p <= 'Z') && !is_digit(*p))
            return false;   /* "5件-" */
    if (has_digit_outside_power(buf) || ys_utf8_len(buf, strlen(buf)) > MAX_UNIT_CP)
        return false;
    for (size_t i = 0; i < sizeof unitsyns / sizeof *unitsyns; i++)
        if (!strcmp(buf, unitsyns[i].from))
            ys_scopy(buf, sizeof buf, unitsyns[i].to, (size_t)-1);
    /* "26.07万元": the 万 was taken as multiplier, 元 stays the unit */
    copy_str(v->unit, sizeof v->unit, buf, strlen(buf));
    return true;
}

/* [comparator] quantity [range] [unit] from s to its end. */
static bool read_numeric(const char *s, ys_ivalue *v)
{
    const char *word = NULL;
    size_t i = match_cmp(s, &v->cmp, &word);
    if (word) {
        ys_scopy(v->cmpword, sizeof v->cmpword, word, (size_t)-1);
        ys_cmp c2;
        const char *w2 = NULL;
        size_t k = match_cmp(s + i, &c2, &w2);   /* 合同金额≤25万元 */
        if (k && !w2) {
            v->cmp = c2;
            i += k;
        }
    } else if (i) {
        /* the word itself (不低于) is kept for formatting */
        if (i > 1 && (unsigned char)s[0] >= 0xE0 && strncmp(s, "≥", 3) &&
            strncmp(s, "≤", 3) && strncmp(s, "≧", 3) && strncmp(s, "≦", 3))
            copy_str(v->cmpword, sizeof v->cmpword, s, i);
    }
    size_t k = read_quantity(s + i, &v->num, &v->mult, &v->pct);
    if (!k)
        return false;
    i += k;
    v->kind = YS_IV_NUMBER;
    /* a range: "90%-95%", "3至5个", "3个-5个" */
    size_t j = i;
    while (s[j] && !(match_rangesep(s + j) && is_digit(s[j + match_rangesep(s + j)])))
        j++;
    char unit[FOLD_CAP];
    copy_str(unit, sizeof unit, s + i, j - i);
    if (s[j]) {
        size_t sep = match_rangesep(s + j);
        bool pct2 = false;
        int mult2 = 0;
        size_t k2 = read_quantity(s + j + sep, &v->hi, &mult2, &pct2);
        if (!k2)
            return false;
        if (!v->mult && mult2) {   /* "3-5万": the 万 is for both */
            v->mult = mult2;
            if (!dec_shift(&v->num, mult2))
                return false;
        }
        v->pct = v->pct || pct2;
        v->kind = YS_IV_RANGE;
        const char *unit2 = s + j + sep + k2;
        if (*unit2) {
            if (unit[0] && strcmp(unit, unit2))
                return false;
            copy_str(unit, sizeof unit, unit2, strlen(unit2));
        }
    }
    return read_unit(unit, v);
}

/* A digit-free phrase with at least one CJK character is a qualitative
 * value (a state to reach); the stems above give it a direction. */
static bool read_qualitative(const char *f, ys_ivalue *v)
{
    size_t n = strlen(f);
    ys_cmp c;
    const char *w;
    if (has_digit(f) || ys_utf8_len(f, n) > MAX_WORD_CP || match_cmp(f, &c, &w))
        return false;   /* "≥万件": a comparator with its figure missing */
    bool cjk = false;
    for (size_t i = 0; i < n; i++)
        cjk |= (unsigned char)f[i] >= 0xE4 && (unsigned char)f[i] <= 0xE9;
    if (!cjk)
        return false;
    v->kind = YS_IV_QUAL;
    v->qdir = YS_QDIR_NONE;
    copy_str(v->word, sizeof v->word, f, n);
    for (size_t i = 0; i < sizeof qwords / sizeof *qwords; i++) {
        bool hit = qwords[i].exact ? !strcmp(f, qwords[i].text)
                                   : strstr(f, qwords[i].text) != NULL;
        if (hit) {
            v->qdir = qwords[i].dir;
            break;
        }
    }
    return true;
}

/* "满意率100%", "补贴对象生活改善度不低于80%": text, then a value. */
static bool read_labelled(const char *f, ys_ivalue *v)
{
    for (size_t i = 1; f[i]; i++) {
        if (((unsigned char)f[i] & 0xC0) == 0x80)
            continue;
        ys_cmp c;
        const char *w;
        if (!is_digit(f[i]) && !match_cmp(f + i, &c, &w))
            continue;
        if (i >= sizeof v->label)
            return false;   /* a long lead-in is prose */
        char label[sizeof v->label];
        copy_str(label, sizeof label, f, i);
        if (has_digit(label))
            return false;
        ys_ivalue t = *v;
        if (!read_numeric(f + i, &t))
            continue;   /* "按合同约定100%": 约 starts no value here; look further */
        *v = t;
        copy_str(v->label, sizeof v->label, f, i);
        v->notes |= YS_IVN_LABEL;
        return true;
    }
    return false;
}

ys_ivkind ys_ivalue_parse(const char *s, size_t n, ys_ivalue *out)
{
    memset(out, 0, sizeof *out);
    out->src = s ? s : "";
    out->srclen = s ? n : 0;
    if (!s)
        return out->kind = YS_IV_EMPTY;
    char f[FOLD_CAP];
    size_t fn = ys_fold(s, n, f, sizeof f);
    if (fn == (size_t)-1)
        return out->kind = YS_IV_VERBATIM;
    if (fn == 0)
        return out->kind = YS_IV_EMPTY;
    ys_ivalue t = *out;
    if (read_numeric(f, &t)) {
        *out = t;
        return out->kind;
    }
    t = *out;
    if (read_qualitative(f, &t)) {
        *out = t;
        return out->kind;
    }
    t = *out;
    if (read_labelled(f, &t)) {
        *out = t;
        return out->kind;
    }
    return out->kind = YS_IV_VERBATIM;
}

int ys_dec_cmp(ys_dec a, ys_dec b)
{
    int s = a.scale > b.scale ? a.scale : b.scale;
    if (s > 18 || a.scale < 0 || b.scale < 0)
        return 0;
    __int128 x = (__int128)a.m * pow10s[s - a.scale];
    __int128 y = (__int128)b.m * pow10s[s - b.scale];
    return x < y ? -1 : x > y;
}

size_t ys_dec_format(ys_dec d, char *buf, size_t cap)
{
    if (!cap)
        return 0;
    int64_t m = d.m;
    int scale = d.scale;
    while (scale > 0 && m % 10 == 0) {
        m /= 10;
        scale--;
    }
    char digits[32];
    bool neg = m < 0;
    unsigned long long u = neg ? (unsigned long long)(-(m + 1)) + 1 : (unsigned long long)m;
    int nd = snprintf(digits, sizeof digits, "%llu", u);
    char tmp[48];
    size_t o = 0;
    if (neg)
        tmp[o++] = '-';
    if (scale <= 0) {
        memcpy(tmp + o, digits, (size_t)nd);
        o += (size_t)nd;
    } else if (nd <= scale) {
        tmp[o++] = '0';
        tmp[o++] = '.';
        for (int i = nd; i < scale; i++)
            tmp[o++] = '0';
        memcpy(tmp + o, digits, (size_t)nd);
        o += (size_t)nd;
    } else {
        memcpy(tmp + o, digits, (size_t)(nd - scale));
        o += (size_t)(nd - scale);
        tmp[o++] = '.';
        memcpy(tmp + o, digits + nd - scale, (size_t)scale);
        o += (size_t)scale;
    }
    tmp[o] = 0;
    return (size_t)snprintf(buf, cap, "%s", tmp);
}

static const char *cmp_text(const ys_ivalue *v)
{
    switch (v->cmp) {
    case YS_CMP_EQ: return "=";
    case YS_CMP_GE: return "≥";
    case YS_CMP_GT: return ">";
    case YS_CMP_LE: return "≤";
    case YS_CMP_LT: return "<";
    case YS_CMP_ABOUT: return "约";
    default: return "";
    }
}

/* The number as written: the multiplier taken back out. */
static size_t format_quantity(ys_dec d, const ys_ivalue *v, char *buf, size_t cap)
{
    d.scale += v->mult;
    char num[48];
    ys_dec_format(d, num, sizeof num);
    const char *mw = v->mult == 4 ? "万" : v->mult == 8 ? "亿" : "";
    return (size_t)snprintf(buf, cap, "%s%s%s", num, mw, v->pct ? "%" : "");
}

size_t ys_ivalue_format(const ys_ivalue *v, char *buf, size_t cap)
{
    if (!cap)
        return 0;
    char a[64], b[64];
    switch (v->kind) {
    case YS_IV_EMPTY:
        buf[0] = 0;
        return 0;
    case YS_IV_QUAL:
        return (size_t)snprintf(buf, cap, "%s", v->word);
    case YS_IV_VERBATIM:
        return (size_t)snprintf(buf, cap, "%.*s", (int)v->srclen, v->src);
    case YS_IV_RANGE:
        format_quantity(v->num, v, a, sizeof a);
        format_quantity(v->hi, v, b, sizeof b);
        return (size_t)snprintf(buf, cap, "%s%s-%s%s", v->label, a, b, v->unit);
    case YS_IV_NUMBER:
        break;
    }
    format_quantity(v->num, v, a, sizeof a);
    const char *word = v->cmpword[0] && !strncmp(v->cmpword, "合同", 6) ? v->cmpword
                     : v->cmpword[0] && !strncmp(v->cmpword, "支付", 6) ? v->cmpword : "";
    return (size_t)snprintf(buf, cap, "%s%s%s%s%s", v->label, word, cmp_text(v), a, v->unit);
}
