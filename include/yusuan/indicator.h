/*
 * yusuan/indicator.h — the value grammar of performance indicators (绩效指标值)
 * and the matching of indicators and goals across tables 11 and 12.
 *
 * A value text such as "≥7万件", "≤1500元/人/天", "合同金额=25万元", "0.99",
 * "90%-95%", "提升" is read into a ys_ivalue: a comparator, an exact decimal
 * (int64 mantissa and decimal scale, 万/亿 applied), a percent flag, a unit
 * ("件", "元/人/天", "元/年", "m2"), or a qualitative word.  Text that
 * cannot be read is kept verbatim (kind YS_IV_VERBATIM) and never dropped.
 *
 * No floating point anywhere: comparisons align decimal scales exactly.
 * A ys_ivalue holds no pointers into heap memory except `src`, which points
 * at the caller's text (the caller keeps it alive while it uses `src`).
 */
#ifndef YUSUAN_INDICATOR_H
#define YUSUAN_INDICATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "yusuan/tableset.h"

typedef enum ys_cmp {
    YS_CMP_NONE = 0,   /* a bare value: "99%", "10398m²" */
    YS_CMP_EQ,         /* "=", 合同金额=, 支付金额= */
    YS_CMP_GE,         /* ≥ >= 不低于 不少于 至少 */
    YS_CMP_GT,         /* > ＞ 大于 高于 超过 */
    YS_CMP_LE,         /* ≤ <= 不超过 不高于 最多 */
    YS_CMP_LT,         /* < ＜ 小于 低于 */
    YS_CMP_ABOUT       /* 约 */
} ys_cmp;

typedef enum ys_ivkind {
    YS_IV_EMPTY = 0,   /* blank cell */
    YS_IV_NUMBER,      /* [comparator] number [unit] */
    YS_IV_RANGE,       /* number–number [unit] */
    YS_IV_QUAL,        /* a qualitative phrase (digit-free, ≤ 24 characters):
                          提升, 有效保障, 按合同约定时间 … */
    YS_IV_VERBATIM     /* not readable: kept as written, noted */
} ys_ivkind;

/* Direction a qualitative word points to. */
typedef enum ys_qdir {
    YS_QDIR_NONE = 0,  /* a state to reach: 有效保障, 符合合同要求, 及时 */
    YS_QDIR_UP,        /* 提升, 优化, 增强, 扩大 */
    YS_QDIR_DOWN       /* 减轻, 压减, 降低 */
} ys_qdir;

/* What is known of the indicator a value belongs to (bits of `ctx`). */
enum {
    YS_IVC_RATE = 1 << 0,      /* a rate: 0.99 and 99% are the same value */
    YS_IVC_COST = 1 << 1       /* a cost: a bare "26" is money in the table unit */
};

/* Notes on how a value was read (bits of ys_ivalue.notes). */
enum {
    YS_IVN_GLYPH = 1 << 0,     /* > or < read as ≥ / ≤ (a glyph lost in conversion) */
    YS_IVN_FRACTION = 1 << 1,  /* a bare fraction read as a percentage (0.99 → 99%) */
    YS_IVN_LABEL = 1 << 2,     /* text before the value was taken as a label */
    YS_IVN_UNIT_GUESS = 1 << 3 /* unit taken from the other places of the indicator */
};

/* An exact decimal: value = m / 10^scale. */
typedef struct ys_dec {
    int64_t m;
    int scale;
} ys_dec;

typedef struct ys_ivalue {
    ys_ivkind kind;
    ys_cmp cmp;
    ys_dec num;         /* the number, 万/亿 applied (26.07万 → 260700) */
    ys_dec hi;          /* upper end of a range */
    int mult;           /* power of ten of the multiplier written: 4 万, 8 亿, 0 */
    bool pct;           /* the number is in percent */
    /* The texts of a figure and the word of a qualitative value share their
     * room (a value is one or the other; ~500 values live in one audit):
     * read cmpword/unit/label only when kind is NUMBER or RANGE, word only
     * when kind is QUAL.  Parsing zeroes both, so either reads "" on EMPTY
     * and VERBATIM. */
    union {
        struct {
            char cmpword[16]; /* "合同金额", "支付金额", "不低于" … as written, or "" */
            char unit[24];    /* folded unit without the multiplier: "件", "元/人/天", ""
                               * (at most 5 characters, see lib/indicator.c) */
            char label[48];   /* text before the value ("满意率" in "满意率100%"), or "" */
        };
        char word[64];        /* qualitative word (folded), or "" */
    };
    ys_qdir qdir;
    unsigned notes;     /* YS_IVN_* */
    const char *src;    /* the text as given (caller's), for messages */
    size_t srclen;
} ys_ivalue;

/*
 * Parse s[0..n).  Always fills *out (kind VERBATIM when unreadable, EMPTY
 * when blank) and returns its kind; never fails.
 */
ys_ivkind ys_ivalue_parse(const char *s, size_t n, ys_ivalue *out);

/* True when a 三级 name names a rate (ends in 率 or 度). */
bool ys_indicator_is_rate(const char *l3);
/* True when an indicator is a cost: 一级 成本…, or the 三级 name or value
 * says 费 / 成本 / 限额 / 金额 / 租赁. */
