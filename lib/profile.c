/*
 * profile.c — owns layout profiles: parses the line-oriented profile text
 * (format: top of data/profiles/national.profile) and matches titles and
 * header labels against a profile.  The compiled-in ones, and picking the
 * one that fits a document, are profile_builtin.c's.
 * Promise: a malformed profile is refused with its line, never half-used;
 * every string of a profile is folded once, at load time.
 */
#include "profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "text.h"

/* ---- parsing ----------------------------------------------------------- */

typedef struct pparse {
    ys_profile *p;
    ys_ptable *cur;
    const char *origin;
    int line;
    ys_error *err;
} pparse;

static int perr(pparse *pp, const char *what)
{
    return ys_error_set(pp->err, YS_EINPUT, pp->origin, pp->line, "版式配置有误：%s", what);
}

/* Folded copy of s[0..n) in the profile's arena (NULL when out of memory). */
static const char *pstr(pparse *pp, const char *s, size_t n)
{
    size_t cap = 4 * n + 16;
    char *buf = ys_arena_alloc(pp->p->arena, cap);
    if (!buf)
        return NULL;
    /* ys_fold tries its fast fold first (it checks every sequence it
     * takes: no separate validation needed) */
    ys_fold(s, n, buf, cap);
    return buf;
}

/* Split "a|b|c" into folded strings. Returns the count or -1. */
static int split_alts(pparse *pp, const char *s, const char **out, int max)
{
    int k = 0;
    while (*s) {
        const char *bar = strchr(s, '|');
        size_t n = bar ? (size_t)(bar - s) : strlen(s);
        if (n) {
            if (k == max)
                return -1;
            if (!(out[k++] = pstr(pp, s, n)))
                return -1;
        }
        s += n + (bar ? 1 : 0);
    }
    return k;
}

static int parse_syn(pparse *pp, const char *alt, ys_psyn *syn)
{
    syn->nparts = 0;
    char *copy = ys_arena_strndup(pp->p->arena, alt, strlen(alt));
    if (!copy)
        return -1;
    for (char *s = copy, *slash; s; s = slash ? slash + 1 : NULL) {
        slash = strchr(s, '/');
        if (slash)
            *slash = 0;
        if (!*s)
            continue;
        if (syn->nparts == 4)
            return -1;
        syn->parts[syn->nparts++] = s;
    }
    return syn->nparts ? 0 : -1;
}

/* "KEY syn|syn" into a key entry. */
static int parse_key(pparse *pp, char *args, ys_pkey *k)
{
    char *sp = strpbrk(args, " \t");
    const char *alts[YS_PROFILE_MAX_SYN];
    int n = 0;
    if (sp) {
        *sp = 0;
        n = split_alts(pp, sp + 1, alts, YS_PROFILE_MAX_SYN);
        if (n < 0)
            return perr(pp, "同义词过多");
    }
    k->key = ys_arena_strndup(pp->p->arena, args, strlen(args));
    if (!k->key)
        return YS_ENOMEM;
    k->nsyn = 0;
    k->syn = n ? ys_arena_alloc(pp->p->arena, (size_t)n * sizeof *k->syn) : NULL;
    if (n && !k->syn)
        return YS_ENOMEM;
    for (int i = 0; i < n; i++)
        if (parse_syn(pp, alts[i], &k->syn[k->nsyn++]) != 0)
            return perr(pp, "同义词层级有误");
    return YS_OK;
}

static int set_enum(pparse *pp, const char *v, const char *const *names, int *out)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(v, names[i]) == 0) {
            *out = i;
            return YS_OK;
        }
    return perr(pp, "未知的取值");
}

static int parse_unit(pparse *pp, const char *v, int *out)
{
    static const char *const units[] = {"元", "万元", NULL};
    return set_enum(pp, v, units, out);
}

/* The index of the table's column `key` (declared before), or -1. */
static int col_index(const ys_ptable *t, const char *key, size_t n)
{
    for (int k = 0; k < t->ncols; k++)
        if (strlen(t->cols[k].key) == n && strncmp(t->cols[k].key, key, n) == 0)
            return k;
    return -1;
}

/* "KEY PART+PART+…" into a ys_psum; every key a `col` declared above. */
static int parse_sum(pparse *pp, ys_ptable *t, const char *args)
{
    if (t->nsums == YS_PROFILE_MAX_SUMS)
        return perr(pp, "sum 过多");
    ys_psum *sum = &t->sums[t->nsums];
    const char *sp = strpbrk(args, " \t");
    if (!sp || (sum->key = col_index(t, args, (size_t)(sp - args))) < 0)
        return perr(pp, "sum 的列须先以 col 声明");
    while (*sp == ' ' || *sp == '\t')
        sp++;
    sum->nparts = 0;
    for (const char *s = sp; *s;) {
        size_t n = strcspn(s, "+");
        int k = col_index(t, s, n);
        if (k < 0 || sum->nparts == YS_PROFILE_MAX_PARTS)
            return perr(pp, "sum 的列须先以 col 声明");
        sum->parts[sum->nparts++] = k;
        s += n + (s[n] == '+');
    }
    if (sum->nparts < 2)
        return perr(pp, "sum 至少需要两个部分");
    t->nsums++;
    return YS_OK;
}

