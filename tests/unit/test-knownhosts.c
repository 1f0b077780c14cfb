/* test-knownhosts.c - host lookup in OpenSSH known_hosts files: plain, [host]:port, lists, wildcards, hashed, revoked. */
#include <string.h>

#include "parse/knownhosts.h"
#include "unit.h"

#define KEY " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMv1Yq3nE1m9f2b0vYwq7oQpJ8r6l0lXo7kq8m3b7xQ9\n"
/* HMAC-SHA1 with the salt bytes 1..20, computed apart from this code (Python's hmac module) */
#define HASHED_22 "|1|AQIDBAUGBwgJCgsMDQ4PEBESExQ=|Y+u7SWbGIru1GCgbivNdZAhFO1w="	/* backup01.example.com */
#define HASHED_2222 "|1|AQIDBAUGBwgJCgsMDQ4PEBESExQ=|/3oCc3DFl739GhtkR07OAmTFxIw="	/* [backup01.example.com]:2222 */

/* Look host:port up in text. */
static enum kh_match find(const char *text, const char *host, unsigned port, unsigned *line)
{
	return known_hosts_find(text, strlen(text), host, port, line);
}

TEST(plain_names_and_lists)
{
	unsigned line;

	CHECK_INT(find("# comment\n\nother.example.com" KEY "backup01.example.com,10.0.0.5" KEY,
		       "backup01.example.com", 22, &line), KH_FOUND);
	CHECK_INT(line, 4);
	CHECK_INT(find("backup01.example.com,10.0.0.5" KEY, "10.0.0.5", 22, &line), KH_FOUND);
	CHECK_INT(find("BACKUP01.Example.COM" KEY, "backup01.example.com", 22, &line), KH_FOUND);
	CHECK_INT(find("backup01.example.com.evil" KEY "backup01" KEY, "backup01.example.com", 22, &line), KH_NONE);
	CHECK_INT(line, 0);
	CHECK_INT(find("", "backup01.example.com", 22, &line), KH_NONE);
}

TEST(ports_in_brackets)
{
	unsigned line;

	CHECK_INT(find("[backup01.example.com]:2222" KEY, "backup01.example.com", 22, &line), KH_NONE);
	CHECK_INT(find("[backup01.example.com]:2222" KEY, "backup01.example.com", 2222, &line), KH_FOUND);
	CHECK_INT(find("backup01.example.com" KEY, "backup01.example.com", 2222, &line), KH_NONE);
}

TEST(wildcards_and_negation)
{
	unsigned line;

	CHECK_INT(find("*.example.com" KEY, "backup01.example.com", 22, &line), KH_FOUND);
	CHECK_INT(find("backup0?.example.com" KEY, "backup01.example.com", 22, &line), KH_FOUND);
	CHECK_INT(find("*.example.com,!backup01.example.com" KEY, "backup01.example.com", 22, &line), KH_NONE);
}

TEST(hashed_entries)
{
	unsigned line;

	CHECK_INT(find("github.com" KEY HASHED_22 KEY, "backup01.example.com", 22, &line), KH_FOUND);
	CHECK_INT(line, 2);
	CHECK_INT(find(HASHED_22 KEY, "backup02.example.com", 22, &line), KH_NONE);
	CHECK_INT(find(HASHED_22 KEY, "backup01.example.com", 2222, &line), KH_NONE);
	CHECK_INT(find(HASHED_2222 KEY, "backup01.example.com", 2222, &line), KH_FOUND);
	/* broken hashed fields never match, never crash */
	CHECK_INT(find("|1|" KEY "|1|AQID|" KEY "|1|!!!!|AAAA" KEY "|1|AQIDBAUGBwgJCgsMDQ4PEBESExQ=|Y+u7" KEY,
		       "backup01.example.com", 22, &line), KH_NONE);
}

TEST(markers)
{
	unsigned line;

	CHECK_INT(find("backup01.example.com" KEY "@revoked backup01.example.com" KEY, "backup01.example.com", 22,
		       &line), KH_REVOKED);
	CHECK_INT(line, 2);
	CHECK_INT(find("@cert-authority *.example.com" KEY, "backup01.example.com", 22, &line), KH_FOUND);
}

TEST(base64)
{
	unsigned char out[8];

	CHECK_INT(base64_decode("AQID", 4, out, sizeof(out)), 3);
	CHECK_INT(out[2], 3);
	CHECK_INT(base64_decode("AQI=", 4, out, sizeof(out)), 2);
	CHECK_INT(base64_decode("AQ", 2, out, sizeof(out)), 1);
	CHECK_INT(base64_decode("A", 1, out, sizeof(out)), -1);
	CHECK_INT(base64_decode("AQ-D", 4, out, sizeof(out)), -1);
	CHECK_INT(base64_decode("AQIDBAUGBwgJ", 12, out, sizeof(out)), -1);
}

UNIT_MAIN(T(plain_names_and_lists),
	  T(ports_in_brackets),
	  T(wildcards_and_negation),
	  T(hashed_entries),
	  T(markers),
	  T(base64))
