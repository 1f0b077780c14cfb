/* status.h - the outcome of a check, shared by the checks and the policy's severity overrides. */
#ifndef KDC_STATUS_H
#define KDC_STATUS_H

enum status {
	ST_PASS = 0,
	ST_WARN = 1,
	ST_FAIL = 2,
	ST_SKIP = 3,
	ST_PROBLEM = 4,		/* "not as it should be": becomes the check's severity */
};

#endif
