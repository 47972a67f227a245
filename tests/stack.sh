#!/usr/bin/env bash
# tests/stack.sh -- the private stack: MariaDB in a data dir under the build
# tree, the FastCGI programs under spawn-fcgi + multiwatch, hz-jobs, the SMS
# sink and nginx on a loopback port.  Nothing of the system's own services
# is touched.
#
#   tests/stack.sh run            install packages, build, start the demo
#                                 stack with demo data, print URL and logins
#   tests/stack.sh check          install packages, build (ASan/UBSan) and
#                                 run every test suite; prints "N passed, M failed"
#   tests/stack.sh bench          install packages, build, run `make bench`
#   tests/stack.sh stop [INST]    stop a stack (demo, test or all; default all)
#   tests/stack.sh start INST     start one (test: always a fresh database)
#   tests/stack.sh status INST    exit 0 when the stack answers
#   tests/stack.sh deps [test]    only install the Debian packages
#   tests/stack.sh db-kill INST   kill a stack's MariaDB (kill -9: an outage)
#   tests/stack.sh db-start INST  start it again; returns when it answers
#
# Environment: HZ_BUILDDIR (default run/build), HZ_PORT (demo 8480,
# test 18480), HZ_WORKERS (processes per portal, default 2).
set -euo pipefail

SRCDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Builds go out of the source tree (run/build; the tests' sanitizer build in
# run/check-build) unless the tree was configured in place by hand.
if [ -f "$SRCDIR/config.status" ]; then
	BUILDDIR=${HZ_BUILDDIR:-$SRCDIR}
else
	BUILDDIR=${HZ_BUILDDIR:-$SRCDIR/run/build}
fi
WORKERS=${HZ_WORKERS:-2}

RUN_PKGS="libfcgi-dev spawn-fcgi multiwatch libmariadb-dev mariadb-server
 libxml2-dev libxslt1-dev libxlsxwriter-dev libcurl4-openssl-dev libzip-dev
 libcrypt-dev libgd-dev libmimalloc-dev nginx-light autoconf automake pkg-config make gcc curl"
# Tests also need: clang (libFuzzer harnesses), chromium + nodejs/npm
# (browser suite, playwright-core drives Debian's Chromium; fonts-noto-cjk so
# its screenshots show the Chinese text), wrk and
# python3-openpyxl (make bench), libreoffice is not needed at test time.
TEST_PKGS="clang chromium nodejs npm wrk python3-openpyxl time fonts-noto-cjk"

say() { printf '%s\n' "$*" >&2; }

deps() {
	local want="$RUN_PKGS" missing=()
	[ "${1:-}" = test ] && want="$RUN_PKGS $TEST_PKGS"
	for p in $want; do
		# A node/npm already on PATH (e.g. from NodeSource) will do.
		case $p in nodejs) command -v node >/dev/null && continue;;
			npm) command -v npm >/dev/null && continue;; esac
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing: ${missing[*]}"
	local sudo=""
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# policy-rc.d keeps the packaged MariaDB and nginx services from
	# starting: the stack runs its own.
	$sudo env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq \
		--no-install-recommends "${missing[@]}" >/dev/null
}

build() {
	local flags=("$@")
	if [ ! -x "$SRCDIR/configure" ] || [ "$SRCDIR/configure.ac" -nt "$SRCDIR/configure" ] ||
	   [ "$SRCDIR/Makefile.am" -nt "$SRCDIR/Makefile.in" ]; then
		(cd "$SRCDIR" && autoreconf -fi >/dev/null 2>&1) || (cd "$SRCDIR" && autoreconf -fi)
	fi
	mkdir -p "$BUILDDIR"
	if [ ! -f "$BUILDDIR/Makefile" ]; then
		(cd "$BUILDDIR" && "$SRCDIR/configure" -q "${flags[@]}")
	fi
	make -C "$BUILDDIR" -j"$(nproc)" -s
}

