/*
 * t_orgs.c -- the office's org tree (admin adds a district and a unit,
 * renames, is refused a unit under the root or a taken credit code) and
 * the unit/member search with masked numbers.
 */
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "tap.h"
#include "valid.h"

int
main(void)
{
	struct hc *ad = hc_new(), *r1 = hc_new();
	char root[24], dist[24], code[19], q[256], id[24], idn[32], want[32];

	hc_login_office(ad, "admin");
	hc_login_office(r1, "review1");
	is_int(hc_get(r1, "/o/orgs"), 403, "review1: org tree is admin's");
	is_int(hc_get(ad, "/o/orgs"), 200, "admin opens the tree");
	ok(hc_count(ad, "//table[@id='tree']/tbody/tr") >= 10, "the demo city");
	snprintf(root, sizeof(root), "%lld",
	    test_sql_int("SELECT id FROM org WHERE parent_id IS NULL"));

	hc_post(ad, "/o/orgs", "parent", root, "level", "unit", "name",
	    "直属单位", NULL);
	ok(strstr(hc_xpath(ad, "string(//*[@id='err-parent'])"), "区县") != NULL,
	    "a unit cannot hang under the root");
	is_int(hc_post(ad, "/o/orgs", "parent", root, "level", "district",
	    "name", "西海岸新区总工会", NULL), 303, "district added");
	snprintf(dist, sizeof(dist), "%lld", test_sql_int(
	    "SELECT id FROM org WHERE name = '西海岸新区总工会'"));
	hc_get(ad, "/o/orgs");
	snprintf(code, sizeof(code), "91370211MA3C5TLX5%c",
	    credit_check_char("91370211MA3C5TLX5"));
	is_int(hc_post(ad, "/o/orgs", "parent", dist, "level", "unit", "name",
	    "西海岸港务集团工会", "credit_code", code, NULL), 303, "unit added");
	hc_get(ad, "/o/orgs");
	hc_post(ad, "/o/orgs", "parent", dist, "level", "unit", "name", "重复单位",
	    "credit_code", code, NULL);
	is_str(hc_xpath(ad, "string(//*[@id='err-credit_code'])"),
	    "该统一社会信用代码已被其他单位使用", "credit code used twice refused");
	snprintf(id, sizeof(id), "%lld", test_sql_int(
	    "SELECT id FROM org WHERE name = '西海岸港务集团工会'"));
	is_int(hc_post(ad, "/o/orgs/rename", "id", id, "name", "青岛港务集团工会",
	    NULL), 303, "renamed");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action IN"
	    " ('org.add', 'org.rename') AND object_id IN (%s, %s)", dist, id);
	is_int(test_sql_int(q), 3, "changes audited");

	/* Search: by name and by credit code; members masked. */
	is_int(hc_get(r1, "/o/search?q=%E6%B8%AF%E5%8A%A1"), 200, "search by name");
	snprintf(q, sizeof(q), "//table[@id='units']//tr[@data-unit='%s']", id);
	is_int(hc_count(r1, q), 1, "unit found by part of its name");
	snprintf(q, sizeof(q), "/o/search?q=%s", code);
	hc_get(r1, q);
	is_int(hc_count(r1, "//table[@id='units']/tbody/tr"), 1,
	    "found by credit code");
	snprintf(idn, sizeof(idn), "%s", test_sql_str("SELECT id_number FROM"
	    " member WHERE id_type = 1 ORDER BY id LIMIT 1"));
	snprintf(want, sizeof(want), "%.4s**********%s", idn, idn + 14);
	if (idn[17] == 'X')
		idn[17] = 'x';
	snprintf(q, sizeof(q), "/o/search?q=%s", idn);
	hc_get(r1, q);
	ok(hc_count(r1, "//table[@id='members']/tbody/tr") >= 1,
	    "member found by ID number");
	is_str(hc_xpath(r1, "string(//table[@id='members']//td[@class='id-number'])"),
	    want, "ID masked");
	hc_get(r1, "/o/search?q=%25");
	is_int(hc_count(r1, "//table[@id='units']/tbody/tr"), 0,
	    "a typed % matches literally");

	hc_free(ad);
	hc_free(r1);
	return tap_done();
}
