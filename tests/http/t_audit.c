/*
 * t_audit.c -- an audit row belongs to its change's transaction: when the
 * row cannot be written, the change is rolled back and the person sees
 * the error page, never a success.  A trigger planted for one action at a
 * time makes INSERT INTO audit_log fail; each change is then tried and
 * found not to have happened.  Sign-ins whose audit row fails answer 500
 * and sign nobody in; a sign-out whose row fails still signs out (and
 * answers 500).
 */
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "tap.h"
#include "valid.h"

#define CHAIR	"13800000006"	/* chairman of the sixth demo unit */
#define STAFF	"13700000666"

/* Make every audit row of `action` fail from now on (one at a time). */
static void
refuse_audit(const char *action)
{
	char q[512];

	test_sql("DROP TRIGGER IF EXISTS hz_test_audit_fail");
	snprintf(q, sizeof(q), "CREATE TRIGGER hz_test_audit_fail BEFORE INSERT"
	    " ON audit_log FOR EACH ROW IF NEW.action = '%s' THEN"
	    " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'test: audit refused';"
	    " END IF", action);
	ok(test_sql(q), "audit rows of %s now fail", action);
}

static void
heal_audit(void)
{
	test_sql("DROP TRIGGER IF EXISTS hz_test_audit_fail");
}

/* The answer was the error page (500), not a redirect to success. */
static void
refused(struct hc *c, int st, const char *what)
{
	is_int(st, 500, "%s: 500", what);
	ok(hc_count(c, "//p[@id='error']") == 1, "%s: the error page", what);
}

static long long
count(const char *q)
{
	return test_sql_int(q);
}

/* Office: users, roles, the org tree, sign-in and sign-out. */
static void
office(void)
{
	struct hc *ad = hc_new(), *c = hc_new();
	char q[512], id[24], root[24];
	long long before;

	hc_login_office(ad, "admin");

	refuse_audit("staff.create");
	hc_get(ad, "/o/users");
	refused(ad, hc_post(ad, "/o/users", "username", "audit_x", "name",
	    "审计测试", "password", "Audit2026x", "role_review1", "1", NULL),
	    "staff.create");
	is_int(count("SELECT COUNT(*) FROM staff WHERE username = 'audit_x'"),
	    0, "... the user was not created");

	refuse_audit("staff.roles");
	snprintf(id, sizeof(id), "%lld",
	    count("SELECT id FROM staff WHERE username = 'review2'"));
	hc_get(ad, "/o/users");
	refused(ad, hc_post(ad, "/o/users/roles", "id", id, "role_review1", "1",
	    "role_finance", "1", NULL), "staff.roles");
	ok(count("SELECT roles + 0 FROM staff WHERE username = 'review2'") == 2,
	    "... review2 keeps exactly 复审");

	refuse_audit("org.add");
	snprintf(root, sizeof(root), "%lld",
	    count("SELECT id FROM org WHERE parent_id IS NULL"));
	hc_get(ad, "/o/orgs");
	refused(ad, hc_post(ad, "/o/orgs", "parent", root, "level", "district",
	    "name", "审计测试区总工会", NULL), "org.add");
	is_int(count("SELECT COUNT(*) FROM org WHERE name = '审计测试区总工会'"),
	    0, "... the org was not added");

	refuse_audit("org.rename");
	snprintf(id, sizeof(id), "%lld", count("SELECT MIN(id) FROM org WHERE"
	    " level = 'district'"));
	snprintf(q, sizeof(q), "SELECT name FROM org WHERE id = %s", id);
	hc_get(ad, "/o/orgs");
	refused(ad, hc_post(ad, "/o/orgs/rename", "id", id, "name",
	    "改名不应生效", NULL), "org.rename");
	ok(strcmp(test_sql_str(q), "改名不应生效") != 0,
	    "... the org keeps its name");

	refuse_audit("staff.login");
	before = count("SELECT COUNT(*) FROM session");
	hc_get(c, "/o/login");
	refused(c, hc_post(c, "/o/login", "username", "finance", "password",
	    "Demo2026", NULL), "staff.login");
	is_int(count("SELECT COUNT(*) FROM session"), before,
	    "... no session was made");
	is_int(hc_get(c, "/o/"), 303, "... and nobody is signed in");

	refuse_audit("staff.logout");
	hc_get(ad, "/o/");
	refused(ad, hc_post(ad, "/o/logout", NULL), "staff.logout");
	is_int(hc_get(ad, "/o/"), 303, "... signed out all the same");

	heal_audit();
	hc_free(ad);
	hc_free(c);
}

