/*
 * narrative_internal.h — how the parts of the narrative reader call each
 * other.  Internal to libyusuan.
 *
 *   narrative.c          part 3 of a document: sections, paragraphs (broken
 *                        lines joined), then claims per paragraph;
 *                        ys_claims_from_text for one piece of text.
 *   narrative_text.c     the folded paragraph text and its line map.
 *   narrative_figures.c  the figures of a sentence (number + unit).
 *   narrative_extract.c  sentences → figures → claims.
 *   narrative_patterns.c the tables: subject patterns → claim key, change
 *                        and rate verbs, "没有…安排" statements.
 *   narrative_subject.c  subject cleaning and code resolution (function
 *                        类/款/项 chains, economic codes, projects).
 */
#ifndef YS_NARRATIVE_INTERNAL_H
#define YS_NARRATIVE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "yusuan/tableset.h"

/* ---- narrative_text.c ------------------------------------------------ */

/* A paragraph folded to half-width (white space runs kept as one space),
 * with HTML-ish tags removed, and where each source line starts in it. */
typedef struct ys_ntext {
    char *s;              /* NUL-terminated folded text (owned) */
    size_t n, cap;
    size_t *map_off;      /* start offset in s of each appended line */
    int *map_line;        /* its document line */
    size_t nmap, mapcap;
} ys_ntext;

void ys_ntext_init(ys_ntext *t);
void ys_ntext_free(ys_ntext *t);
void ys_ntext_clear(ys_ntext *t);
/* Append raw text of document line `line` (folded, tags stripped).
 * Returns 0, or -1 when out of memory. */
int ys_ntext_append(ys_ntext *t, const char *raw, size_t n, int line);
/* The document line holding offset `off` of t->s. */
int ys_ntext_line_at(const ys_ntext *t, size_t off);

/* ---- narrative_patterns.c -------------------------------------------- */

/* Section number used for project-form text (scope "12:<name>"). */
#define YS_NSEC_FORM (-1)
/* Pattern section for prose under no numbered heading (section 0). */
#define YS_NSEC_UNNUMBERED (-2)
/* Topic of the Shanghai 部门(单位)预算编制说明: income, expenditure and
 * functions in one part (no national section number). */
#define YS_NTOPIC_BUDGET_NOTE 12

typedef enum ys_nresolve {
    YS_NR_NONE = 0,       /* no code */
    YS_NR_FUNC_CHAIN,     /* 类/款/项 name chain → function code */
    YS_NR_FUNC_CLASS,     /* a function 类 name; the pattern needs it */
    YS_NR_FUNC_ANY,       /* a function name of any level; needed */
    YS_NR_ECON,           /* an economic name; needed */
    YS_NR_PROJECT,        /* a project name (table 10 code when found) */
    YS_NR_FORM_YEAR       /* form.year or form.prior by the figure's year */
} ys_nresolve;

typedef struct ys_npattern {
    int section;          /* 1…11, YS_NSEC_FORM, YS_NSEC_UNNUMBERED, or 0 for
                             any part-3 prose */
    const char *ctx;      /* must occur in heading or paragraph; NULL: any */
    const char *subj;     /* must occur in the subject ("a&b": both;
                             "=x": exactly x); NULL: any */
    const char *key;
    ys_nresolve how;
} ys_npattern;

/* Role of a figure from the words just before it. */
typedef enum ys_nrole {
    YS_NROLE_SUBJECT = 0, /* a new subject's figure */
    YS_NROLE_CHANGE,      /* 增加/减少 X 万元 */
    YS_NROLE_RATE,        /* 增长/下降 p% */
    YS_NROLE_SHARE,       /* 占 p% */
    YS_NROLE_PRIOR,       /* 比 2025 年(预算) X 万元 …; 2022年当年预算执行数为 X */
    YS_NROLE_RESTATE,     /* 2023年预算安排 X: the latest figure said again */
    YS_NROLE_IGNORE
} ys_nrole;

const ys_npattern *ys_npatterns(size_t *n);

/* The national section (1…11) a heading (folded) is about, by its words;
 * `number` (the heading's own number) when no words match. */
int ys_ntopic(const char *heading, int number);

/* The topic of an un-numbered part heading ("2025年部门预算编制说明",
 * "其他相关情况说明", "项目经费情况说明"; folded line), or 0. */
int ys_npart(const char *line);

/* Money role of the clause before a figure; *sign gets +1 or -1. */
ys_nrole ys_nrole_money(const char *clause, int *sign);
/* Percentage role of the clause before a figure; *sign gets +1 or -1. */
ys_nrole ys_nrole_pct(const char *clause, int *sign);

/* Whether a figure is a bound, not an amount: `after` is the text right
 * after its unit, `clause` the words before it. */
bool ys_nthreshold(const char *after, const char *clause);

/* Key of a "没有…安排" sentence (folded, no spaces), or NULL; *at gets the
 * byte offset of the negation in it. */
const char *ys_nnone_key(const char *sentence, size_t *at);

/* ---- narrative_subject.c --------------------------------------------- */

/* The subject named in `clause` (numbering, 其中/包括, a leading year and
 * a trailing 为/是 removed), written into out (spaces kept, trimmed). */
void ys_nsubject_clean(const char *clause, size_t n, char *out, size_t cap);

/* Remove every quotation mark from s (in place): names compare without. */
void ys_nsubject_unquote(char *s);

/* A code for `subject_nospace` resolved by `how` against the tables of ts
 * and the code list; NULL when it does not resolve.  The string lives in
 * ts's arena (or is static). */
const char *ys_nresolve_code(ys_tableset *ts, ys_nresolve how,
                             const char *subject_nospace);

/* ---- narrative_figures.c --------------------------------------------- */

/* YS_NTK_BLANK: 万元 without a number; YS_NTK_BLANK_PCT: % without one after a
 * rate verb or 占 ("增长%", "占%"). */
typedef enum ys_ntkind { YS_NTK_MONEY, YS_NTK_PCT, YS_NTK_BLANK, YS_NTK_BLANK_PCT } ys_ntkind;

typedef struct ys_ntoken {
    ys_ntkind kind;
    size_t at, end;       /* number (or blank unit) start; end of unit */
    ys_amount v;
} ys_ntoken;

/* The next figure in s[i..end) of the sentence starting at s[from], into
 * *tk; false when there is none. */
bool ys_nnext_figure(const char *s, size_t from, size_t i, size_t end, ys_ntoken *tk);

/* Start of the last clause (after , : 、 。 ;) of s[from..to). */
size_t ys_nclause_start(const char *s, size_t from, size_t to);

/* ---- narrative_extract.c --------------------------------------------- */

/* Where a paragraph stands: its section as numbered (stored in claims),
 * the topic the patterns use (the section of the national layout its
 * heading names), and the headings above it (folded, or NULL). */
typedef struct ys_nplace {
    int section;
    int topic;
    const char *heading;      /* section heading */
    const char *subheading;   /* (一)… heading under it */
} ys_nplace;

/* Claims of one paragraph; `scope` NULL in part 3 or "12:<name>".
 * Returns the number of claims added, or -1 when out of memory. */
int ys_nclaims_paragraph(ys_tableset *ts, const ys_ntext *t, const ys_nplace *at,
                         const char *scope);

#endif