inst_port() { case "$1" in demo) echo "${HZ_PORT:-8480}";; test) echo "${HZ_TEST_PORT:-18480}";; bench) echo "${HZ_BENCH_PORT:-28480}";; *) say "unknown stack $1"; exit 2;; esac; }
# The SMTP sink listens 1000 above the stack's HTTP port.
smtp_port() { echo $(( $(inst_port "$1") + 1000 )); }
inst_run() { echo "$BUILDDIR/run/$1"; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

db_start() {
	local run=$1 user
	user=$(id -un)
	if [ ! -d "$run/db/mysql" ]; then
		mkdir -p "$run/db"
		mariadb-install-db --no-defaults --datadir="$run/db" --user="$user" \
			--auth-root-authentication-method=socket --skip-test-db >"$run/log/mariadb-install.log" 2>&1
	fi
	if ! alive "$run/db.pid"; then
		mariadbd --no-defaults --datadir="$run/db" --socket="$run/sock/db.sock" \
			--skip-networking --pid-file="$run/db.pid" --log-error="$run/log/mariadb.err" \
			--user="$user" --innodb-buffer-pool-size=256M --max-connections=200 \
			--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
			--innodb-flush-log-at-trx-commit=2 --innodb-log-file-size=512M \
			--innodb-log-buffer-size=64M ${HZ_MARIADB_OPTS:-} >/dev/null 2>&1 &
		for _ in $(seq 1 100); do
			mariadb-admin --no-defaults --socket="$run/sock/db.sock" -uroot ping >/dev/null 2>&1 && break
			sleep 0.2
		done
	fi
	mariadb-admin --no-defaults --socket="$run/sock/db.sock" -uroot ping >/dev/null ||
		{ say "MariaDB did not start; see $run/log/mariadb.err"; exit 1; }
}

sql() { mariadb --no-defaults --socket="$(inst_run "$1")/sock/db.sock" -uroot "${@:2}"; }

write_conf() {
	local inst=$1 run port
	run=$(inst_run "$inst"); port=$(inst_port "$inst")
	cat >"$run/huzhu.conf" <<CONF
# generated by tests/stack.sh for the $inst stack
db_socket = $run/sock/db.sock
db_user = root
db_name = huzhu
data_dir = $SRCDIR
store_dir = $run/store
tmp_dir = $run/tmp
log_file = $run/log/huzhu.log
sms_url = http://127.0.0.1:$port/_sink/send
sms_token = stack-token
secure_cookies = 0
demo = $([ "$inst" = demo ] && echo 1 || echo 0)
figures_every = $([ "$inst" = test ] && echo 1 || echo 60)
epoch_file = $run/epoch
pay_name = 青岛市职工互助保障协会
pay_bank = 中国工商银行青岛市南第二支行
pay_account = 3803020109200061234
enroll_scan = $([ "$inst" = test ] && echo 1 || echo 0)
public_url = http://127.0.0.1:$port
smtp_url = smtp://127.0.0.1:$(smtp_port "$inst")
smtp_from = huzhu@localhost
wx_appid = wxstack0000000001
wx_secret = stack-wx-secret
wx_authorize_url = http://127.0.0.1:$port/_wx/authorize
wx_token_url = http://127.0.0.1:$port/_wx/token
CONF
	sed -e "s|@RUN@|$run|g" -e "s|@PORT@|$port|g" -e "s|@SRCDIR@|$SRCDIR|g" \
		"$SRCDIR/nginx/stack.conf.in" >"$run/nginx.conf"
}

programs_stop() {
	local run=$1
	if alive "$run/nginx.pid"; then
		nginx -q -c "$run/nginx.conf" -p "$run" -e "$run/log/nginx-error.log" -s quit 2>/dev/null || true
	fi
	for p in member unit office export sink hello jobs smtp; do
		if alive "$run/$p.pid"; then kill "$(cat "$run/$p.pid")" 2>/dev/null || true; fi
	done
	for _ in $(seq 1 50); do
		local any=0
		for p in member unit office export sink hello jobs smtp nginx; do alive "$run/$p.pid" && any=1; done
		[ $any = 0 ] && break
		sleep 0.1
	done
	rm -f "$run"/sock/{member,unit,office,export,sink,hello}.sock
}

programs_start() {
	local inst=$1 run
	run=$(inst_run "$inst")
	export HUZHU_CONF="$run/huzhu.conf"
	for p in member unit office export; do
		spawn-fcgi -s "$run/sock/$p.sock" -M 0600 -P "$run/$p.pid" -- \
			/usr/bin/multiwatch -f "$WORKERS" -- "$BUILDDIR/hz-$p" >/dev/null
	done
	setsid "$BUILDDIR/hz-smtpsink" "$(smtp_port "$inst")" "$run/mail.log" \
		>>"$run/log/smtpsink.log" 2>&1 < /dev/null &
	echo $! >"$run/smtp.pid"
	SINK_FILE="$run/sms.log" SINK_TOKEN=stack-token SINK_MAIL="$run/mail.log" \
		WX_APPID=wxstack0000000001 WX_SECRET=stack-wx-secret \
		spawn-fcgi -s "$run/sock/sink.sock" -M 0600 -P "$run/sink.pid" -- "$BUILDDIR/hz-smssink" >/dev/null
	spawn-fcgi -s "$run/sock/hello.sock" -M 0600 -P "$run/hello.pid" -- \
		/usr/bin/multiwatch -f "$WORKERS" -- "$BUILDDIR/hz-hello" >/dev/null
	setsid "$BUILDDIR/hz-jobs" >>"$run/log/hz-jobs.log" 2>&1 < /dev/null &
	echo $! >"$run/jobs.pid"
	nginx -c "$run/nginx.conf" -p "$run" -e "$run/log/nginx-error.log"
	for _ in $(seq 1 50); do
		curl -fsS -o /dev/null "http://127.0.0.1:$(inst_port "$inst")/m/bind" 2>/dev/null && return 0
		sleep 0.1
	done
	say "the $inst stack does not answer; see $run/log/"
	tail -n 20 "$run/log/huzhu.log" "$run/log/nginx-error.log" 2>/dev/null >&2 || true
	exit 1
}

start() {
	local inst=$1 run
	run=$(inst_run "$inst")
	mkdir -p "$run"/{sock,log,store,tmp}
	write_conf "$inst"
	programs_stop "$run"
	db_start "$run"
	if [ "$inst" != demo ]; then
		sql "$inst" -e "DROP DATABASE IF EXISTS huzhu"
		: >"$run/sms.log"
		: >"$run/mail.log"
	fi
	sql "$inst" -e "CREATE DATABASE IF NOT EXISTS huzhu CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
	HUZHU_CONF="$run/huzhu.conf" "$BUILDDIR/hzctl" migrate >/dev/null
	HUZHU_CONF="$run/huzhu.conf" "$BUILDDIR/hzctl" demo >"$run/log/demo.txt"
	programs_start "$inst"
}

stop() {
	local which=${1:-all} run
	for inst in demo test bench; do
		[ "$which" = all ] || [ "$which" = "$inst" ] || continue
		run=$(inst_run "$inst")
		[ -d "$run" ] || continue
		programs_stop "$run"
		if alive "$run/db.pid"; then
			mariadb-admin --no-defaults --socket="$run/sock/db.sock" -uroot shutdown 2>/dev/null || true
		fi
	done
}

# Sum the TAP results of every suite; SKIP counts as a failure.
totals() {
	local pass fail
	# grep finds nothing in a clean run: that is not an error here.
	pass=$(find "$BUILDDIR/tests" -name '*.trs' -exec cat {} + | grep -c '^:test-result: PASS' || true)
	fail=$(find "$BUILDDIR/tests" -name '*.trs' -exec cat {} + | grep -c '^:test-result: \(FAIL\|XPASS\|ERROR\|SKIP\)' || true)
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
}

cmd=${1:-}
case "$cmd" in
deps) deps "${2:-}" ;;
build) build ;;
start) start "${2:?demo or test}" ;;
stop) stop "${2:-all}" ;;
db-kill)
	run=$(inst_run "${2:?demo or test}")
	alive "$run/db.pid" && kill -9 "$(cat "$run/db.pid")"
	for _ in $(seq 1 50); do alive "$run/db.pid" || break; sleep 0.1; done ;;
