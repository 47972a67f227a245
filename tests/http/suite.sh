#!/usr/bin/env bash
# tests/http/suite.sh -- run every tests/http/t_* program against the test
# stack (started here if it is not running, fresh database) and print one
# TAP stream for automake's TAP driver.
set -u
SRCDIR=${HZ_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILDDIR=${HZ_BUILDDIR:-$SRCDIR}
export HZ_BUILDDIR=$BUILDDIR
export HZ_URL=http://127.0.0.1:${HZ_TEST_PORT:-18480}
export HUZHU_CONF=$BUILDDIR/run/test/huzhu.conf

if ! bash "$SRCDIR/tests/stack.sh" start test >"$BUILDDIR/tests/http/stack.out" 2>&1; then
	echo "not ok 1 - the test stack starts"
	sed 's/^/# /' "$BUILDDIR/tests/http/stack.out"
	echo "1..1"
	exit 1
fi

n=0
for t in "$BUILDDIR"/tests/http/t_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	out=$("$t" 2>&1)
	rc=$?
	failed=0
	# Renumber each program's TAP lines into one stream.
	while IFS= read -r line; do
		case "$line" in
		"ok "*|"not ok "*)
			n=$((n + 1))
			status=ok
			[ "${line#not }" != "$line" ] && { status="not ok"; failed=1; }
			echo "$status $n $name: $(printf '%s' "$line" | sed -E 's/^(not )?ok [0-9]+( - )?//')" ;;
		1..*) ;;
		*) echo "$line" ;;
		esac
	done <<<"$out"
	# A program that crashed without a failing check still fails.
	if [ $rc -ne 0 ] && [ $failed -eq 0 ]; then
		n=$((n + 1))
		echo "not ok $n $name: exited with status $rc"
	fi
done
echo "1..$n"
