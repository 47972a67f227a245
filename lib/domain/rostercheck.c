/*
 * rostercheck.c -- one roster row checked as SPEC §3 says (see
 * rostercheck.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roster.h"
#include "rostercheck.h"
#include "valid.h"
#include "xlsxread.h"

/* SPEC: a member aged 60 or more at import is a warning, never a block. */
#define AGE_WARN	60

static size_t
hash(const char *s)
{
	size_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* Returns the row `key` was first seen on, or 0 after recording it. */
static size_t
seen_add(struct rcheck_seen *s, const char *key, size_t row)
{
	struct rcheck_slot *nv;
	size_t i, j, ncap, h = hash(key);

	if (s->n * 2 >= s->cap) {
		ncap = s->cap ? s->cap * 2 : 4096;
		if ((nv = calloc(ncap, sizeof(*nv))) == NULL)
			return 0;	/* cannot tell: treat as new */
		for (i = 0; i < s->cap; i++)
			if (s->v[i].key) {
				for (j = s->v[i].hash & (ncap - 1); nv[j].key;
				    j = (j + 1) & (ncap - 1))
					;
				nv[j] = s->v[i];
			}
		free(s->v);
		s->v = nv;
		s->cap = ncap;
	}
	for (i = h & (s->cap - 1); s->v[i].key; i = (i + 1) & (s->cap - 1))
		if (s->v[i].hash == h && strcmp(s->v[i].key, key) == 0)
			return s->v[i].row;
	if ((s->v[i].key = strdup(key)) != NULL) {
		s->v[i].hash = h;
		s->v[i].row = row;
		s->n++;
	}
	return 0;
}

static void
seen_free(struct rcheck_seen *s)
{
	size_t i;

	for (i = 0; i < s->cap; i++)
		free(s->v[i].key);
	free(s->v);
}

/* Copy at most size-1 bytes without cutting a UTF-8 character. */
static void
put(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* A cell's text, "" when the column is absent or the row is short. */
static const struct xlsx_cell *
cell(const struct roster_check *rc, const struct xlsx_row *row,
    enum roster_col c)
{
	static const struct xlsx_cell empty = { "", 0, 0 };
	int i = rc->col[c];

	return i >= 0 && (size_t)i < row->ncells ? &row->cells[i] : &empty;
}

static int
id_type_of(const char *label)
{
	char t[64];
	int i;

	valid_text_norm(label, t, sizeof(t));
	if (*t == '\0' || strcmp(t, "身份证") == 0)
		return ID_RESIDENT;
	for (i = 1; i < ID__MAX; i++)
		if (strcmp(t, id_type_label(i)) == 0)
			return i;
	return 0;
}

/* The parsed required fields of a row. */
struct parsed {
	int	 type, luhn;
	char	 name[128], id[32], phone[12], card[20];
};

/* Why a row is refused, or NULL with *p filled. */
static const char *
refusal(const struct roster_check *rc, const struct xlsx_row *row,
    struct parsed *p)
{
	const struct xlsx_cell *idc = cell(rc, row, RC_ID_NUMBER);
	const struct xlsx_cell *card = cell(rc, row, RC_BANK_CARD);
	const char *why = NULL;

	p->luhn = 1;
	p->type = id_type_of(cell(rc, row, RC_ID_TYPE)->text);
	if (*cell(rc, row, RC_NAME)->text == '\0')
		return "姓名未填写";
	if (!valid_name(cell(rc, row, RC_NAME)->text, p->name, sizeof(p->name),
	    &why))
		return why;
	if (p->type == 0)
		return "证件类型不正确";
	if (*idc->text == '\0')
		return "证件号码未填写";
	if (idc->is_number && p->type == ID_RESIDENT)
		return "证件号码被存成了数字（Excel 会丢掉后几位），"
		    "请把该列设为文本后重新填写";
	if (!valid_id_number(p->type, idc->text, p->id, &why))
		return why;
	if (*cell(rc, row, RC_PHONE)->text == '\0')
		return "手机号码未填写";
	if (!valid_phone(cell(rc, row, RC_PHONE)->text, p->phone, &why))
		return why;
	if (strcmp(p->name, ROSTER_EXAMPLE_NAME) == 0 &&
	    strcmp(p->id, ROSTER_EXAMPLE_ID) == 0)
		return "这是模板中的示例行（张三），请删除后再导入";
	if (*card->text == '\0')
		return NULL;
	if (card->is_number && card->len > 15)
		return "银行卡号被存成了数字（Excel 会丢掉后几位），"
		    "请把该列设为文本后重新填写";
	if (!valid_bank_card(card->text, p->card, &p->luhn, &why))
		return why;
	return NULL;
}

/*
 * utoa: `v` in decimal into buf of `size` bytes (as snprintf would, cut
 * short if need be); returns the end of what was written.
 */
static char *
utoa(char *buf, size_t size, size_t v)
{
	char tmp[24], *t = tmp + sizeof(tmp);
	size_t n;

	do
		*--t = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if ((n = (size_t)(tmp + sizeof(tmp) - t)) >= size)
		n = size - 1;
	memcpy(buf, t, n);
	buf[n] = '\0';
	return buf + n;
}

/* rcheck_row: see rostercheck.h. */
void
rcheck_row(struct roster_check *rc, const struct xlsx_row *row,
    struct staged *s)
{
	const char *why, *warn = NULL;
	struct parsed p;
	char key[64], tmp[256], *o;
	size_t first;

	memset(s, 0, sizeof(*s));
	memset(&p, 0, sizeof(p));
	utoa(s->row_no, sizeof(s->row_no), row->rownum);
	put(s->name, sizeof(s->name), cell(rc, row, RC_NAME)->text);
	put(s->id_number, sizeof(s->id_number),
	    cell(rc, row, RC_ID_NUMBER)->text);
	put(s->phone, sizeof(s->phone), cell(rc, row, RC_PHONE)->text);
	why = refusal(rc, row, &p);
	utoa(s->id_type, sizeof(s->id_type), (size_t)(p.type ? p.type : 1));
	if (why == NULL) {
		o = utoa(key, sizeof(key) - sizeof(p.id) - 1, (size_t)p.type);
		*o++ = ':';
		memcpy(o, p.id, sizeof(p.id));	/* NUL-terminated within */
		if ((first = seen_add(&rc->seen, key, row->rownum)) != 0) {
			snprintf(tmp, sizeof(tmp), "与第%zu行的证件号码重复", first);
			put(s->message, sizeof(s->message), tmp);
			strcpy(s->status, "fail");
			return;
		}
	}
	if (why) {
		strcpy(s->status, "fail");
		put(s->message, sizeof(s->message), why);
		return;
	}
	put(s->name, sizeof(s->name), p.name);
	put(s->id_number, sizeof(s->id_number), p.id);
	put(s->phone, sizeof(s->phone), p.phone);
	if (p.type == ID_RESIDENT && id_birth_gender(p.id, s->birth, s->gender) &&
	    age_on(s->birth, rc->today) >= AGE_WARN)
		warn = "年满60周岁，已导入，请确认是否在职";
	if (*cell(rc, row, RC_BANK_CARD)->text) {
		put(s->bank_card, sizeof(s->bank_card), p.card);
		if (!p.luhn && warn == NULL)
			warn = "银行卡号未通过校验，已导入，请核对";
	}
	valid_text_norm(cell(rc, row, RC_SI_TYPE)->text, tmp, sizeof(tmp));
	put(s->si_type, sizeof(s->si_type), tmp);
	valid_text_norm(cell(rc, row, RC_SI_CARD)->text, tmp, sizeof(tmp));
	put(s->si_card, sizeof(s->si_card), tmp);
	valid_text_trim(cell(rc, row, RC_BANK_NAME)->text, tmp, sizeof(tmp));
	put(s->bank_name, sizeof(s->bank_name), tmp);
	valid_text_trim(cell(rc, row, RC_REMARKS)->text, tmp, sizeof(tmp));
	put(s->remarks, sizeof(s->remarks), tmp);
	strcpy(s->status, warn ? "warn" : "ok");
	if (warn)
		put(s->message, sizeof(s->message), warn);
}

/* rcheck_header: see rostercheck.h. */
int
rcheck_header(struct roster_check *rc, const struct xlsx_row *row)
{
	char t[128], *star;
	size_t i, c, found = 0;

	for (c = 0; c < RC__MAX; c++)
		rc->col[c] = -1;
	for (i = 0; i < row->ncells; i++) {
		valid_text_norm(row->cells[i].text, t, sizeof(t));
		if ((star = strchr(t, '*')) != NULL)	/* "姓名*" */
			*star = '\0';
		for (c = 0; c < RC__MAX; c++)
			if (rc->col[c] < 0 &&
			    strcmp(t, roster_columns[c].title) == 0) {
				rc->col[c] = (int)i;
				found++;
			}
	}
	/* Old templates say 居民身份证号; accept it for 证件号码. */
	for (i = 0; rc->col[RC_ID_NUMBER] < 0 && i < row->ncells; i++) {
		valid_text_norm(row->cells[i].text, t, sizeof(t));
		if (strncmp(t, "居民身份证号", strlen("居民身份证号")) == 0)
			rc->col[RC_ID_NUMBER] = (int)i;
	}
	return rc->col[RC_NAME] >= 0 && rc->col[RC_ID_NUMBER] >= 0 &&
	    rc->col[RC_PHONE] >= 0;
}

/* rcheck_empty: see rostercheck.h. */
int
rcheck_empty(const struct xlsx_row *row)
{
	size_t i;

	for (i = 0; i < row->ncells; i++)
		if (row->cells[i].len > 0 && strspn(row->cells[i].text, " \t") !=
		    row->cells[i].len)
			return 0;
	return 1;
}

void
rcheck_free(struct roster_check *rc)
{
	seen_free(&rc->seen);
}
