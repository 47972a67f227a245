#!/usr/bin/env bash
# tests/browser/suite.sh -- the bind flow in Debian's Chromium driven by
# playwright-core (installed from npm into the build tree; no browser
# download).  Screenshots are kept in the build tree's tests/browser/.
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
# A copy, not a link: node resolves playwright-core from the script's real
# directory, which must be the one holding node_modules.
[ "$OUT" -ef "$SRCDIR/tests/browser" ] || { rm -f "$OUT/bind.mjs"; cp "$SRCDIR/tests/browser/bind.mjs" "$OUT/bind.mjs"; }
# Demo member #20 (王… born 1970), not bound by the HTTP suites.
# The phone must be the one the roster holds for them.
read -r HZ_NAME HZ_ID HZ_PHONE < <(mariadb --no-defaults --socket="$BUILDDIR/run/test/sock/db.sock" -uroot -N huzhu \
	-e "SELECT name, id_number, phone FROM member ORDER BY id LIMIT 19, 1")
export HZ_NAME HZ_ID HZ_PHONE
cd "$OUT" && node bind.mjs
