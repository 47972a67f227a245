/*
 * test_sha256.c -- lib/core/sha256.c against the FIPS 180-4 examples and
 * NIST's long-message vector, fed whole and in odd pieces.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sha256.h"
#include "tap.h"

static const char *
hex_of(const char *data, size_t len, size_t piece)
{
	static char hex[65];
	struct sha256 s;
	size_t o, n;

	sha256_init(&s);
	for (o = 0; o < len; o += n) {
		n = len - o < piece ? len - o : piece;
		sha256_add(&s, data + o, n);
	}
	sha256_hex(&s, hex);
	return hex;
}

int
main(void)
{
	static const char *const two =
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char *million, path[] = "/tmp/test_sha256.XXXXXX", hex[65];
	size_t piece;
	FILE *f;
	int fd;

	is_str(hex_of("", 0, 1),
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	    "empty message");
	is_str(hex_of("abc", 3, 1),
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	    "abc (FIPS 180-4 one block)");
	for (piece = 1; piece <= 64; piece *= 3)
		is_str(hex_of(two, strlen(two), piece),
		    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
		    "two-block message in pieces of %zu", piece);
	million = malloc(1000000);
	memset(million, 'a', 1000000);
	is_str(hex_of(million, 1000000, 4096),
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	    "a million a");
	fd = mkstemp(path);
	f = fdopen(fd, "wb");
	fwrite(million, 1, 1000000, f);
	fclose(f);
	ok(sha256_file(path, hex) && strcmp(hex, "cdc76e5c9914fb9281a1c7e284"
	    "d73e67f1809a48a497200e046d39ccc7112cd0") == 0, "a file of them");
	unlink(path);
	ok(!sha256_file("/nonexistent/x", hex), "a missing file is no digest");
	free(million);
	return tap_done();
}