bool ys_indicator_is_cost(const char *l1, const char *l3, const ys_ivalue *v);
/* True when the unit is money (元, 元/年) and not a price per item (元/件). */
bool ys_ivalue_is_money(const ys_ivalue *v);
/* The value of a money indicator in 分 (万元 when no unit is written and
 * `bare_unit` says so).  Returns false when v is no money figure. */
bool ys_ivalue_money_fen(const ys_ivalue *v, ys_unit bare_unit, int64_t *fen);

/* The YS_IVC_* context of an indicator from its names (and a value). */
unsigned ys_indicator_ctx(const char *l1, const char *l3, const ys_ivalue *v);

/*
 * Bring a value into the form the others of the same indicator use: a bare
 * fraction ≤ 1 becomes a percentage when the indicator is a rate or `like`
 * is one; a value without unit takes the unit of `like` (and, for a cost,
 * its 万).  `like` may be NULL.
 */
void ys_ivalue_normalize(ys_ivalue *v, unsigned ctx, const ys_ivalue *like);

/*
 * Within one table block (the values of one goal), read a lone > / < as
 * ≥ / ≤ when every other comparator in the block is ≥ / ≤.  Sets
 * YS_IVN_GLYPH on each value changed; returns how many were changed.
 */
int ys_ivalue_fix_glyphs(ys_ivalue *v, size_t n);

typedef enum ys_ivsame {
    YS_IVS_SAME = 0,     /* same meaning (written differently at most) */
    YS_IVS_WEAK,         /* same number; comparator strict vs non-strict or missing */
    YS_IVS_DIFFER,       /* different meaning */
    YS_IVS_UNKNOWN       /* cannot be compared (verbatim, other units) */
} ys_ivsame;

/* Copies of a and b normalised against each other into x and y; false when
 * their units or percent signs cannot be compared. */
bool ys_ivalue_align(const ys_ivalue *a, const ys_ivalue *b, unsigned ctx, ys_ivalue *x,
                     ys_ivalue *y);

/* Compare two values of the same indicator (each normalised to the other).
 * A bare value and the same number with a comparator count as SAME. */
ys_ivsame ys_ivalue_same(const ys_ivalue *a, const ys_ivalue *b, unsigned ctx);

/* True when the sets of values a and b allow do not meet at all
 * (=802 vs <600; ≥95% vs ≤90%).  False when either is not numeric. */
bool ys_ivalue_disjoint(const ys_ivalue *a, const ys_ivalue *b, unsigned ctx);

/*
 * Stricter/easier for targets of the same indicator: returns 1 when a is
 * stricter than b, -1 when easier, 0 when equal, 2 when not comparable.
 * For ≥ targets larger is stricter; for ≤ targets and costs smaller is.
 */
int ys_ivalue_stricter(const ys_ivalue *a, const ys_ivalue *b, unsigned ctx);

/* Compare two decimals: -1, 0, 1. */
int ys_dec_cmp(ys_dec a, ys_dec b);
/* Format a decimal without trailing zeros ("26.07", "70000"). */
size_t ys_dec_format(ys_dec d, char *buf, size_t cap);

/* The value back as text ("≥99%", "合同金额=25万元", "提升").  Returns length. */
size_t ys_ivalue_format(const ys_ivalue *v, char *buf, size_t cap);

/* ---- matching (lib/indicator_match.c; goals: lib/indicator_goals.c) ---- */

/* Fold a project name for matching: full-width folded, white space, a
 * trailing （一级）/（二级）, "项目", "经费"/"费" and "工作" dropped. */
size_t ys_project_key(const char *name, char *out, size_t cap);

/* Fold an indicator (三级) name: folded, trailing "/件"-style units and
 * "标准" dropped, quotes removed. */
size_t ys_indicator_key(const char *name, char *out, size_t cap);

/* Similarity of two UTF-8 strings in 0..1000 (Dice coefficient of
 * character bigrams; 1000 = equal). */
int ys_similarity(const char *a, const char *b);

/* How a goal of table 11 was matched to a project form. */
typedef enum ys_match_how {
    YS_MATCH_NONE = 0,
    YS_MATCH_GOALTEXT = 1 << 0,   /* the goal texts agree */
    YS_MATCH_INDICATORS = 1 << 1, /* most indicator names recur */
    YS_MATCH_NAME = 1 << 2,       /* the project names agree once folded */
    YS_MATCH_AMOUNT = 1 << 3      /* the budget figures agree */
} ys_match_how;

/* "目标说明相同、指标名称重合" — the Chinese words for how (static). */
void ys_match_describe(unsigned how, char *buf, size_t cap);

/*
 * For table 11's goal `no` (annual or not), the project form table id
 * ("12:<name>") it describes, or NULL; *how says why.  The id points into
 * ts.  Uses goal texts and indicator names of ts->goals / ts->ind.
 */
const char *ys_match_goal_form(const ys_tableset *ts, int no, bool annual,
                               unsigned *how);

/*
 * The project form ("12:<name>") that a project named `name` with budget
 * `fen` (0: unknown) refers to, or NULL.  *how says why.
 */
const char *ys_match_project_form(const ys_tableset *ts, const char *name,
                                  int64_t fen, unsigned *how);

/* Among the indicators ind[0..n), the one that is the same measure as `x`
 * (folded 三级 names equal or similar), or -1.  `used` (may be NULL) marks
 * those already taken. */
long ys_match_indicator(const ys_indicator *x, const ys_indicator *const *ind,
                        size_t n, const bool *used);

#endif
