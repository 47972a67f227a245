#!/bin/bash
# suite.sh -- build every libFuzzer harness in tests/fuzz and give each a
# short smoke run over its seeds.  Prints TAP for automake's driver.
#
# Each tests/fuzz/fuzz_NAME.c says what it needs in its first lines:
#   // fuzz-sources: lib/core/valid.c lib/core/money.c   (paths in the source tree)
#   // fuzz-libs: libzip libxml-2.0            (pkg-config module names)
# Seeds are read from tests/fuzz/seeds/NAME/; the run works on a scratch
# copy under the build tree, so the seeds are never written to.  Binaries,
# logs, corpora, crash artifacts and the runs' TMPDIR all go to
# $HZ_BUILDDIR/tests/fuzz/bin/.
#
# Environment: HZ_SRCDIR and HZ_BUILDDIR (default: this script's ../..),
# HZ_FUZZ_RUNS (default 20000), HZ_FUZZ_SECONDS (default 20).
set -u

here=$(cd "$(dirname "$0")" && pwd)
runs=${HZ_FUZZ_RUNS:-20000}
secs=${HZ_FUZZ_SECONDS:-20}
n=0
failed=0

pass() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# The last lines of a log, as TAP comments.
show() { tail -n "${2:-40}" "$1" 2>/dev/null | sed 's/^/#   /'; }
# A failed run's report: from the first sanitizer or libFuzzer error, then
# the tail (reproducer and artifact path).
show_run() {
	local first last total
	first=$(grep -n -m 1 -E \
	    '==[0-9]+==ERROR|runtime error:|ERROR: libFuzzer|deadly signal' \
	    "$1" | cut -d: -f1)
	total=$(wc -l <"$1")
	if [ -n "$first" ]; then
		last=$((first + 24))
		sed -n "${first},${last}p" "$1" | sed 's/^/#   /'
		if [ "$total" -gt $((last + 12)) ]; then
			echo "#   ..."
			show "$1" 12
		elif [ "$total" -gt "$last" ]; then
			sed -n "$((last + 1)),\$p" "$1" | sed 's/^/#   /'
		fi
	else
		show "$1" 40
	fi
	echo "#   full log: $1"
}
finish() {
	echo "1..$n"
	[ "$failed" -eq 0 ] && exit 0
	exit 1
}

if ! srcdir=$(cd "${HZ_SRCDIR:-$here/../..}" 2>/dev/null && pwd); then
	fail "source dir ${HZ_SRCDIR:-} not found"
	finish
fi
builddir=${HZ_BUILDDIR:-$here/../..}
bindir=$builddir/tests/fuzz/bin
if ! mkdir -p "$bindir/corpus" "$bindir/artifacts" ||
    ! bindir=$(cd "$bindir" && pwd); then
	fail "cannot create $bindir"
	finish
fi

if ! command -v clang >/dev/null 2>&1; then
	fail "clang not installed (apt-get install clang)"
	finish
fi

shopt -s nullglob
harnesses=("$srcdir"/tests/fuzz/fuzz_*.c)
if [ ${#harnesses[@]} -eq 0 ]; then
	fail "no harnesses: $srcdir/tests/fuzz/fuzz_*.c matched nothing"
	finish
fi

# UBSan only reports unless told to stop; a smoke run must fail on it.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

for src in "${harnesses[@]}"; do
	base=$(basename "$src" .c)
	name=${base#fuzz_}
	exe=$bindir/$base
	blog=$bindir/$base.build.log
	rlog=$bindir/$base.run.log
	rm -f "$exe" "$blog" "$rlog"

	# ---- build --------------------------------------------------------
	hdr=$(head -n 20 "$src")
	if ! grep -q '^// *fuzz-sources:' <<<"$hdr"; then
		fail "build $base"
		echo "#   $src has no '// fuzz-sources:' line"
		skip "run $base" "not built"
		continue
	fi
	read -r -a sources <<<"$(sed -n 's|^// *fuzz-sources:||p' <<<"$hdr" |
	    head -n 1)"
	read -r -a libs <<<"$(sed -n 's|^// *fuzz-libs:||p' <<<"$hdr" |
	    head -n 1)"
	paths=()
	for s in ${sources[@]+"${sources[@]}"}; do
		paths+=("$srcdir/$s")
	done
	pkgflags=()
	built=1
	{
		echo "# sources: ${sources[*]-}"
		echo "# libs: ${libs[*]-}"
	} >"$blog"
	if [ "${#libs[@]}" -gt 0 ]; then
		if ! command -v pkg-config >/dev/null 2>&1; then
			echo "pkg-config not installed" \
			    "(apt-get install pkg-config)" >>"$blog"
			built=0
		elif flags=$(pkg-config --cflags --libs "${libs[@]}" \
		    2>>"$blog"); then
			read -r -a pkgflags <<<"$flags"
		else
			echo "pkg-config --cflags --libs ${libs[*]} failed" \
			    >>"$blog"
			built=0
		fi
	fi
	if [ "$built" -eq 1 ]; then
		cmd=(clang -g -O1 -fsanitize=fuzzer,address,undefined
		    -std=c11 -D_GNU_SOURCE -I"$srcdir/lib/core" -I"$srcdir/lib/domain"
		    "$src" ${paths[@]+"${paths[@]}"} -o "$exe"
		    ${pkgflags[@]+"${pkgflags[@]}"})
		echo "${cmd[*]}" >>"$blog"
		"${cmd[@]}" >>"$blog" 2>&1 || built=0
	fi
	if [ "$built" -eq 0 ]; then
		fail "build $base"
		show "$blog" 30
		echo "#   full log: $blog"
		skip "run $base" "not built"
		continue
	fi
	pass "build $base"

	# ---- smoke run over a scratch copy of the seeds ------------------
	corpus=$bindir/corpus/$name
	rm -rf "$corpus"
	mkdir -p "$corpus"
	if [ -d "$srcdir/tests/fuzz/seeds/$name" ]; then
		cp -R "$srcdir/tests/fuzz/seeds/$name/." "$corpus/"
		chmod -R u+w "$corpus"
	fi
	rm -rf "$bindir/tmp/$name"
	mkdir -p "$bindir/tmp/$name"
	(cd "$bindir" && TMPDIR="$bindir/tmp/$name" "$exe" \
	    -runs="$runs" -max_total_time="$secs" -timeout=10 \
	    -print_final_stats=1 -artifact_prefix="$bindir/artifacts/$base-" \
	    "$corpus") >"$rlog" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$rlog" |
	    tail -n 1)
	if [ "$rc" -eq 0 ] && [ -n "$execs" ]; then
		pass "run $base ($execs execs)"
	else
		fail "run $base (exit $rc${execs:+, $execs execs})"
		show_run "$rlog"
	fi
done
finish
