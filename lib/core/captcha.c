/*
 * captcha.c -- picture challenges, drawn with libgd's built-in font,
 * each glyph scaled, shifted and coloured at random over noise lines.
 */
#include <ctype.h>
#include <string.h>

#include <gd.h>
#include <gdfontg.h>

#include "captcha.h"
#include "db.h"
#include "rand.h"

enum stmt {
	STMT_INSERT,
	STMT_NEWEST,
	STMT_USE,
	STMT_PURGE,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_INSERT] =
	    "INSERT INTO captcha (token_hash, answer, created_at, expires_at)"
	    " VALUES (UNHEX(SHA2(?, 256)), ?, NOW(), NOW() + INTERVAL 5 MINUTE)",
	[STMT_NEWEST] =
	    "SELECT id, answer FROM captcha WHERE token_hash = UNHEX(SHA2(?, 256))"
	    " AND used_at IS NULL AND expires_at > NOW() ORDER BY id DESC LIMIT 1",
	[STMT_USE] =
	    "UPDATE captcha SET used_at = NOW() WHERE id = ? AND used_at IS NULL",
	[STMT_PURGE] = "DELETE FROM captcha WHERE expires_at < NOW() - INTERVAL 1 DAY",
};

static const struct db_table tab = { DBM_CAPTCHA, sql, STMT__MAX };

/* No 0/O, 1/I, 2/Z, 5/S, 8/B, 6/G: nothing a person could misread. */
static const char glyphs[] = "ACDEFHJKLMNPRTUVWXY3479";

#define W	132
#define H	44

/* Draw `text` with noise.  Returns the PNG or NULL. */
static void *
captcha_draw(const char *text, const unsigned char *rnd, int *len)
{
	gdImagePtr im, g;
	gdFontPtr font = gdFontGetGiant();
	void *png = NULL;
	int i, bg, ink, clear, drawn = 0;

	if ((im = gdImageCreateTrueColor(W, H)) == NULL)
		return NULL;
	bg = gdTrueColor(244, 246, 250);
	gdImageFilledRectangle(im, 0, 0, W - 1, H - 1, bg);
	/* Lines under the text, in light colours. */
	for (i = 0; i < 6; i++)
		gdImageLine(im, rnd[i] % W, rnd[i + 1] % H, rnd[i + 2] % W,
		    rnd[i + 3] % H, gdTrueColor(150 + rnd[i] % 80,
		    150 + rnd[i + 1] % 80, 150 + rnd[i + 2] % 80));
	for (i = 0; i < CAPTCHA_LEN; i++) {
		const unsigned char *q = rnd + 10 + 4 * i;
		int gw = 22 + q[0] % 8, gh = 30 + q[1] % 8;

		if ((g = gdImageCreateTrueColor(font->w, font->h)) == NULL)
			break;
		gdImageAlphaBlending(g, 0);
		gdImageSaveAlpha(g, 1);
		clear = gdTrueColorAlpha(255, 255, 255, gdAlphaTransparent);
		gdImageFilledRectangle(g, 0, 0, font->w, font->h, clear);
		ink = gdTrueColor(20 + q[2] % 90, 40 + q[3] % 80, 90 + q[2] % 100);
		gdImageChar(g, font, 0, 0, text[i], ink);
		gdImageCopyResampled(im, g, 8 + i * 30 + q[3] % 6,
		    (H - gh) / 2 + (int)(q[0] % 7) - 3, 0, 0, gw, gh,
		    font->w, font->h);
		gdImageDestroy(g);
		drawn++;
	}
	/* Dots and one line over the text. */
	for (i = 0; i < 90; i++)
		gdImageSetPixel(im, (rnd[30 + i % 20] * 7 + i * 13) % W,
		    (rnd[31 + i % 20] * 3 + i * 7) % H,
		    gdTrueColor(rnd[i % 50] % 160, rnd[(i + 3) % 50] % 160, 120));
	gdImageSetThickness(im, 2);
	gdImageLine(im, 4, 10 + rnd[51] % 24, W - 4, 10 + rnd[52] % 24,
	    gdTrueColor(90, 110, 160));
	if (drawn == CAPTCHA_LEN)
		png = gdImagePngPtr(im, len);
	gdImageDestroy(im);
	return png;
}

void *
captcha_new(struct db *db, const char *token, int *len)
{
	unsigned char rnd[64];
	char text[CAPTCHA_LEN + 1];
	int i;

	if (!rand_token_ok(token) || !rand_bytes(rnd, sizeof(rnd)))
		return NULL;
	for (i = 0; i < CAPTCHA_LEN; i++)
		text[i] = glyphs[rnd[54 + i] % (sizeof(glyphs) - 1)];
	text[CAPTCHA_LEN] = '\0';
	/* Now and then, forget old challenges. */
	if (rnd[60] == 0)
		db_exec(db, &tab, STMT_PURGE, "");
	if (db_exec(db, &tab, STMT_INSERT, "ss", token, text) != 1)
		return NULL;
	return captcha_draw(text, rnd, len);
}

void
captcha_free(void *png)
{
	if (png)
		gdFree(png);
}

int
captcha_check(struct db *db, const char *token, const char *answer)
{
	struct db_res *r;
	char want[CAPTCHA_LEN + 1], got[CAPTCHA_LEN + 1];
	int64_t id;
	size_t n = 0;

	if (!rand_token_ok(token))
		return 0;
	while (isspace((unsigned char)*answer))
		answer++;
	for (; *answer && !isspace((unsigned char)*answer); answer++) {
		if (n == CAPTCHA_LEN)
			return 0;	/* too long: not the answer */
		got[n++] = (char)toupper((unsigned char)*answer);
	}
	got[n] = '\0';
	if ((r = db_query(db, &tab, STMT_NEWEST, "s", token)) == NULL)
		return -1;
	if (db_next(r) != 1) {
		db_done(r);
		return 0;
	}
	id = db_int(r, 0);
	snprintf(want, sizeof(want), "%s", db_col(r, 1) ? db_col(r, 1) : "");
	db_done(r);
	/* Used up first: one try per picture, even when two race. */
	if (db_exec(db, &tab, STMT_USE, "i", id) != 1)
		return 0;
	return n == CAPTCHA_LEN && strcmp(want, got) == 0;
}
