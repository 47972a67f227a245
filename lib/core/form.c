/*
 * form.c -- the field kinds table and form_read().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "money.h"
#include "valid.h"
#include "view.h"

/*
 * One parser per kind: the raw input into out->v (canonical text) and the
 * kind's typed value (num, fen, date); 1 on success, else 0 with *why.
 */
typedef int (*field_fn)(const char *in, struct field_val *out,
    const char **why);

#define V(out)	(out)->v, sizeof((out)->v)

static int
fk_text(const char *in, struct field_val *out, const char **why)
{
	int n = valid_text_norm(in, V(out));

	if (n <= 0) {
		*why = n == 0 ? "请填写此项" : "内容过长";
		return 0;
	}
	return 1;
}

static int
fk_note(const char *in, struct field_val *out, const char **why)
{
	int n = valid_text_trim(in, V(out));

	if (n <= 0) {
		*why = n == 0 ? "请填写此项" : "内容过长";
		return 0;
	}
	return 1;
}

static int
fk_name(const char *in, struct field_val *out, const char **why)
{
	return valid_name(in, V(out), why);
}

/* A whole number within [min, max] into num (and v); `msg` when not. */
static int
fk_int(const char *in, struct field_val *out, long long min, long long max,
    const char *msg, const char **why)
{
	char t[32];

	if (valid_text_norm(in, t, sizeof(t)) < 0 ||
	    !valid_int(t, min, max, &out->num, why)) {
		*why = msg;
		return 0;
	}
	snprintf(V(out), "%lld", out->num);
	return 1;
}

static int
fk_id_type(const char *in, struct field_val *out, const char **why)
{
	return fk_int(in, out, 1, ID__MAX - 1, "请选择证件类型", why);
}

static int
fk_resident_id(const char *in, struct field_val *out, const char **why)
{
	char id[19];

	if (!valid_resident_id(in, id, why))
		return 0;
	snprintf(V(out), "%s", id);
	return 1;
}

static int
fk_phone(const char *in, struct field_val *out, const char **why)
{
	char p[12];

	if (!valid_phone(in, p, why))
		return 0;
	snprintf(V(out), "%s", p);
	return 1;
}

/* n ASCII digits exactly (one of n1, n2), folded from full width. */
static int
fk_digits(const char *in, struct field_val *out, int n1, int n2,
    const char *msg, const char **why)
{
	char c[16];
	int n = valid_text_norm(in, c, sizeof(c)), i;

	for (i = 0; i < n; i++)
		if (c[i] < '0' || c[i] > '9')
			break;
	if ((n != n1 && n != n2) || i != n) {
		*why = msg;
		return 0;
	}
	snprintf(V(out), "%s", c);
	return 1;
}

static int
fk_code(const char *in, struct field_val *out, const char **why)
{
	return fk_digits(in, out, 6, 6, "请输入6位数字验证码", why);
}

static int
fk_password(const char *in, struct field_val *out, const char **why)
{
	if (*in == '\0' || strlen(in) >= sizeof(out->v)) {
		*why = *in ? "密码过长" : "请输入密码";
		return 0;
	}
	snprintf(V(out), "%s", in);
	return 1;
}

static int
fk_new_password(const char *in, struct field_val *out, const char **why)
{
	if (!password_policy(in, why))
		return 0;
	snprintf(V(out), "%s", in);
	return 1;
}

static int
fk_username(const char *in, struct field_val *out, const char **why)
{
	size_t n = strlen(in), i;

	for (i = 0; i < n; i++)
		if (!((in[i] >= 'a' && in[i] <= 'z') ||
		    (in[i] >= '0' && in[i] <= '9') || in[i] == '_' || in[i] == '.'))
			break;
	if (n < 3 || n > 32 || i != n) {
		*why = "用户名为3到32位小写字母、数字、下划线或点";
		return 0;
	}
	snprintf(V(out), "%s", in);
	return 1;
}

/* A phone number, or else a resident ID number. */
static int
fk_login(const char *in, struct field_val *out, const char **why)
{
	if (fk_phone(in, out, why) || fk_resident_id(in, out, why))
		return 1;
	*why = "请输入手机号码或身份证号码";
	return 0;
}

static int
fk_credit_code(const char *in, struct field_val *out, const char **why)
{
	char c[19];

	if (!valid_credit_code(in, c, why))
		return 0;
	snprintf(V(out), "%s", c);
	return 1;
}

static int
fk_count(const char *in, struct field_val *out, const char **why)
{
	return fk_int(in, out, 0, 10000000, "请填写整数", why);
}

static int
fk_id(const char *in, struct field_val *out, const char **why)
{
	return fk_int(in, out, 1, 9000000000000000000LL, "请选择", why);
}

