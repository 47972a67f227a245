/*
 * t_office.c -- office login, home by role, admin managing users and
 * roles, and role checks (403) on every admin route.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"

static int
login(struct hc *c, const char *user, const char *pw)
{
	hc_get(c, "/o/login");
	return hc_post(c, "/o/login", "username", user, "password", pw, NULL);
}

/*
 * hz-jobs recounts the figures (each second on the test stack): a unit
 * approved behind its back shows up on the home page, and goes again.
 */
static void
figures_follow(struct hc *c)
{
	char want[16];
	int units, i;

	hc_get(c, "/o/");
	units = atoi(hc_xpath(c, "string(//*[@id='fig-units'])"));
	ok(units > 0, "units counted");
	test_sql("INSERT INTO org (parent_id, level, name, status)"
	    " SELECT id, 'unit', '统计测试单位', 'approved' FROM org"
	    " WHERE parent_id IS NULL");
	snprintf(want, sizeof(want), "%d", units + 1);
	for (i = 0; i < 50; i++) {
		hc_get(c, "/o/");
		if (strcmp(hc_xpath(c, "string(//*[@id='fig-units'])"), want) == 0)
			break;
		usleep(100 * 1000);
	}
	is_str(hc_xpath(c, "string(//*[@id='fig-units'])"), want,
	    "a new unit is counted within seconds");
	test_sql("DELETE FROM org WHERE name = '统计测试单位'");
}

int
main(void)
{
	struct hc *c = hc_new(), *r1 = hc_new(), *m = hc_new();
	char id[24], count[24];
	int st;

	is_int(hc_get(c, "/o/"), 303, "office home needs a login");
	is_int(hc_get(c, "/o/users"), 303, "users page needs a login");
	login(c, "admin", "wrong-pass1");
	is_str(hc_xpath(c, "string(//p[contains(@class,'msg-error')])"), "用户名或密码不正确",
	    "wrong password refused");
	is_str(hc_xpath(c, "string(//input[@name='username']/@value)"), "admin",
	    "username kept");
	is_int(login(c, "admin", "Demo2026"), 303, "admin logs in");
	hc_follow(c);
	is_str(hc_xpath(c, "string(//span[@data-role='admin'])"), "管理员", "home shows the role");
	snprintf(count, sizeof(count), "%lld",
	    test_sql_int("SELECT COUNT(*) FROM member"));
	is_str(hc_xpath(c, "string(//*[@id='fig-members'])"), count,
	    "home shows member count");
	ok(strstr(hc_xpath(c, "string(//*[@id='fig-at'])"), "统计于") != NULL,
	    "home says when the figures were counted");
	figures_follow(c);
	is_int(hc_count(c, "//*[@id='panel-admin']"), 1, "admin panel shown");

	/* review1 is not admin: 403 on every admin route. */
	is_int(login(r1, "review1", "Demo2026"), 303, "review1 logs in");
	hc_follow(r1);
	is_int(hc_count(r1, "//*[@id='nav-users']"), 0, "review1 sees no user menu");
	is_int(hc_get(r1, "/o/users"), 403, "review1: GET /o/users is 403");
	hc_get(r1, "/o/");
	is_int(hc_post(r1, "/o/users", "username", "evil", "name", "坏人",
	    "password", "abc12345", "role_admin", "1", NULL), 403,
	    "review1: POST /o/users is 403");
	hc_get(r1, "/o/");
	is_int(hc_post(r1, "/o/users/roles", "id", "2", "role_admin", "1", NULL), 403,
	    "review1: POST /o/users/roles is 403");
	ok(test_sql_int("SELECT COUNT(*) FROM staff WHERE username = 'evil'") == 0,
	    "nothing was created");

	/* Admin creates a user; bad input first. */
	hc_get(c, "/o/users");
	is_int(hc_count(c, "//table[@id='users']/tbody/tr"),
	    (int)test_sql_int("SELECT COUNT(*) FROM staff"),
	    "every user listed (the five of the demo and other tests')");
	hc_post(c, "/o/users", "username", "ab", "name", "", "password", "short", NULL);
	ok(*hc_xpath(c, "string(//*[@id='err-username'])"), "short username refused");
	ok(*hc_xpath(c, "string(//*[@id='err-name'])"), "empty name refused");
	ok(*hc_xpath(c, "string(//*[@id='err-password'])"), "weak password refused");
	is_str(hc_xpath(c, "string(//*[@id='err-roles'])"), "请至少选择一个角色",
	    "a role is required");
	hc_post(c, "/o/users", "username", "admin", "name", "重名", "password", "abc12345",
	    "role_finance", "1", NULL);
	is_str(hc_xpath(c, "string(//*[@id='err-username'])"), "该用户名已存在",
	    "duplicate username refused");
	st = hc_post(c, "/o/users", "username", "zhao.li", "name", "赵丽",
	    "password", "abc12345", "role_review1", "1", "role_review2", "1", NULL);
	is_int(st, 303, "user created");
	hc_follow(c);
	is_int(hc_count(c, "//tr[@data-user='zhao.li']"), 1, "new user listed");
	ok(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.create'") == 1,
	    "creation audited");

	/* The new user logs in and holds both roles. */
	is_int(login(m, "zhao.li", "abc12345"), 303, "new user logs in");
	hc_follow(m);
	is_int(hc_count(m, "//span[@data-role]"), 2, "holds the two roles");
	/* Admin takes review2 away. */
	hc_get(c, "/o/users");
	snprintf(id, sizeof(id), "%lld",
	    test_sql_int("SELECT id FROM staff WHERE username = 'zhao.li'"));
	hc_post(c, "/o/users/roles", "id", id, "role_review1", "1", NULL);
	hc_get(m, "/o/");
	is_int(hc_count(m, "//span[@data-role]"), 1, "role change applies at once");
	/* An admin cannot remove their own admin role. */
	hc_get(c, "/o/users");
	is_int(hc_post(c, "/o/users/roles", "id", "5", "role_finance", "1", NULL), 400,
	    "cannot drop own admin role");

	/* Sessions do not cross portals. */
	is_int(hc_get(c, "/u/"), 303, "an office session is not an agent session");
	is_int(hc_get(c, "/m/"), 303, "... nor a member session");
	hc_get(c, "/o/");
	hc_post(c, "/o/logout", NULL);
	is_int(hc_get(c, "/o/"), 303, "logged out");

	hc_free(c);
	hc_free(r1);
	hc_free(m);
	return tap_done();
}
