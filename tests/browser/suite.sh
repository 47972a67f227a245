#!/usr/bin/env bash
# tests/browser/suite.sh -- the key flows in Debian's Chromium driven by
# playwright-core (installed from npm into the build tree; no browser
# download): bind.mjs, a member binds at 360 px; unit.mjs, an agent's home
# at 1280 px and roster at 360 px; desk.mjs, the review desk; records.mjs,
# a unit's 参保记录 and 发票管理 at 1280 px and a member's 职工参保 at
# 360 px; plan.mjs, admin's 保障计划 at 1280 px; enroll.mjs, a unit's
# 参保申请 from draft to 上报 and the desk; mclaim.mjs, a member's 住院医疗
# claim in three steps at 360 px with 4 MB photos compressed in the page;
# article.mjs, the editor publishes an article with a cover at 1280 px and
# a member reads it at 360 px; change.mjs, a member's 个人信息变更 at
# 360 px decided on the desk; portal.mjs, the member's home, 个人中心 and 站内信 at 360 px and the
# agent's 站内信 at 1280 px; recover.mjs, WeChat sign-in at 360 px and 找回密码 by e-mail and 申诉 at
# 1280 px.
# Screenshots are kept in the build tree's tests/browser/.
set -u
SRCDIR=${HZ_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILDDIR=${HZ_BUILDDIR:-$SRCDIR}
OUT=$BUILDDIR/tests/browser
mkdir -p "$OUT"
export HZ_URL=http://127.0.0.1:${HZ_TEST_PORT:-18480} HZ_SHOTS=$OUT
export HUZHU_CONF=$BUILDDIR/run/test/huzhu.conf

bash "$SRCDIR/tests/stack.sh" status test 2>/dev/null ||
	bash "$SRCDIR/tests/stack.sh" start test >"$OUT/stack.out" 2>&1 ||
	{ echo "not ok 1 - the test stack starts"; echo "1..1"; exit 1; }
if [ ! -d "$OUT/node_modules/playwright-core" ]; then
	[ "$OUT" -ef "$SRCDIR/tests/browser" ] || cp -f "$SRCDIR/tests/browser/package.json" "$OUT/"
	(cd "$OUT" && npm install --silent --no-audit --no-fund >npm.log 2>&1) ||
		{ echo "not ok 1 - npm install playwright-core"; sed 's/^/# /' "$OUT/npm.log"; echo "1..1"; exit 1; }
fi
# Copies, not links: node resolves playwright-core from the script's real
# directory, which must be the one holding node_modules.
SCRIPTS="bind.mjs unit.mjs desk.mjs records.mjs plan.mjs enroll.mjs mclaim.mjs claim.mjs"
SCRIPTS="$SCRIPTS article.mjs change.mjs portal.mjs recover.mjs"
if ! [ "$OUT" -ef "$SRCDIR/tests/browser" ]; then
	for s in $SCRIPTS; do rm -f "$OUT/$s"; cp "$SRCDIR/tests/browser/$s" "$OUT/$s"; done
fi
# Demo member #20, not bound by the HTTP suites.
# The phone must be the one the roster holds for them.
read -r HZ_NAME HZ_ID HZ_PHONE < <(mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot -N huzhu \
	-e "SELECT name, id_number, phone FROM member ORDER BY id LIMIT 19, 1")
export HZ_NAME HZ_ID HZ_PHONE
# A demo chairman whose unit has members, and that unit (13800000005 is
# left alone: the sign-in tests slow its password logins down).
read -r HZ_AGENT HZ_UNIT < <(mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot -N huzhu \
	-e "SELECT a.phone, au.unit_id FROM agent a JOIN agent_unit au ON au.agent_id = a.id
	    WHERE au.role = 'chairman' AND a.phone LIKE '1380000000_' AND a.phone <> '13800000005'
	    ORDER BY (SELECT COUNT(*) FROM member m WHERE m.unit_id = au.unit_id) DESC, a.phone LIMIT 1")
export HZ_AGENT HZ_UNIT
# 参保记录 and 发票 (the HTTP suite's t_coverage and t_pinvoice leave
# them): the unit with the most records and an invoice, its chairman, and
# the member with the most records, signed in as a bind would (a member
# has no password; the bind is bind.mjs's).
read -r HZ_REC_UNIT HZ_REC_AGENT < <(mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot -N huzhu \
	-e "SELECT c.unit_id, a.phone FROM coverage c
	    JOIN agent_unit au ON au.unit_id = c.unit_id AND au.role = 'chairman'
	    JOIN agent a ON a.id = au.agent_id
	    WHERE a.phone <> '13800000005' AND EXISTS (SELECT 1 FROM premium_invoice i WHERE i.unit_id = c.unit_id)
	    GROUP BY c.unit_id, a.phone ORDER BY COUNT(*) DESC, c.unit_id LIMIT 1")
HZ_REC_MEMBER_TOKEN=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot huzhu \
	-e "INSERT INTO session (token_hash, kind, subject_id, csrf, ip, created_at, last_seen)
	    SELECT UNHEX(SHA2('$HZ_REC_MEMBER_TOKEN', 256)), 1, member_id, SHA2(RAND(), 256), '', NOW(), NOW()
	    FROM coverage GROUP BY member_id ORDER BY COUNT(*) DESC, member_id LIMIT 1" || HZ_REC_MEMBER_TOKEN=
# A planted session is a bind's: its member agreed to the texts in force.
# The members are listed first: member_consent's trigger updates their
# sessions (sql/026), which a statement reading session may not do.
CONSENT_PLANTED="CREATE OR REPLACE TEMPORARY TABLE hz_planted AS SELECT DISTINCT subject_id FROM session WHERE kind = 1;
	INSERT INTO member_consent (member_id, kind, version, agreed_at, ip)
	SELECT p.subject_id, t.kind, t.version, NOW(), '' FROM hz_planted p JOIN consent_text t ON t.is_current = 1
	WHERE NOT EXISTS (SELECT 1 FROM member_consent c WHERE c.member_id = p.subject_id
	    AND c.kind = t.kind AND c.version = t.version AND c.withdrawn_at IS NULL);
	DROP TEMPORARY TABLE hz_planted"
mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot huzhu -e "$CONSENT_PLANTED" 
export HZ_REC_UNIT HZ_REC_AGENT HZ_REC_MEMBER_TOKEN
# 补助申请 (mclaim.mjs): demo member #24, covered by 第十九期 from 200 days
# ago (its 等待期 over), signed in as a bind would.
HZ_CLAIM_TOKEN=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
HZ_CLAIM_NAME=$(mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot -N huzhu -e "
	SET @m = (SELECT id FROM member WHERE unit_id IS NOT NULL ORDER BY id LIMIT 23, 1);
	INSERT IGNORE INTO coverage (member_id, plan_id, version_id, unit_id, enroll_id, starts, ends, waits_until)
	    SELECT @m, p.id, pv.id, (SELECT unit_id FROM member WHERE id = @m), (SELECT MIN(id) FROM enroll),
	    CURDATE() - INTERVAL 200 DAY, CURDATE() + INTERVAL 165 DAY, CURDATE() - INTERVAL 110 DAY
	    FROM plan p JOIN plan_version pv ON pv.plan_id = p.id WHERE p.code = 'YL19' ORDER BY pv.version DESC LIMIT 1;
	INSERT INTO session (token_hash, kind, subject_id, csrf, ip, created_at, last_seen)
	    VALUES (UNHEX(SHA2('$HZ_CLAIM_TOKEN', 256)), 1, @m, SHA2(RAND(), 256), '', NOW(), NOW());
	$CONSENT_PLANTED;
	SELECT name FROM member WHERE id = @m") || HZ_CLAIM_TOKEN=
export HZ_CLAIM_TOKEN HZ_CLAIM_NAME
# 个人信息变更 (change.mjs): demo member #31 with a unit, signed in as a
# bind would, and a picture to upload as 变更凭证.
HZ_CHANGE_TOKEN=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot huzhu -e "
	INSERT INTO session (token_hash, kind, subject_id, csrf, ip, created_at, last_seen)
	    SELECT UNHEX(SHA2('$HZ_CHANGE_TOKEN', 256)), 1, id, SHA2(RAND(), 256), '', NOW(), NOW()
	    FROM member WHERE unit_id IS NOT NULL AND id NOT IN (SELECT member_id FROM info_change)
	    ORDER BY id LIMIT 30, 1;
	$CONSENT_PLANTED" || HZ_CHANGE_TOKEN=
export HZ_CHANGE_TOKEN HZ_STAMP=$SRCDIR/tests/data/stamp.png
# 首页, 个人中心 and 站内信 (portal.mjs): demo member #28, bound since
# 2026-03-01, and a demo agent, each signed in as a bind or login would,
# each with just 24 messages (4 unread, among them the oldest).
HZ_PORTAL_TOKEN=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
HZ_PORTAL_AGENT_TOKEN=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
HZ_PORTAL_NAME=$(mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot -N huzhu -e "
	SET time_zone = '+08:00';
	SET @m = (SELECT id FROM member WHERE unit_id IS NOT NULL ORDER BY id LIMIT 27, 1);
	SET @n = (SELECT name FROM member WHERE id = @m);
	SET @g = (SELECT a.id FROM agent a JOIN agent_unit au ON au.agent_id = a.id
	    WHERE au.role = 'chairman' AND a.phone LIKE '1380000000_' AND a.phone NOT IN ('13800000005', '$HZ_AGENT')
	    ORDER BY a.phone LIMIT 1);
	DELETE FROM station_message WHERE (recipient_kind = 1 AND recipient_id = @m)
	    OR (recipient_kind = 2 AND recipient_id = @g);
	INSERT INTO member_bind (member_id, phone, bound_at)
	    SELECT @m, COALESCE(phone, '13911112222'), '2026-03-01 09:30:00' FROM member WHERE id = @m
	    ON DUPLICATE KEY UPDATE bound_at = VALUES(bound_at);
	INSERT INTO session (token_hash, kind, subject_id, csrf, ip, created_at, last_seen)
	    VALUES (UNHEX(SHA2('$HZ_PORTAL_TOKEN', 256)), 1, @m, SHA2(RAND(), 256), '', NOW(), NOW()),
	    (UNHEX(SHA2('$HZ_PORTAL_AGENT_TOKEN', 256)), 2, @g, SHA2(RAND(), 256), '', NOW(), NOW());
	INSERT INTO station_message (recipient_kind, recipient_id, title, body, link, created_at, read_at)
	    SELECT 1, @m, CONCAT('参保成功通知（第', seq, '期）'),
	    CONCAT('您已成功参加职工医疗互助保障第', seq, '期，保障期间内住院可申请补助。'), '/m/coverage',
	    NOW() - INTERVAL (30 + seq) DAY, NOW() - INTERVAL 1 DAY FROM seq_1_to_20;
	INSERT INTO station_message (recipient_kind, recipient_id, title, body, link, created_at, read_at) VALUES
	    (1, @m, '补助申请被驳回', CONCAT('您提交的“', @n, '”的住院医疗补助申请被驳回，驳回理由是：缺少证明材料。请参考驳回理由重新提交申请，点此去处理。'), '/m/claims', NOW() - INTERVAL 2 HOUR, NULL),
	    (1, @m, '补助金打款失败', CONCAT('您提交的“', @n, '”的住院医疗补助申请打款失败，请修正收款账户信息。'), '/m/claims', NOW() - INTERVAL 1 DAY, NULL),
	    (1, @m, '系统维护通知', '本系统将于周六 22:00 至 23:00 维护，期间暂停服务。\n给您带来不便，敬请谅解。', NULL, NOW() - INTERVAL 3 DAY, NULL),
	    (1, @m, '您有1条变更信息申请单被驳回', '请在个人信息变更中查看驳回原因，修改后重新提交。', '/m/claims', NOW() - INTERVAL 60 DAY, NULL);
	INSERT INTO station_message (recipient_kind, recipient_id, title, body, link, created_at, read_at)
	    SELECT 2, @g, CONCAT('参保申请已办结（', seq, '）'), '您单位上报的参保申请已办结，可在参保记录中查看。', '/u/enroll',
	    NOW() - INTERVAL seq DAY, IF(seq > 4, NOW(), NULL) FROM seq_1_to_24;
	$CONSENT_PLANTED;
	SELECT @n") || HZ_PORTAL_TOKEN=
export HZ_PORTAL_TOKEN HZ_PORTAL_AGENT_TOKEN HZ_PORTAL_NAME
# recover.mjs: a demo member no test has bound or sent a code to binds inside
# WeChat; an agent of its own with an e-mail recovers the password by the
# mailed link.
read -r HZ_WX_NAME HZ_WX_ID HZ_WX_PHONE < <(mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot -N huzhu \
	-e "SELECT name, id_number, phone FROM (SELECT * FROM member ORDER BY id LIMIT 150, 50) m
	    WHERE id_type = 1 AND unit_id IS NOT NULL AND phone LIKE '1__________'
	    AND NOT EXISTS (SELECT 1 FROM member_bind b WHERE b.member_id = m.id)
	    AND NOT EXISTS (SELECT 1 FROM sms_code c WHERE c.phone = m.phone) ORDER BY id LIMIT 1")
HZ_MAIL_AGENT=13700009901 HZ_MAIL=browser.recover@example.com
mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot huzhu \
	-e "INSERT IGNORE INTO agent (phone, name, password_hash, profile_at, email)
	    SELECT '$HZ_MAIL_AGENT', '浏览器测试', password_hash, NOW(), '$HZ_MAIL'
	    FROM agent WHERE phone = '13800000001'"
export HZ_WX_NAME HZ_WX_ID HZ_WX_PHONE HZ_MAIL_AGENT HZ_MAIL
# The unit agent's roster upload picks this workbook.
export HZ_XLSX=$SRCDIR/tests/data/roster_openpyxl.xlsx
cd "$OUT" || exit 1
# Each script prints its own TAP; renumber them into one stream.
n=0 rc=0
for s in $SCRIPTS; do
	node "$s" >"$OUT/${s%.mjs}.tap" 2>&1 || rc=1
	while IFS= read -r line; do
		case "$line" in
		"ok "*|"not ok "*)
			n=$((n + 1))
			printf '%s\n' "$line" | sed -E "s/^(not )?ok [0-9]+ - /\1ok $n - ${s%.mjs}: /";;
		1..*) ;;
		*) printf '# %s\n' "$line";;
		esac
	done <"$OUT/${s%.mjs}.tap"
done
echo "1..$n"
exit $rc