static int
fk_medins(const char *in, struct field_val *out, const char **why)
{
	return fk_digits(in, out, 6, 8, "医保代码为6位或8位数字", why);
}

/* The digits; a failed Luhn check is out->warn, the value still taken. */
static int
fk_bank_card(const char *in, struct field_val *out, const char **why)
{
	char c[20];
	int luhn;

	if (!valid_bank_card(in, c, &luhn, why))
		return 0;
	snprintf(V(out), "%s", c);
	if (!luhn)
		out->warn = "银行卡号校验未通过，请核对；确认无误可直接保存";
	return 1;
}

/* An amount in yuan into fen; v keeps it as "8323.04". */
static int
fk_money(const char *in, struct field_val *out, const char **why)
{
	if (!valid_fen(in, &out->fen, why))
		return 0;
	money_plain(out->fen, V(out));
	return 1;
}

static int
fk_date(const char *in, struct field_val *out, const char **why)
{
	if (!valid_date(in, out->date, why))
		return 0;
	snprintf(V(out), "%s", out->date);
	return 1;
}

/* An e-mail address: local@domain.tld in ASCII, folded to lower case. */
static int
fk_email(const char *in, struct field_val *out, const char **why)
{
	char e[121];
	int n = valid_text_norm(in, e, sizeof(e)), i, at = -1, dot = -1;

	for (i = 0; i < n; i++) {
		char c = e[i];

		if (c >= 'A' && c <= 'Z')
			e[i] = (char)(c - 'A' + 'a');
		else if (c == '@' && at < 0)
			at = i;
		else if (c == '.' && at >= 0)
			dot = i;
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c == '.' && at < 0) || c == '_' || c == '-' || c == '+'))
			break;
	}
	if (n <= 0 || i != n || at < 1 || dot < at + 2 || dot >= n - 2) {
		*why = n < 0 ? "邮箱地址过长" :
		    "请输入正确的邮箱地址，例如 name@example.com";
		return 0;
	}
	snprintf(V(out), "%s", e);
	return 1;
}

/*
 * Per kind: its parser, whether a refused input is shown again, and the
 * most characters a person may type when the field does not say.
 */
static const struct {
	field_fn	 fn;
	int		 echo;		/* show the input again on error */
	size_t		 max;		/* default limit in characters */
} kinds[FK__MAX] = {
	[FK_TEXT] =		{ fk_text, 1, 200 },
	[FK_TEXT_120] =		{ fk_text, 1, 120 },
	[FK_TEXT_60] =		{ fk_text, 1, 60 },
	[FK_TEXT_30] =		{ fk_text, 1, 30 },
	[FK_NOTE] =		{ fk_note, 1, 500 },
	[FK_NAME] =		{ fk_name, 1, 30 },
	[FK_ID_TYPE] =		{ fk_id_type, 1, 8 },
	[FK_ID_NUMBER] =	{ NULL, 1, 32 },	/* needs the type: below */
	[FK_RESIDENT_ID] =	{ fk_resident_id, 1, 32 },
	[FK_PHONE] =		{ fk_phone, 1, 20 },
	[FK_CODE] =		{ fk_code, 1, 10 },
	[FK_PASSWORD] =		{ fk_password, 0, 128 },
	[FK_NEW_PASSWORD] =	{ fk_new_password, 0, 64 },
	[FK_USERNAME] =		{ fk_username, 1, 32 },
	[FK_LOGIN] =		{ fk_login, 1, 32 },
	[FK_CREDIT_CODE] =	{ fk_credit_code, 1, 32 },
	[FK_COUNT] =		{ fk_count, 1, 12 },
	[FK_ID] =		{ fk_id, 1, 20 },
	[FK_CHOICE] =		{ NULL, 1, 32 },	/* needs the choices: below */
	[FK_MEDINS] =		{ fk_medins, 1, 16 },
	[FK_BANK_CARD] =	{ fk_bank_card, 1, 32 },
	[FK_MONEY] =		{ fk_money, 1, 20 },
	[FK_DATE] =		{ fk_date, 1, 12 },
	[FK_EMAIL] =		{ fk_email, 1, 120 },
};

/*
 * The length check every field gets before its parser: at most its
 * kind's number of characters, and valid UTF-8.  Returns
 * 1 when the input may go on to the parser; else sets out->err.
 */
static int
length_ok(const struct field *f, const char *in, struct field_val *out)
{
	size_t max = kinds[f->kind].max;
	long n = utf8_chars(in);

	if (n < 0) {
		out->err = "含有无法识别的字符，请重新输入";
		return 0;
	}
	if ((size_t)n > max) {
		snprintf(out->errbuf, sizeof(out->errbuf), "不能超过%zu个字", max);
		out->err = out->errbuf;
		return 0;
	}
	return 1;
}

