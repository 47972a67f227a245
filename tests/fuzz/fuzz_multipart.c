// fuzz-sources: lib/core/http_parse.c
// fuzz-libs:
/*
 * fuzz_multipart.c -- the streaming multipart parser.  The first input byte
 * picks a chunk size (0: the whole body at once); the rest is the body of a
 * "multipart/form-data; boundary=XyZ" request.  Each input is parsed twice,
 * whole and in chunks, and both runs must agree exactly (status, fields,
 * file names and file bytes).  Results must respect the limits, and after
 * the lists and parser are freed the private temp directory must be empty.
 * The directory is removed at exit; tests/fuzz/suite.sh points TMPDIR into
 * the build tree so even a crashed run leaves nothing in /tmp.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CTYPE	"multipart/form-data; boundary=XyZ"

static const struct parse_limits lim = {
	.max_fields = 8,
	.max_value = 256,
	.max_files = 3,
	.max_file = 1024,
	.max_total = 1 << 16,
};

/* A private directory made once per process under $TMPDIR (or /tmp). */
static char tmpdir[4096];

struct result {
	enum parse_status	 st;
	struct kvlist		 form;
	struct uploads		 files;
};

/* Remove the temp directory at exit (it is empty unless a check failed). */
static void
cleanup(void)
{
	(void)rmdir(tmpdir);
}

/* Entries in tmpdir besides "." and "..". */
static int
dir_count(void)
{
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;

	if ((d = opendir(tmpdir)) == NULL)
		abort();
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* Parse body[0..n) fed `chunk` bytes at a time (0: all at once). */
static void
run(const char *body, size_t n, size_t chunk, struct result *r)
{
	struct multipart	*mp;
	size_t			 off = 0, k;

	memset(r, 0, sizeof(*r));
	if ((mp = multipart_new(CTYPE, tmpdir, &lim)) == NULL)
		abort();
	r->st = PARSE_OK;
	while (off < n && r->st == PARSE_OK) {
		k = chunk == 0 || chunk > n - off ? n - off : chunk;
		r->st = multipart_feed(mp, body + off, k);
		off += k;
	}
	if (r->st == PARSE_OK)
		r->st = multipart_finish(mp, &r->form, &r->files);
	multipart_free(mp);
	if (r->st != PARSE_OK && (r->form.n || r->files.n))
		abort();
}

/* Read a whole (small) file; the caller frees. */
static char *
slurp(const char *path, size_t want)
{
	FILE	*f;
	char	*buf;

	if ((buf = malloc(want + 1)) == NULL || (f = fopen(path, "rb")) == NULL)
		abort();
	if (fread(buf, 1, want + 1, f) != want)
		abort();
	fclose(f);
	return buf;
}

/* Check one run's results against the limits and the contract. */
static void
check(const struct result *r)
{
	const struct upload	*u;
	struct stat		 sb;
	size_t			 i, j;

	if (r->form.n > lim.max_fields || r->files.n > lim.max_files)
		abort();
	for (i = 0; i < r->form.n; i++)
		if (r->form.v[i].key[0] == '\0' ||
		    r->form.v[i].vlen > lim.max_value ||
		    strlen(r->form.v[i].val) != r->form.v[i].vlen ||
		    !utf8_valid(r->form.v[i].val, r->form.v[i].vlen) ||
		    !utf8_valid(r->form.v[i].key, strlen(r->form.v[i].key)))
			abort();
	for (i = 0; i < r->files.n; i++) {
		u = &r->files.v[i];
		if (u->size > lim.max_file || u->field[0] == '\0' ||
		    u->ctype == NULL || u->path == NULL)
			abort();
		if (strncmp(u->path, tmpdir, strlen(tmpdir)) != 0 ||
		    stat(u->path, &sb) == -1 || (size_t)sb.st_size != u->size ||
		    (sb.st_mode & 0777) != 0600)
			abort();
		if (strpbrk(u->filename, "/\\") != NULL ||
		    !utf8_valid(u->filename, strlen(u->filename)))
			abort();
		for (j = 0; u->filename[j] != '\0'; j++)
			if ((unsigned char)u->filename[j] < 0x20 ||
			    u->filename[j] == 0x7f)
				abort();
		if (u->filename[0] == '\0' && u->size == 0)
			abort();	/* "no file chosen" must be dropped */
	}
}

/* Abort unless two runs produced the same thing. */
static void
same(const struct result *a, const struct result *b)
{
	const struct upload	*x, *y;
	char			*dx, *dy;
	size_t			 i;

	if (a->st != b->st || a->form.n != b->form.n ||
	    a->files.n != b->files.n)
		abort();
	for (i = 0; i < a->form.n; i++)
		if (strcmp(a->form.v[i].key, b->form.v[i].key) ||
		    a->form.v[i].vlen != b->form.v[i].vlen ||
		    memcmp(a->form.v[i].val, b->form.v[i].val,
		    a->form.v[i].vlen))
			abort();
	for (i = 0; i < a->files.n; i++) {
		x = &a->files.v[i];
		y = &b->files.v[i];
		if (strcmp(x->field, y->field) || strcmp(x->filename,
		    y->filename) ||
		    strcmp(x->ctype, y->ctype) || x->size != y->size)
			abort();
		dx = slurp(x->path, x->size);
		dy = slurp(y->path, y->size);
		if (memcmp(dx, dy, x->size) != 0)
			abort();
		free(dx);
		free(dy);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int		 ready;
	struct result		 whole, chunked;

	if (!ready) {
		const char *base = getenv("TMPDIR");

		if (base == NULL || *base == '\0')
			base = "/tmp";
		if ((size_t)snprintf(tmpdir, sizeof(tmpdir),
		    "%s/hz-fuzz-multipart-XXXXXX", base) >= sizeof(tmpdir) ||
		    mkdtemp(tmpdir) == NULL)
			abort();
		atexit(cleanup);
		ready = 1;
	}
	if (size == 0)
		return 0;
	run((const char *)data + 1, size - 1, 0, &whole);
	run((const char *)data + 1, size - 1, data[0], &chunked);
	check(&whole);
	check(&chunked);
	same(&whole, &chunked);
	kvlist_free(&whole.form);
	kvlist_free(&chunked.form);
	uploads_free(&whole.files);
	uploads_free(&chunked.files);
	if (dir_count() != 0)
		abort();	/* a temp file leaked */
	return 0;
}
