#!/usr/bin/env bash
# make bench -- figures, one line each: name, value, unit, ratio.
# Page throughput is a ratio to hz-hello (the smallest FastCGI program)
# behind the same nginx with the same number of processes; the export is a
# ratio to python3-openpyxl writing the same rows.  Not a pass/fail test.
# HZ_BENCH_ONLY=pages stops after the page lines, =renewal runs only the
# 续保提醒 line, =import only the roster import (and its floor), =enrol
# only the enrolment lines, =claims only the claim queue, =payout only
# the 打款 lines; the default is all.
set -euo pipefail
SRCDIR=$(cd "$(dirname "$0")/../.." && pwd)
BUILDDIR=${HZ_BUILDDIR:-$(pwd)}
export HZ_BUILDDIR=$BUILDDIR
PORT=${HZ_BENCH_PORT:-28480}
URL=http://127.0.0.1:$PORT
RUN=$BUILDDIR/run/bench
DUR=${HZ_BENCH_SECONDS:-10}
ROWS=${HZ_BENCH_ROWS:-100000}

bash "$SRCDIR/tests/stack.sh" start bench >/dev/null
# The programs' connections run in +08:00 (lib/core/db.c); so does this one.
sql() { mariadb --no-defaults --socket="$RUN/sock/db.sock" -uroot -N huzhu \
	-e "SET time_zone = '+08:00'; $1"; }
trap 'bash "$SRCDIR/tests/stack.sh" stop bench >/dev/null 2>&1' EXIT