static int table_directive(pparse *pp, const char *kw, char *args)
{
    static const char *const shapes[] = {"grid", "twosided", "forms", NULL};
    static const char *const codes[] = {"none", "function", "econ", "unit", "project", NULL};
    ys_ptable *t = pp->cur;
    int v;
    if (strcmp(kw, "title") == 0) {
        int n = split_alts(pp, args, t->titles + t->ntitles, YS_PROFILE_MAX_SYN - t->ntitles);
        if (n < 0)
            return perr(pp, "标题过多");
        for (int i = t->ntitles; i < t->ntitles + n; i++)
            t->title_len[i] = strlen(t->titles[i]);
        t->ntitles += n;
    } else if (strcmp(kw, "header") == 0) {
        int n = split_alts(pp, args, t->header + t->nheader, YS_PROFILE_MAX_SYN - t->nheader);
        if (n < 0)
            return perr(pp, "表头标识过多");
        t->nheader += n;
    } else if (strcmp(kw, "required") == 0) {
        t->required = strcmp(args, "no") != 0;
    } else if (strcmp(kw, "shape") == 0) {
        if (set_enum(pp, args, shapes, &v))
            return YS_EINPUT;
        t->shape = (ys_pshape)v;
    } else if (strcmp(kw, "codes") == 0) {
        if (set_enum(pp, args, codes, &v))
            return YS_EINPUT;
        t->codes = (ys_pcodes)v;
    } else if (strcmp(kw, "unit") == 0) {
        return parse_unit(pp, args, &t->unit);
    } else if (strcmp(kw, "col") == 0) {
        if (t->ncols == YS_PROFILE_MAX_COLS)
            return perr(pp, "列过多");
        return parse_key(pp, args, &t->cols[t->ncols++]);
    } else if (strcmp(kw, "sum") == 0) {
        return parse_sum(pp, t, args);
    } else if (strcmp(kw, "row") == 0) {
        if (t->nrows == YS_PROFILE_MAX_ROWKEYS)
            return perr(pp, "固定行过多");
        return parse_key(pp, args, &t->rows[t->nrows++]);
    } else {
        return perr(pp, "未知的指令");
    }
    return YS_OK;
}

/* `section W|W|…`: a part-3 section the profile requires (profile-wide,
 * wherever it stands). */
static int section_directive(pparse *pp, const char *args)
{
    ys_profile *p = pp->p;
    if (p->nsections == YS_PROFILE_MAX_SECTIONS)
        return perr(pp, "section 过多");
    ys_psection *sec = &p->sections[p->nsections];
    sec->nalts = split_alts(pp, args, sec->alts, YS_PROFILE_MAX_SYN);
    if (sec->nalts < 0)
        return perr(pp, "section 的写法过多或内存不足");
    if (sec->nalts == 0)
        return perr(pp, "section 需要标题文字");
    p->nsections++;
    return YS_OK;
}

static int directive(pparse *pp, char *s)
{
    char *sp = strpbrk(s, " \t");
    char *args = (char *)"";
    if (sp) {
        *sp = 0;
        args = sp + 1;
        while (*args == ' ' || *args == '\t')
            args++;
    }
    if (strcmp(s, "profile") == 0) {
        pp->p->name = ys_arena_strndup(pp->p->arena, args, strlen(args));
        return pp->p->name ? YS_OK : YS_ENOMEM;
    }
    if (strcmp(s, "table") == 0) {
        if (pp->p->ntables == YS_PROFILE_MAX_TABLES)
            return perr(pp, "表过多");
        if (!*args)
            return perr(pp, "table 需要表号");
        /* a fresh slot, zero from the calloc of the profile: clearing its
         * ~60 kB again cost more than the rest of the parse */
        pp->cur = &pp->p->tables[pp->p->ntables++];
        pp->cur->unit = -1;
        pp->cur->required = false;
        pp->cur->id = ys_arena_strndup(pp->p->arena, args, strlen(args));
        return pp->cur->id ? YS_OK : YS_ENOMEM;
    }
    if (strcmp(s, "section") == 0)
        return section_directive(pp, args);
    if (strcmp(s, "unit") == 0 && !pp->cur) {
        int u;
        if (parse_unit(pp, args, &u))
            return YS_EINPUT;
        pp->p->unit = (ys_unit)u;
        return YS_OK;
    }
    if (!pp->cur)
        return perr(pp, "指令须在 table 之后");
    return table_directive(pp, s, args);
}

