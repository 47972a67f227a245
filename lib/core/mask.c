/*
 * mask.c -- keep the ends, star the middle.
 */
#include <stdio.h>
#include <string.h>

#include "mask.h"

/* Keep `head` and `tail` bytes of ASCII s, star the rest. */
static char *
mask_keep(const char *s, size_t head, size_t tail, char out[64])
{
	size_t n = s ? strlen(s) : 0, i;

	if (n > 63)
		n = 63;
	if (n <= head + tail) {
		snprintf(out, 64, "%.*s", (int)n, s ? s : "");
		return out;
	}
	for (i = 0; i < n; i++)
		out[i] = i < head || i >= n - tail ? s[i] : '*';
	out[n] = '\0';
	return out;
}

char *
mask_id(const char *id, char out[64])
{
	return mask_keep(id, 4, 4, out);
}

char *
mask_phone(const char *phone, char out[64])
{
	return mask_keep(phone, 3, 4, out);
}

char *
mask_card(const char *card, char out[64])
{
	size_t n = card ? strlen(card) : 0;

	if (n < 12 || n > 19)
		return mask_keep(card, 4, 4, out);
	snprintf(out, 64, "%.4s **** **** %s", card, card + n - 4);
	return out;
}
