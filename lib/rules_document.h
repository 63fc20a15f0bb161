/*
 * rules_document.h — the rule kinds of the document family (DOC.*), shared
 * by lib/rules_document*.c.  Internal to libyusuan.
 *
 * Each kind reads only the table set (tables, paras, claims) and reports
 * with the line of what it read; parameter a of an entry is the severity
 * ("error" / "warning" / "note") where a kind has only one.
 */
#ifndef YS_RULES_DOCUMENT_H
#define YS_RULES_DOCUMENT_H

#include "rules_common.h"

/* Severity named by a rule's parameter a (default: warning). */
ys_severity ys_doc_sev(const ys_rule *r);

/* A folded copy of s (blanks dropped, full width folded) in malloc'd memory
 * the caller frees, or NULL when out of memory. */
char *ys_doc_fold(const char *s);
/* Between open and close (per thread; ys_audit brackets its rules with
 * them), ys_doc_fold folds each text once and hands out copies: the texts
 * (those of the table set) must stay unchanged and in place meanwhile. */
void ys_doc_fold_open(void);
void ys_doc_fold_close(void);

/* Is some finding of rule r already reported at line? (one per line) */
bool ys_doc_reported(const ys_findings *out, const ys_rule *r, int line);

/* Whether a table's note (备注/注) says the table is empty: 空表, or 无/没有
 * … 预算/安排/支出 in one clause ("本部门无政府性基金预算财政拨款安排").
 * "本表无上年结转" says nothing of the kind. */
bool ys_doc_note_says_empty(const char *note);
/* Whether a note on an empty table says "none": says_empty, or "…为0",
 * "…0万元" / "…0元". */
bool ys_doc_note_says_none(const char *note);

int ys_dk_required(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_empty_note(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_reason(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_direction(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_dup_amount(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_class_name(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_repeat(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_entity(const ys_rule *r, const ys_tableset *ts, ys_findings *out);

#endif