int ys_profile_parse(const char *origin, const char *buf, size_t n,
                     ys_profile **out, ys_error *err)
{
    ys_profile *p = calloc(1, sizeof *p);
    if (!p || !(p->arena = ys_arena_new())) {
        free(p);
        return ys_error_set(err, YS_ENOMEM, origin, 0, "内存不足");
    }
    p->unit = YS_UNIT_WAN;
    p->name = "";
    pparse pp = {p, NULL, origin, 0, err};
    char line[2048];
    size_t pos = 0;
    int rc = YS_OK;
    while (pos < n && rc == YS_OK) {
        const char *nl = memchr(buf + pos, '\n', n - pos);
        size_t len = nl ? (size_t)(nl - (buf + pos)) : n - pos;
        pp.line++;
        if (len >= sizeof line) {
            rc = perr(&pp, "行过长");
            break;
        }
        memcpy(line, buf + pos, len);
        line[len] = 0;
        pos += len + 1;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = 0;
        size_t l = strlen(line);
        char *s = (char *)ys_trim(line, &l);
        s[l] = 0;
        if (l)
            rc = directive(&pp, s);
    }
    if (rc == YS_OK && !*p->name)
        rc = ys_error_set(err, YS_EINPUT, origin, 1, "版式配置缺少 profile 名称");
    if (rc != YS_OK) {
        if (rc == YS_ENOMEM)
            ys_error_set(err, rc, origin, pp.line, "内存不足");
        ys_profile_free(p);
        return rc;
    }
    *out = p;
    return YS_OK;
}

int ys_profile_load_file(const char *path, ys_profile **out, ys_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ys_error_set(err, YS_EIO, path, 0, "无法打开版式配置文件");
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            if (cap >= (1u << 20)) {
                free(buf);
                fclose(f);
                return ys_error_set(err, YS_EINPUT, path, 0, "版式配置文件过大");
            }
            char *nb = realloc(buf, cap ? cap * 2 : 8192);
            if (!nb) {
                free(buf);
                fclose(f);
                return ys_error_set(err, YS_ENOMEM, path, 0, "内存不足");
            }
            buf = nb;
            cap = cap ? cap * 2 : 8192;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    int rc = bad ? ys_error_set(err, YS_EIO, path, 0, "读取版式配置文件失败")
                 : ys_profile_parse(path, buf, n, out, err);
    free(buf);
    return rc;
}

void ys_profile_free(ys_profile *p)
{
    if (!p)
        return;
    ys_arena_free(p->arena);
    free(p);
}

const char *ys_profile_name(const ys_profile *p) { return p ? p->name : "national"; }

/* ---- matching ----------------------------------------------------------- */

const ys_ptable *ys_profile_table(const ys_profile *p, const char *id)
{
    for (int i = 0; i < p->ntables; i++)
        if (strcmp(p->tables[i].id, id) == 0)
            return &p->tables[i];
    return NULL;
}

static bool ends_with(const char *s, size_t n, const char *suf, size_t m)
{
    return m <= n && memcmp(s + n - m, suf, m) == 0;
}

unsigned ys_profile_match_title(const ys_profile *p, const char *folded, bool *exact)
{
    unsigned mask = 0;
    size_t best = 0, n = strlen(folded);
    *exact = false;
    for (int i = 0; i < p->ntables; i++)
        for (int k = 0; k < p->tables[i].ntitles; k++) {
            const char *t = p->tables[i].titles[k];
            size_t m = p->tables[i].title_len[k];
            /* the last byte first: it tells most titles apart at once */
            if (!m || m < best || m > n || folded[n - 1] != t[m - 1] ||
                !ends_with(folded, n, t, m))
                continue;
            if (m > best) {
                mask = 0;
                best = m;
                *exact = false;
            }
            mask |= 1u << i;
            *exact = *exact || m == n;
        }
    return mask;
}

int ys_profile_sections(const ys_profile *p, const ys_psection **out)
{
    *out = p && p->nsections ? p->sections : NULL;
    return p ? p->nsections : 0;
}

int ys_profile_match_section(const ys_profile *p, const char *folded)
{
    int hit = -1;
    size_t best = 0, n = strlen(folded);
    for (int i = 0; p && i < p->nsections; i++)
        for (int k = 0; k < p->sections[i].nalts; k++) {
            size_t m = strlen(p->sections[i].alts[k]);
            if (m > best && ends_with(folded, n, p->sections[i].alts[k], m)) {
                best = m;
                hit = i;
            }
        }
    return hit;
}

bool ys_psyn_match(const ys_psyn *syn, const char *const *path, int depth)
{
    if (depth <= 0 || syn->nparts == 0)
        return false;
    if (strcmp(syn->parts[syn->nparts - 1], path[depth - 1]) != 0)
        return false;
    for (int k = 0; k < syn->nparts - 1; k++) {
        bool found = false;
        for (int d = 0; d < depth - 1 && !found; d++)
            found = strcmp(syn->parts[k], path[d]) == 0;
        if (!found)
            return false;
    }
    return true;
}
