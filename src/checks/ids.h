/*
 * ids.h - the ids of the fixed checks, in the order of SPEC §3: what the
 * policy file may name in [checks] (with the sysctl.<key> ids of its own
 * [sysctl] rules), and what the registry runs, in this order. A plain table with no
 * dependency, so policy.c and the registry share it without a cycle; a unit
 * test holds the registry's run table to it.
 */
#ifndef KDC_CHECKS_IDS_H
#define KDC_CHECKS_IDS_H

/* The fixed ids in run order (sysctl.persistent after the sysctl.<key> checks); NULL-terminated. */
extern const char *const check_ids[];

/* Is id one of them? (A sysctl.<key> id is not: the policy knows its own.) */
int check_id_fixed(const char *id);

#endif
