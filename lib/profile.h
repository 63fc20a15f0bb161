/*
 * profile.h — layout profiles: what a region's disclosure calls each table,
 * each column and each fixed row (data/profiles/<name>.profile; the format
 * is documented at the top of data/profiles/national.profile).
 * Internal to libyusuan.
 *
 * A profile is read once into a ys_profile whose strings are already folded
 * (ys_fold: full-width to half-width, blanks removed), so matching a folded
 * document cell against it is a plain string compare.
 * Compiled-in profiles are parsed at build time (scripts/gen-profiles.c)
 * into constant objects (lib/profile_builtin.c) that live for the process;
 * a profile loaded from a file belongs to the caller (ys_profile_free).
 */
#ifndef YS_PROFILE_H
#define YS_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "yusuan/amount.h"
#include "yusuan/doc.h"
#include "yusuan/error.h"
#include "yusuan/recognize.h"

#define YS_PROFILE_MAX_TABLES 24
#define YS_PROFILE_MAX_COLS 40
#define YS_PROFILE_MAX_ROWKEYS 48
#define YS_PROFILE_MAX_SYN 16
#define YS_PROFILE_MAX_SECTIONS 32

typedef enum ys_pshape {
    YS_SHAPE_GRID = 0,     /* rows of code, name, amounts under a header */
    YS_SHAPE_TWOSIDED,     /* income | expenditure side by side (tables 1, 4) */
    YS_SHAPE_FORMS         /* tables 11/12: only located here, read by forms.c */
} ys_pshape;

typedef enum ys_pcodes {
    YS_PCODES_NONE = 0,    /* rows carry no code (table 7) */
    YS_PCODES_FUNCTION,    /* 201 / 20103 / 2010301 */
    YS_PCODES_ECON,        /* 301 / 30101 */
    YS_PCODES_UNIT,        /* department 014, units 014001 */
    YS_PCODES_PROJECT      /* units, categories 22/31, project codes */
} ys_pcodes;

/* A synonym: folded path components "本年收入/小计" → {"本年收入", "小计"}.
 * The last component must equal a label's leaf; the others must each equal
 * one of the label's ancestors. */
typedef struct ys_psyn {
    int nparts;
    const char *parts[4];
} ys_psyn;

/* A column or a fixed row: canonical key and its synonyms.  The synonyms
 * live in the profile's arena, as many as the line gave: a profile holds
 * ~90 keys per table, and fixed arrays of 16 made each profile 1.4 MB that
 * every run touched page by page. */
typedef struct ys_pkey {
    const char *key;       /* "total", "@code", "@in.amount", "in.gpb" */
    int nsyn;
    ys_psyn *syn;          /* nsyn entries (at most YS_PROFILE_MAX_SYN) */
} ys_pkey;

#define YS_PROFILE_MAX_SUMS 4
#define YS_PROFILE_MAX_PARTS 8

/* `sum KEY PART+PART+…`: column KEY equals the sum of the PART columns
 * (indices into the table's cols).  Used to read a one-row table whose
 * labels the readers ran together (recognize_sums.c), not to check one. */
typedef struct ys_psum {
    int key;
    int nparts;
    int parts[YS_PROFILE_MAX_PARTS];
} ys_psum;

typedef struct ys_ptable {
    const char *id;        /* "1", "5-1", "11" */
    ys_pshape shape;
    ys_pcodes codes;
    bool required;
    int unit;              /* ys_unit, or -1: the profile's */
    int ntitles;
    const char *titles[YS_PROFILE_MAX_SYN];
    size_t title_len[YS_PROFILE_MAX_SYN];   /* strlen of each, set at load */
    int nheader;           /* labels that tell tables sharing a title apart */
    const char *header[YS_PROFILE_MAX_SYN];
    int ncols;
    ys_pkey cols[YS_PROFILE_MAX_COLS];
    int nrows;
    ys_pkey rows[YS_PROFILE_MAX_ROWKEYS];
    int nsums;
    ys_psum sums[YS_PROFILE_MAX_SUMS];
} ys_ptable;

/* A section part 3 (情况说明) must have: the words of its heading without
 * numbering ("收支预算总体安排情况"), and their alternatives, folded. */
typedef struct ys_psection {
    int nalts;
    const char *alts[YS_PROFILE_MAX_SYN];
} ys_psection;

struct ys_profile {
    const char *name;
    ys_unit unit;
    int ntables;
    ys_ptable tables[YS_PROFILE_MAX_TABLES];
    int nsections;            /* `section` directives, in profile order */
    ys_psection sections[YS_PROFILE_MAX_SECTIONS];
    struct ys_arena *arena;   /* owns every string above */
};

/*
 * Parse profile text buf[0..n) (`origin` names it in messages).  Returns
 * YS_OK and a new profile in *out (free with ys_profile_free), or YS_EINPUT
 * with the offending line, or YS_ENOMEM.
 */
int ys_profile_parse(const char *origin, const char *buf, size_t n,
                     ys_profile **out, ys_error *err);

/* Read and parse a profile file (for --profile FILE). Same returns. */
int ys_profile_load_file(const char *path, ys_profile **out, ys_error *err);

/* Free a profile from ys_profile_parse/ys_profile_load_file; NULL is fine.
 * Never pass a compiled-in profile. */
void ys_profile_free(ys_profile *p);

/* The table of profile p with id `id`, or NULL. */
const ys_ptable *ys_profile_table(const ys_profile *p, const char *id);

/*
 * Which tables a folded, numbering-stripped title line names: sets bit i
 * for p->tables[i] when the text equals or ends with one of its titles,
 * keeping only the tables of the longest matching title.  Returns the mask
 * (0: not a title).  `exact` receives true when the whole text is a title.
 */
unsigned ys_profile_match_title(const ys_profile *p, const char *folded, bool *exact);

/* The part-3 sections profile p requires (`section` directives), in profile
 * order.  Returns their count and points *out at them (owned by p; *out
 * may be NULL when the count is 0). */
int ys_profile_sections(const ys_profile *p, const ys_psection **out);

/* Which required section a part-3 heading is: `folded` is the heading
 * folded (ys_fold) and without its numbering ("一、"); it names section i
 * when it equals or ends with one of its alternatives (the longest
 * alternative wins).  Returns i, or -1 when it names none. */
int ys_profile_match_section(const ys_profile *p, const char *folded);

/* True when the label path (folded components, leaf last) matches syn. */
bool ys_psyn_match(const ys_psyn *syn, const char *const *path, int depth);

#endif