/* Unit portal: staff, roster, invoice, password, import. */
static void
unit_portal(void)
{
	struct hc *ch = hc_new();
	char q[512], path[256], u[24], mid[24], code[19];
	long long unit;

	snprintf(q, sizeof(q), "SELECT au.unit_id FROM agent_unit au JOIN agent"
	    " g ON g.id = au.agent_id WHERE g.phone = '" CHAIR "' AND au.role ="
	    " 'chairman'");
	unit = count(q);
	snprintf(u, sizeof(u), "%lld", unit);
	hc_login_agent(ch, CHAIR);

	refuse_audit("unit.staff.add");
	snprintf(path, sizeof(path), "/u/staff?unit=%s", u);
	hc_get(ch, path);
	refused(ch, hc_post(ch, "/u/staff", "unit", u, "phone", STAFF,
	    "mutual_aid", "1", NULL), "unit.staff.add");
	is_int(count("SELECT COUNT(*) FROM agent WHERE phone = '" STAFF "'"), 0,
	    "... no account was made for the phone");

	refuse_audit("roster.add");
	snprintf(path, sizeof(path), "/u/roster/add?unit=%s", u);
	hc_get(ch, path);
	refused(ch, hc_post(ch, "/u/roster/add", "unit", u, "id_type", "1",
	    "id_number", "11010519491231002X", "name", "审计", "phone",
	    "13700000667", NULL), "roster.add");
	is_int(count("SELECT COUNT(*) FROM member WHERE id_number ="
	    " '11010519491231002X'"), 0, "... the person was not added");

	snprintf(q, sizeof(q), "SELECT MIN(id) FROM member WHERE unit_id = %s", u);
	snprintf(mid, sizeof(mid), "%lld", count(q));
	refuse_audit("roster.update");
	snprintf(path, sizeof(path), "/u/roster/member?unit=%s&id=%s", u, mid);
	hc_get(ch, path);
	refused(ch, hc_post(ch, "/u/roster/member", "unit", u, "id", mid,
	    "name", "改名不应生效", "phone", "13700000668", NULL),
	    "roster.update");
	snprintf(q, sizeof(q), "SELECT name FROM member WHERE id = %s", mid);
	ok(strcmp(test_sql_str(q), "改名不应生效") != 0,
	    "... the member keeps their name");

	refuse_audit("roster.remove");
	snprintf(path, sizeof(path), "/u/roster?unit=%s", u);
	hc_get(ch, path);
	refused(ch, hc_post(ch, "/u/roster/remove", "unit", u, "id", mid, NULL),
	    "roster.remove");
	snprintf(q, sizeof(q), "SELECT unit_id FROM member WHERE id = %s", mid);
	is_int(count(q), unit, "... the member is still in the roster");

	refuse_audit("unit.invoice");
	snprintf(code, sizeof(code), "91370211MA3C5AUD0%c",
	    credit_check_char("91370211MA3C5AUD0"));
	snprintf(path, sizeof(path), "/u/invoice?unit=%s", u);
	hc_get(ch, path);
	refused(ch, hc_post(ch, "/u/invoice", "unit", u, "title", "审计测试抬头",
	    "tax_no", code, NULL), "unit.invoice");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM invoice_info WHERE"
	    " unit_id = %s AND title = '审计测试抬头'", u);
	is_int(count(q), 0, "... the invoice was not saved");

	refuse_audit("agent.password.change");
	hc_get(ch, "/u/password");
	refused(ch, hc_post(ch, "/u/password", "old_password", "Demo2026",
	    "password", "Audit2026x", "password2", "Audit2026x", NULL),
	    "agent.password.change");
	heal_audit();
	hc_get(ch, "/u/");
	hc_post(ch, "/u/logout", NULL);
	hc_login_agent(ch, CHAIR);
	is_int(hc_get(ch, "/u/"), 200, "... the old password still signs in");

	refuse_audit("agent.login.password");
	hc_post(ch, "/u/logout", NULL);
	hc_get(ch, "/u/login?tab=password");
	refused(ch, hc_post(ch, "/u/login/password", "login", CHAIR, "password",
	    "Demo2026", NULL), "agent.login.password");
	is_int(hc_get(ch, "/u/"), 303, "... nobody is signed in");

	heal_audit();
	hc_free(ch);
}

int
main(void)
{
	heal_audit();
	office();
	unit_portal();
	heal_audit();
	ok(count("SELECT COUNT(*) FROM information_schema.triggers WHERE"
	    " trigger_name = 'hz_test_audit_fail'") == 0, "the trigger is gone");
	return tap_done();
}