# ---- 续保提醒: one run of the job over 1 000 000 coverages.
# 250 000 members in 2 000 units (a chairman each), four yearly periods of
# one of two plans each, starts spread over two years: on the month's 1st
# about 14 000 last periods end in the window (listed) and as many earlier
# ones (renewed, left out).  Timed: `hzctl job renewal` at 12:00 on the
# 1st, building the list and queueing every unit's SMS; three runs, the
# month's rows removed between them, the median printed.
renewal_bench() {
	local RN_UNITS=2000 RN_MEMBERS=250000 RN_MONTH=2032-06-01 T0 T1 RN_COV RN_LOAD RN_OUT RN_MED
	local RN_LISTED RN_UNITS_IN RN_SMS RN_T=()
	sql "INSERT INTO org (parent_id, level, name, status)
	     SELECT (SELECT id FROM org WHERE level = 'district' ORDER BY id LIMIT 1), 'unit',
	            CONCAT('续保压测单位', seq), 'approved' FROM seq_1_to_$RN_UNITS;
	     INSERT INTO agent (phone, name) SELECT CONCAT('135', LPAD(seq, 8, '0')), CONCAT('续保经办', seq)
	     FROM seq_1_to_$RN_UNITS;
	     INSERT INTO agent_unit (agent_id, unit_id, role, perms)
	     SELECT a.id, o.id, 'chairman', 'mutual_aid' FROM agent a
	     JOIN org o ON o.name = CONCAT('续保压测单位', CAST(SUBSTRING(a.phone, 4) AS UNSIGNED))
	     WHERE a.phone LIKE '135%';
	     INSERT INTO plan (code) VALUES ('RNB1'), ('RNB2');
	     INSERT INTO plan_version (plan_id, version, name, premium)
	     SELECT id, 1, IF(code = 'RNB1', '职工医疗互助保障', '重大疾病互助保障'), 5000 FROM plan WHERE code LIKE 'RNB%';
	     UPDATE plan p JOIN plan_version v ON v.plan_id = p.id SET p.version_id = v.id WHERE p.code LIKE 'RNB%';
	     INSERT INTO enroll (no, kind, unit_id, agent_id, plan_id, version_id)
	     SELECT CONCAT('CB20280', seq, '0001'), 'main', (SELECT MIN(id) FROM org WHERE name LIKE '续保压测单位%'),
	            (SELECT MIN(id) FROM agent WHERE phone LIKE '135%'), p.id, p.version_id
	     FROM seq_0_to_3 JOIN plan p ON p.code = 'RNB1';
	     INSERT INTO member (id_type, id_number, name, phone, unit_id)
	     SELECT 2, CONCAT('R', LPAD(seq, 10, '0')), CONCAT('续保', seq), CONCAT('137', LPAD(seq, 8, '0')),
	            (SELECT MIN(id) FROM org WHERE name LIKE '续保压测单位%') + seq % $RN_UNITS
	     FROM seq_1_to_$RN_MEMBERS"
	T0=$(date +%s.%N)
	sql "INSERT INTO coverage (member_id, plan_id, version_id, unit_id, enroll_id, starts, ends)
	     SELECT m.id, p.id, p.version_id, m.unit_id, e.id,
	            '2028-01-01' + INTERVAL (m.id % 730) DAY + INTERVAL k.seq YEAR,
	            '2028-01-01' + INTERVAL (m.id % 730) DAY + INTERVAL k.seq + 1 YEAR - INTERVAL 1 DAY
	     FROM member m JOIN seq_0_to_3 k
	     JOIN plan p ON p.code = IF(m.id % 2, 'RNB1', 'RNB2')
	     JOIN enroll e ON e.no = CONCAT('CB20280', k.seq, '0001')
	     WHERE m.id_number LIKE 'R%'"
	T1=$(date +%s.%N)
	# The bench's own rows (the demo's applications cover some more).
	RN_COV=$(sql "SELECT COUNT(*) FROM coverage c JOIN plan p ON p.id = c.plan_id WHERE p.code LIKE 'RNB%'")
	RN_LOAD=$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", b - a }')
	for _ in 1 2 3; do
		sql "DELETE FROM renewal_item WHERE month = '$RN_MONTH'; DELETE FROM renewal_unit WHERE month = '$RN_MONTH';
		     DELETE FROM renewal_month WHERE month = '$RN_MONTH'; DELETE FROM sms_outbox WHERE phone LIKE '135%'"
		T0=$(date +%s.%N)
		RN_OUT=$(HZ_NOW="$RN_MONTH 12:00:00" HUZHU_CONF="$RUN/huzhu.conf" "$BUILDDIR/hzctl" job renewal)
		T1=$(date +%s.%N)
		RN_T+=("$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.2f", b - a }')")
	done
	RN_MED=$(printf '%s\n' "${RN_T[@]}" | sort -n | sed -n 2p)
	read -r RN_LISTED RN_UNITS_IN RN_SMS <<<"$(sql "SELECT m.items, m.units,
		(SELECT SUM(sms_agents) FROM renewal_unit WHERE month = m.month) FROM renewal_month m WHERE m.month = '$RN_MONTH'")"
	printf '%-34s %10s %-8s %s\n' "renewal reminders $RN_COV coverages" "$RN_MED" "s" \
		"median of ${RN_T[*]}; $RN_LISTED listed in $RN_UNITS_IN units, $RN_SMS SMS queued (target <= 10 s; rows loaded in $RN_LOAD s)"
}
# HZ_BENCH_ONLY=renewal: that line only.
if [ "${HZ_BENCH_ONLY:-}" = renewal ]; then
	renewal_bench
	exit 0
fi

# Pages and the export are measured with $ROWS members in the database.
sql "INSERT INTO member (id_type, id_number, name, gender, birth_date, phone, unit_id)
     SELECT 2, CONCAT('B', LPAD(seq, 10, '0')), CONCAT('测试', seq), IF(seq % 2, 'M', 'F'),
            '1980-01-01' + INTERVAL (seq % 10000) DAY, CONCAT('139', LPAD(seq, 8, '0')),
            (SELECT id FROM org WHERE level = 'unit' ORDER BY id LIMIT 1)
     FROM seq_1_to_$((ROWS - 200))"

