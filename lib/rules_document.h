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

/* Is some finding of rule r already reported at line? (one per line) */
bool ys_doc_reported(const ys_findings *out, const ys_rule *r, int line);

int ys_dk_required(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_reason(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_direction(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_dup_amount(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_class_name(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_repeat(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_dk_entity(const ys_rule *r, const ys_tableset *ts, ys_findings *out);

#endif