db-start) db_start "$(inst_run "${2:?demo or test}")" ;;
status) curl -fsS -o /dev/null "http://127.0.0.1:$(inst_port "${2:?demo or test}")/m/bind" ;;
run)
	deps
	build
	start demo
	port=$(inst_port demo)
	cat <<MSG

huzhu is running on http://127.0.0.1:$port/
  member portal (phone):  http://127.0.0.1:$port/m/
  unit agents:            http://127.0.0.1:$port/u/login
  office:                 http://127.0.0.1:$port/o/login
  SMS sent (demo sink):   http://127.0.0.1:$port/_sink/
  mail sent (demo sink):  http://127.0.0.1:$port/_sink/mail
  WeChat sign-in:         open /m/ with a User-Agent containing MicroMessenger
                          (browser devtools, "network conditions")

$(cat "$(inst_run demo)/log/demo.txt")
members to bind: see README "Demo data" (e.g. any row of the office export)
stop with: tests/stack.sh stop
MSG
	;;
bench)
	deps test
	build
	make -C "$BUILDDIR" -s bench
	;;
check)
	deps test
	if [ -z "${HZ_BUILDDIR:-}" ] && [ -f "$SRCDIR/config.status" ]; then
		say "the source tree is configured in place (config.status): run"
		say "'make distclean' there first; the tests build in run/check-build"
		exit 2
	fi
	BUILDDIR=${HZ_BUILDDIR:-$SRCDIR/run/check-build}
	export HZ_BUILDDIR=$BUILDDIR
	build --enable-sanitize
	find "$BUILDDIR/tests" -name '*.trs' -delete 2>/dev/null || true
	# Every page the tests render is also written by libxml2 and compared
	# with lib/core/htmlout.c's bytes; a difference fails the page.
	export HZ_VIEW_CHECK=1
	rc=0
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} make -C "$BUILDDIR" -s check >"$BUILDDIR/check.out" 2>&1 || rc=$?
	grep -E '^(PASS|FAIL|ERROR|SKIP|XPASS|# )' "$BUILDDIR/check.out" || true
	if [ $rc -ne 0 ]; then
		for f in $(grep -l '^:test-result: \(FAIL\|ERROR\)' $(find "$BUILDDIR/tests" -name '*.trs')); do
			say "---- ${f%.trs}.log"; grep -v '^ok ' "${f%.trs}.log" | tail -n 40 >&2
		done
	fi
	stop test
	totals
	;;
*)
	sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
	exit 2 ;;
esac