ONLY=${HZ_BENCH_ONLY:-}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
if [ "$ONLY" != import ]; then
# Signed-in sessions planted directly (the sign-in flows are tested elsewhere).
MTOK=$(head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n')
OTOK=$(head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n')
sql "INSERT INTO session (token_hash, kind, subject_id, csrf, created_at, last_seen)
     VALUES (UNHEX(SHA2('$MTOK',256)), 1, 1, REPEAT('a',64), NOW(), NOW()),
            (UNHEX(SHA2('$OTOK',256)), 3, (SELECT id FROM staff WHERE username='finance'), REPEAT('b',64), NOW(), NOW())"
# A planted member session is a bind's: the members (1..201 sign in
# below) agreed to the 隐私协议 and 服务声明 in force.
sql "INSERT INTO member_consent (member_id, kind, version, agreed_at, ip)
     SELECT m.id, t.kind, t.version, NOW(), '' FROM member m JOIN consent_text t ON t.is_current = 1
     WHERE m.id <= 201"

# Each measured page must answer 200 with its content, not a redirect.
page_ok() { # path cookie marker
	curl -fsS -b "$2" "$URL$1" | grep -q "$3" ||
		{ echo "bench: $1 does not show $3" >&2; exit 1; }
}
# HZ_BENCH_ONLY=enrol: only the enrolment lines (tests/bench/enrol.sh).
if [ "${HZ_BENCH_ONLY:-}" = enrol ]; then . "$SRCDIR/tests/bench/enrol.sh"; exit 0; fi
# HZ_BENCH_ONLY=payout: only the 打款 lines (tests/bench/payout.sh).
if [ "${HZ_BENCH_ONLY:-}" = payout ]; then . "$SRCDIR/tests/bench/payout.sh"; exit 0; fi
page_ok /m/ "hz_m=$MTOK" 'id="member-name"'
page_ok /o/ "hz_o=$OTOK" 'data-role="finance"'

# wrk: requests/s and p99 latency at 16 connections; sets RES="rps p99ms".
measure() { # path cookie [wrk script]
	local out
	out=$(wrk -t2 -c16 -d"${DUR}s" --latency ${2:+-H "Cookie: $2"} ${3:+-s "$3"} "$URL$1")
	if grep -q "Non-2xx" <<<"$out"; then
		echo "bench: $1 gave non-2xx answers" >&2
		exit 1
	fi
	RES=$(awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {
		if (p ~ /us$/) { sub(/us/,"",p); p=p/1000 } else if (p ~ /ms$/) { sub(/ms/,"",p) } else if (p ~ /s$/) { sub(/s/,"",p); p=p*1000 }
		printf "%.0f %.2f\n", r, p }' <<<"$out")
}
# HZ_BENCH_ONLY=claims: only the claim queue (tests/bench/claims.sh).
if [ "$ONLY" = claims ]; then . "$SRCDIR/tests/bench/claims.sh"; exit 0; fi
# Many members at once: 5000 sessions, each request picks one at random,
# so the workers' session caches (256 slots) mostly miss and the page pays
# the session read from MariaDB: the cost of a first view.
python3 -c 'import secrets; [print(secrets.token_hex(32)) for _ in range(5000)]' >"$RUN/tmp/tokens"
awk 'BEGIN { print "SET time_zone = \x27+08:00\x27; INSERT INTO session (token_hash, kind, subject_id, csrf, created_at, last_seen) VALUES" }
     { printf "%s(UNHEX(SHA2(\x27%s\x27,256)), 1, %d, REPEAT(\x27a\x27,64), NOW(), NOW())\n", (NR > 1 ? "," : ""), $1, 1 + NR % 200 }
     END { print ";" }' "$RUN/tmp/tokens" |
	mariadb --no-defaults --socket="$RUN/sock/db.sock" -uroot huzhu
# The requests are formatted once per thread, before the run: wrk shares
# the two cores with the server, and formatting each request in Lua took
# wrk 57-69 us of CPU per request, 50-54 us with them made beforehand
# (hello: 33 us).
cat >"$RUN/tmp/tokens.lua" <<LUA
local reqs = {}
-- Per thread, once wrk has set the Host header.
init = function(args)
	for line in io.lines("$RUN/tmp/tokens") do
		reqs[#reqs + 1] = wrk.format("GET", "/m/", { Cookie = "hz_m=" .. line })
	end
	math.randomseed(os.time())
end
request = function()
	return reqs[math.random(#reqs)]
end
LUA
page_ok /m/ "hz_m=$(tail -1 "$RUN/tmp/tokens")" 'id="member-name"'

measure /hello ""; read -r HELLO HELLO99 <<<"$RES"
page_ok /hello/db "" '你好'
measure /hello/db ""; read -r HDB HDB99 <<<"$RES"
measure /m/ "hz_m=$MTOK"; read -r MEM MEM99 <<<"$RES"
measure /o/ "hz_o=$OTOK"; read -r OFF OFF99 <<<"$RES"
measure /m/ "" "$RUN/tmp/tokens.lua"; read -r COLD COLD99 <<<"$RES"
printf '%-34s %10s %-8s %s\n' "hello (ceiling)" "$HELLO" "req/s" "p99 ${HELLO99} ms"
printf '%-34s %10s %-8s %s\n' "hello + 1 SQL statement" "$HDB" "req/s" "$(ratio "$HDB" "$HELLO") of ceiling, p99 ${HDB99} ms"
printf '%-34s %10s %-8s %s\n' "member home (signed in)" "$MEM" "req/s" "$(ratio "$MEM" "$HELLO") of ceiling, $(ratio "$MEM" "$HDB") of hello+SQL, p99 ${MEM99} ms"
printf '%-34s %10s %-8s %s\n' "office home (signed in)" "$OFF" "req/s" "$(ratio "$OFF" "$HELLO") of ceiling, $(ratio "$OFF" "$HDB") of hello+SQL, p99 ${OFF99} ms"
printf '%-34s %10s %-8s %s\n' "member home, 5000 random sessions" "$COLD" "req/s" "$(ratio "$COLD" "$HELLO") of ceiling, $(ratio "$COLD" "$HDB") of hello+SQL, p99 ${COLD99} ms (session cache mostly misses)"
# HZ_BENCH_ONLY=pages: the page lines only (while working on them).
[ "$ONLY" = pages ] && exit 0

# XLSX export of $ROWS members through hz-export.
T0=$(date +%s.%N)
curl -fsS -o "$RUN/tmp/bench.xlsx" -b "hz_o=$OTOK" "$URL/x/members.xlsx"
T1=$(date +%s.%N)
EXP_S=$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.2f", b - a }')
EXP_RSS=0
for pid in $(pgrep -f "$BUILDDIR/hz-export"); do
	kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
	[ "${kb:-0}" -gt "$EXP_RSS" ] && EXP_RSS=$kb
done
ROWS_GOT=$(unzip -p "$RUN/tmp/bench.xlsx" xl/worksheets/sheet1.xml 2>/dev/null | grep -o '<row ' | wc -l || echo "?")

cat >"$RUN/tmp/openpyxl_bench.py" <<'PY'
import sys
from openpyxl import Workbook
rows = int(sys.argv[1])
wb = Workbook(write_only=True)
ws = wb.create_sheet("职工名单")
ws.append(["序号", "姓名", "证件类型", "证件号码", "性别", "出生日期", "手机号码", "所在单位", "上级工会"])
for i in range(1, rows + 1):
    ws.append([str(i), "测试%d" % i, "护照", "B%010d" % i, "男", "1980-01-01",
               "139%08d" % i, "市南区第一中学工会委员会", "市南区总工会"])
wb.save(sys.argv[2])
PY
PY_OUT=$( { /usr/bin/time -f "%e %M" /usr/bin/python3 "$RUN/tmp/openpyxl_bench.py" "$ROWS" "$RUN/tmp/py.xlsx"; } 2>&1 | tail -1)
read -r PY_S PY_RSS <<<"$PY_OUT"
printf '%-34s %10s %-8s %s\n' "export $ROWS members (hz-export)" "$EXP_S" "s" "peak RSS $((EXP_RSS / 1024)) MB, $ROWS_GOT rows in file"
printf '%-34s %10s %-8s %s\n' "same rows, openpyxl write-only" "$PY_S" "s" "peak RSS $((PY_RSS / 1024)) MB"
printf '%-34s %10s %-8s\n' "export speed vs openpyxl" "$(ratio "$PY_S" "$EXP_S")" "x"
fi

# ---- roster: 50 000-row import from upload to result; 100 000-row export.
IMPORT_ROWS=${HZ_BENCH_IMPORT_ROWS:-50000}
# merge_txn's statements (lib/domain/rosterimport.c) for staging job $1
# and unit $2, as SQL text: keep them the same as the import's.
floor_merge() {
	cat <<SQL
UPDATE import_row r STRAIGHT_JOIN member m ON m.id_type = r.id_type AND m.id_number = r.id_number
  LEFT JOIN org o ON o.id = m.unit_id AND m.unit_id <> $2
  SET r.existed = o.id IS NULL, r.status = IF(o.id IS NULL, r.status, 'fail'),
  r.message = IF(o.id IS NULL, r.message, CONCAT('该职工已是“', o.name, '”的会员，如需调入本单位请办理会籍变更'))
  WHERE r.job_id = $1 AND r.status <> 'fail';
INSERT INTO member (id_type, id_number, name, gender, birth_date, phone, si_type, si_card,
  bank_card, bank_name, remarks, unit_id)
  SELECT id_type, id_number, name, gender, birth_date, phone, si_type, si_card, bank_card,
         bank_name, remarks, $2 FROM import_row WHERE job_id = $1 AND status <> 'fail'
  ORDER BY row_no ON DUPLICATE KEY UPDATE
  member.name = IF(COALESCE(member.unit_id, VALUES(unit_id)) = VALUES(unit_id), VALUES(name), member.name),
  member.phone = IF(COALESCE(member.unit_id, VALUES(unit_id)) = VALUES(unit_id), VALUES(phone), member.phone),
  member.si_type = IF(COALESCE(member.unit_id, VALUES(unit_id)) = VALUES(unit_id), COALESCE(VALUES(si_type), member.si_type), member.si_type),
  member.si_card = IF(COALESCE(member.unit_id, VALUES(unit_id)) = VALUES(unit_id), COALESCE(VALUES(si_card), member.si_card), member.si_card),
  member.bank_card = IF(COALESCE(member.unit_id, VALUES(unit_id)) = VALUES(unit_id), COALESCE(VALUES(bank_card), member.bank_card), member.bank_card),
  member.bank_name = IF(COALESCE(member.unit_id, VALUES(unit_id)) = VALUES(unit_id), COALESCE(VALUES(bank_name), member.bank_name), member.bank_name),
  member.remarks = IF(COALESCE(member.unit_id, VALUES(unit_id)) = VALUES(unit_id), COALESCE(VALUES(remarks), member.remarks), member.remarks),
  member.unit_id = COALESCE(member.unit_id, VALUES(unit_id));
INSERT INTO membership (member_id, unit_id, reason)
  SELECT m.id, m.unit_id, '名册导入' FROM import_row r
  STRAIGHT_JOIN member m ON m.id_type = r.id_type AND m.id_number = r.id_number
  WHERE r.job_id = $1 AND r.status <> 'fail' AND m.unit_id = $2
  AND NOT EXISTS (SELECT 1 FROM membership x WHERE x.member_id = m.id
                  AND x.unit_id = m.unit_id AND x.ended_at IS NULL);
SELECT COALESCE(SUM(status <> 'fail' AND existed = 0), 0), COALESCE(SUM(status <> 'fail' AND existed = 1), 0),
       COALESCE(SUM(status = 'fail'), 0), COALESCE(SUM(status = 'warn'), 0)
  INTO @added, @updated, @failed, @warned FROM import_row WHERE job_id = $1;
SQL
}
# The workbook, and the same rows as the import stages them after its
# checks (import_row's columns, tab-separated, \N for NULL) for the floor.
cat >"$RUN/tmp/make_roster.py" <<'PY'
import sys
from openpyxl import Workbook
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C = "10X98765432"
def rid(i):
    s = "370202%04d%02d%02d%03d" % (1970 + i % 30, 1 + i % 12, 1 + i % 28, i % 1000)
    return s + C[sum(int(a) * w for a, w in zip(s, W)) % 11]
n = int(sys.argv[1])
wb = Workbook(write_only=True)
ws = wb.create_sheet("职工名册")
ws.append(["职工名册（导入模板）"])
ws.append(["选填", "必填", "选填", "必填", "必填", "选填", "选填", "选填", "选填", "选填"])
ws.append(["序号", "姓名", "证件类型", "证件号码", "手机号码", "医保类型", "社保卡号", "银行卡号", "开户行", "备注"])
tsv = open(sys.argv[3], "w", encoding="utf-8")
seen = set()
i = 0
while len(seen) < n:
    i += 1
    k = rid(i) if i < 360000 else "B%010d" % i
    if k in seen:
        continue
    seen.add(k)
    name = "职工" + "甲乙丙丁戊己庚辛壬癸"[i % 10] + "子丑寅卯辰巳午未申酉"[i // 10 % 10]
    resident = k[0] != "B"
    ws.append([str(len(seen)), name, "居民身份证" if resident else "护照", k,
               "139%08d" % i, "城镇职工基本医疗保险", "", "", "", ""])
    if resident:
        gender, birth = "FM"[int(k[16]) % 2], "%s-%s-%s" % (k[6:10], k[10:12], k[12:14])
    else:
        gender, birth = "\\N", "\\N"
    tsv.write("\t".join([str(3 + len(seen)), "ok", "\\N", "1" if resident else "2", k, name,
                         gender, birth, "139%08d" % i, "城镇职工基本医疗保险",
                         "\\N", "\\N", "\\N", "\\N", "\\N"]) + "\n")
wb.save(sys.argv[2])
PY
cat >"$RUN/tmp/read_roster.py" <<'PY'
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True)
n = sum(1 for _ in wb.active.iter_rows(values_only=True))
print(n, file=sys.stderr)
PY
/usr/bin/python3 "$RUN/tmp/make_roster.py" "$IMPORT_ROWS" "$RUN/tmp/roster.xlsx" "$RUN/tmp/roster.tsv"
IUNIT=$(sql "SELECT id FROM org WHERE level = 'unit' ORDER BY id LIMIT 1 OFFSET 1")
IAGENT=$(sql "SELECT agent_id FROM agent_unit WHERE unit_id = $IUNIT AND role = 'chairman'")
UTOK=$(head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n')
sql "INSERT INTO session (token_hash, kind, subject_id, csrf, created_at, last_seen)
     VALUES (UNHEX(SHA2('$UTOK',256)), 2, $IAGENT, REPEAT('c',64), NOW(), NOW())"

# The floor: the database's own speed for the same work.  The same rows,
# already checked, put into the staging table by LOAD DATA LOCAL INFILE,
# then merged by merge_txn's statements (lib/domain/rosterimport.c) as
# plain SQL, timed inside one mariadb session with the programs' settings
# (lib/core/db.c: READ COMMITTED, strict mode).  The merge is rolled back
# and the staging table emptied (TRUNCATE: no job runs yet, and it leaves
# InnoDB nothing to purge behind the next run), so the import below meets
# the database as it was.  Staging job 0: no import_job has that id.
# Three times, the median kept: the first pays for the 100 000 members
# just inserted.
floor_once() {
	mariadb --no-defaults --local-infile=1 --socket="$RUN/sock/db.sock" -uroot -N huzhu <<SQL
SET time_zone = '+08:00', tx_isolation = 'READ-COMMITTED',
    sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION';
SET @t0 = NOW(6);
LOAD DATA LOCAL INFILE '$RUN/tmp/roster.tsv' INTO TABLE import_row
  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t' LINES TERMINATED BY '\n'
  (row_no, status, message, id_type, id_number, name, gender, birth_date,
   phone, si_type, si_card, bank_card, bank_name, remarks) SET job_id = 0;
SET @t1 = NOW(6);
BEGIN;
$(floor_merge 0 "$IUNIT")
SET @t2 = NOW(6);
ROLLBACK;
SELECT TIMESTAMPDIFF(MICROSECOND, @t0, @t2) / 1e6, TIMESTAMPDIFF(MICROSECOND, @t0, @t1) / 1e6,
       TIMESTAMPDIFF(MICROSECOND, @t1, @t2) / 1e6,
       (SELECT COUNT(*) FROM import_row WHERE job_id = 0), @added, @failed;
TRUNCATE TABLE import_row;
SQL
}
FLOOR_OUT=$(for _ in 1 2 3; do floor_once; done | sort -n | sed -n 2p)
read -r FLOOR_S FLOOR_LOAD FLOOR_MERGE FLOOR_ROWS FLOOR_ADDED FLOOR_FAILED <<<"$FLOOR_OUT"
FLOOR_S=$(awk -v a="$FLOOR_S" 'BEGIN { printf "%.2f", a }')
FLOOR_LOAD=$(awk -v a="$FLOOR_LOAD" 'BEGIN { printf "%.2f", a }')
FLOOR_MERGE=$(awk -v a="$FLOOR_MERGE" 'BEGIN { printf "%.2f", a }')

T0=$(date +%s.%N)
curl -fsS -o /dev/null -b "hz_u=$UTOK" -F "_csrf=$(printf 'c%.0s' $(seq 64))" \
	-F "unit=$IUNIT" -F "file=@$RUN/tmp/roster.xlsx;filename=roster.xlsx" "$URL/u/roster/import"
JOB=$(sql "SELECT MAX(id) FROM import_job")
# Polled slowly (each poll is a client start on the same two cores); the
# end is the job's own finished_at, on the same clock as T0.
for _ in $(seq 1 300); do
	STATE=$(sql "SELECT state FROM import_job WHERE id = $JOB")
	[ "$STATE" = done ] || [ "$STATE" = failed ] && break
	sleep 0.2
done
T1=$(sql "SELECT UNIX_TIMESTAMP(finished_at) FROM import_job WHERE id = $JOB")
IMP_S=$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.2f", b - a }')
read -r ADDED FAILED JOB_S <<<"$(sql "SELECT added, failed, TIMESTAMPDIFF(MICROSECOND, started_at, finished_at) / 1e6 FROM import_job WHERE id = $JOB")"
JOBS_RSS=$(awk '/VmHWM/ {print $2}' "/proc/$(cat "$RUN/jobs.pid")/status" 2>/dev/null || echo 0)
PYR_OUT=$( { /usr/bin/time -f "%e %M" /usr/bin/python3 "$RUN/tmp/read_roster.py" "$RUN/tmp/roster.xlsx"; } 2>&1 | tail -1)
read -r PYR_S PYR_RSS <<<"$PYR_OUT"
# The job's phases, as hz-jobs logs them when it ends (lib/domain/rosterimport.c).
PHASES=$(grep -a "hz-jobs\[[0-9]*\] info: import $JOB: " "$RUN/log/huzhu.log" | tail -1 |
	sed -n 's/.* read \([0-9.]*\) s, check \([0-9.]*\) s, stage \([0-9.]*\) s, merge \([0-9.]*\) s, result \([0-9.]*\) s.*/\1 \2 \3 \4 \5/p')
read -r PH_READ PH_CHECK PH_STAGE PH_MERGE PH_RESULT <<<"${PHASES:-0 0 0 0 0}"
# Rows in the staging table, from the upload's first byte: reading,
# checking and what staging took beyond them (it streams meanwhile).
PH_IN=$(awk -v a="$PH_READ" -v b="$PH_CHECK" -v c="$PH_STAGE" 'BEGIN { printf "%.2f", a + b + c }')
line() { printf '%-34s %10s %-8s %s\n' "$@"; }
sec() { awk -v a="$1" 'BEGIN { printf "%.2f", a }'; }
line "import $IMPORT_ROWS-row roster" "$IMP_S" "s" "upload to result, $STATE: $ADDED added, $FAILED failed; job ${JOB_S} s; hz-jobs peak RSS $((JOBS_RSS / 1024)) MB"
line "import read" "$(sec "$PH_READ")" "s" "xlsx to rows; openpyxl reading takes $(ratio "$PYR_S" "$PH_READ") x"
line "import check" "$(sec "$PH_CHECK")" "s" "every row's fields, duplicates"
line "import stage" "$(sec "$PH_STAGE")" "s" "into import_row, beyond reading and checking; all three $PH_IN s, $(ratio "$PH_IN" "$FLOOR_LOAD") x the floor's LOAD DATA"
line "import merge" "$(sec "$PH_MERGE")" "s" "into member, membership; $(ratio "$PH_MERGE" "$FLOOR_MERGE") x the floor's merge"
line "import result workbook" "$(sec "$PH_RESULT")" "s" "the failed and flagged rows"
line "import floor" "$FLOOR_S" "s" "LOAD DATA $FLOOR_LOAD s + merge $FLOOR_MERGE s in SQL (median of 3): $FLOOR_ROWS rows, $FLOOR_ADDED added, $FLOOR_FAILED failed"
line "import vs floor" "$(ratio "$IMP_S" "$FLOOR_S")" "x" "upload to result over the floor"
line "same file, openpyxl read-only" "$PYR_S" "s" "reading only, peak RSS $((PYR_RSS / 1024)) MB"
line "import vs openpyxl reading" "$(ratio "$PYR_S" "$IMP_S")" "x"

[ "$ONLY" = import ] && exit 0

# The first unit holds the $ROWS members inserted above: export its roster.
EUNIT=$(sql "SELECT id FROM org WHERE level = 'unit' ORDER BY id LIMIT 1")
EAGENT=$(sql "SELECT agent_id FROM agent_unit WHERE unit_id = $EUNIT AND role = 'chairman'")
ETOK=$(head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n')
sql "INSERT INTO session (token_hash, kind, subject_id, csrf, created_at, last_seen)
     VALUES (UNHEX(SHA2('$ETOK',256)), 2, $EAGENT, REPEAT('d',64), NOW(), NOW())"
T0=$(date +%s.%N)
curl -fsS -o "$RUN/tmp/roster-export.xlsx" -b "hz_u=$ETOK" "$URL/x/roster.xlsx?unit=$EUNIT"
T1=$(date +%s.%N)
REXP_S=$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.2f", b - a }')
REXP_ROWS=$(unzip -p "$RUN/tmp/roster-export.xlsx" xl/worksheets/sheet1.xml 2>/dev/null | grep -o '<row ' | wc -l || echo "?")
# Served by hz-export (its peak also covers the member list above).
REXP_RSS=0
for pid in $(pgrep -f "$BUILDDIR/hz-export"); do
	kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
	[ "${kb:-0}" -gt "$REXP_RSS" ] && REXP_RSS=$kb
done
printf '%-34s %10s %-8s %s\n' "roster export, one unit" "$REXP_S" "s" "$((REXP_ROWS - 1)) rows, hz-export peak RSS $((REXP_RSS / 1024)) MB"

renewal_bench
. "$SRCDIR/tests/bench/enrol.sh"
. "$SRCDIR/tests/bench/claims.sh"
. "$SRCDIR/tests/bench/payout.sh"
