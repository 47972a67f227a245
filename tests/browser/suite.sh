#!/usr/bin/env bash
# tests/browser/suite.sh -- the key flows in Debian's Chromium driven by
# playwright-core (installed from npm into the build tree; no browser
# download): bind.mjs, a member binds at 360 px; unit.mjs, an agent's home
# at 1280 px and roster at 360 px; desk.mjs, the review desk; plan.mjs,
# admin's 保障计划 at 1280 px.  Screenshots are kept in the build tree's
# tests/browser/.
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
SCRIPTS="bind.mjs unit.mjs desk.mjs plan.mjs"
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
