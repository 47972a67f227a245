/*
 * test_conf.c -- the configuration parser, masks and passwords.
 */
#include <string.h>

#include "auth.h"
#include "conf.h"
#include "mask.h"
#include "tap.h"

int
main(void)
{
	char err[256], buf[64], hash[128];
	const char *why;

	ok(conf_parse("# comment\n\ndb_name = huzhu_test\n  sms_url=http://x/y  \n",
	    err, sizeof(err)), "parses keys, comments, blank lines, spaces");
	is_str(conf_str(CONF_DB_NAME), "huzhu_test", "db_name read");
	is_str(conf_str(CONF_SMS_URL), "http://x/y", "value trimmed");
	is_str(conf_str(CONF_DB_USER), "huzhu", "default for a missing key");
	is_int(conf_long(CONF_SESSION_IDLE_OFFICE), 1800, "numeric default");
	ok(!conf_parse("no_such_key = 1\n", err, sizeof(err)), "unknown key refused");
	ok(strstr(err, "line 1") != NULL, "error names the line");
	ok(!conf_parse("db_name\n", err, sizeof(err)), "line without '=' refused");
	ok(!conf_load("/nonexistent/huzhu.conf", err, sizeof(err)),
	    "an explicit missing file is an error");

	is_str(mask_id("11010519491231002X", buf), "1101**********002X", "mask ID");
	is_str(mask_phone("13800138000", buf), "138****8000", "mask phone");
	is_str(mask_card("6228480402564890018", buf), "6228 **** **** 0018", "mask card");
	is_str(mask_phone("", buf), "", "mask empty");

	ok(password_hash("Secret2026", hash), "password hashed");
	ok(strncmp(hash, "$y$", 3) == 0, "hash is yescrypt ($y$)");
	ok(password_check("Secret2026", hash), "right password accepted");
	ok(!password_check("secret2026", hash), "wrong password refused");
	ok(!password_check("Secret2026", ""), "empty hash never matches");
	ok(!password_policy("abc12", &why), "short password refused");
	is_str(why, "密码长度应为8到64位", "... with a Chinese reason");
	ok(!password_policy("abcdefghij", &why), "letters only refused");
	ok(password_policy("abcdefg1", &why), "letters and digits accepted");
	return tap_done();
}