/* FK_CHOICE: the value must be one of f->choices. */
static int
choice_read(const struct field *f, const char *in, struct field_val *out)
{
	long long i;

	for (i = 0; f->choices && f->choices[i]; i++)
		if (strcmp(in, f->choices[i]) == 0) {
			snprintf(out->v, sizeof(out->v), "%s", in);
			out->num = i;
			return 1;
		}
	out->err = "请选择";
	return 0;
}

int
form_parse(const struct field *f, const char *in, int idtype,
    struct field_val *out)
{
	const char *why = NULL;
	char idnum[32];

	memset(out, 0, sizeof(*out));
	if (f->optional && *in == '\0')
		return 1;
	if (!length_ok(f, in, out))
		return 0;
	if (f->kind == FK_CHOICE)
		return choice_read(f, in, out);
	if (f->kind == FK_ID_NUMBER) {
		if (valid_id_number(idtype, in, idnum, &why)) {
			snprintf(out->v, sizeof(out->v), "%s", idnum);
			return 1;
		}
		out->err = why ? why : "证件号码不正确";
		return 0;
	}
	if (!kinds[f->kind].fn(in, out, &why)) {
		out->err = why ? why : "请检查此项";
		out->warn = NULL;
		return 0;
	}
	return 1;
}

xmlNodePtr
form_node(struct req *r)
{
	xmlNodePtr n;

	for (n = r->page->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(n->name, (const xmlChar *)"form") == 0)
			return n;
	return view_add(r->page, "form", NULL);
}

int
form_read(struct req *r, const struct field *f, size_t n, struct field_val *out)
{
	xmlNodePtr form = form_node(r), fn;
	const char *in;
	int bad = 0, idtype = ID_RESIDENT;
	size_t i;

	for (i = 0; i < n; i++) {
		in = req_form(r, f[i].name);
		if (!form_parse(&f[i], in, idtype, &out[i]))
			bad++;
		else if (f[i].kind == FK_ID_TYPE && *out[i].v)
			idtype = (int)out[i].num;
		fn = view_field(form, f[i].name,
		    kinds[f[i].kind].echo && utf8_chars(in) >= 0 ? in : "",
		    out[i].err);
		view_attr(fn, "warning", out[i].warn);
	}
	return bad;
}

void
form_fill(struct req *r, const char *name, const char *value)
{
	view_field(form_node(r), name, value ? value : "", NULL);
}

void
form_fill_row(struct req *r, const char *const *names, size_t n,
    struct db_res *res)
{
	size_t i;

	for (i = 0; i < n && i < db_ncols(res); i++)
		if (names[i] != NULL)
			form_fill(r, names[i], db_col(res, (int)i));
}

void
form_fill_field(struct req *r, const struct field *f, const char *value)
{
	struct field_val v;
	xmlNodePtr n;

	n = view_field(form_node(r), f->name, value ? value : "", NULL);
	if (form_parse(f, value ? value : "", ID_RESIDENT, &v))
		view_attr(n, "warning", v.warn);
}

int
form_warned(const struct field_val *v, size_t n)
{
	size_t i;
	int w = 0;

	for (i = 0; i < n; i++)
		if (v[i].warn != NULL)
			w++;
	return w;
}

void
form_echo(struct req *r, const char *name)
{
	view_field(form_node(r), name, req_form(r, name), NULL);
}

void
form_error(struct req *r, const char *name, const char *msg)
{
	xmlNodePtr n;
	xmlChar *fn;

	for (n = form_node(r)->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		fn = xmlGetProp(n, (const xmlChar *)"name");
		if (fn && xmlStrcmp(fn, (const xmlChar *)name) == 0) {
			view_attr(n, "error", msg);
			xmlFree(fn);
			return;
		}
		xmlFree(fn);
	}
	view_field(form_node(r), name, "", msg);
}

void
form_message(struct req *r, const char *msg, const char *kind)
{
	xmlNodePtr m = view_add(form_node(r), "message", msg);

	view_attr(m, "kind", kind);
}

int
form_refuse(struct req *r, enum refusal rf, const char *field)
{
	char msg[1024];

	if (rf == RF_OK)
		return 0;
	if (rf == RF_DB)
		return 500;
	refusal_message(rf, msg, sizeof(msg));
	if (field)
		form_error(r, field, msg);
	else
		form_message(r, msg, "error");
	return 200;
}

int
page_refuse(struct req *r, enum refusal rf, int status)
{
	char msg[1024];

	if (rf == RF_OK)
		return 0;
	if (rf == RF_DB)
		return 500;
	return req_error_page(r, status, refusal_message(rf, msg,
	    sizeof(msg)));
}
