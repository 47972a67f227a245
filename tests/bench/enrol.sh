# ---- enrolment (sourced by run.sh, which gives sql, URL, RUN, SRCDIR):
# one application of $EN people through 上报, the reviews, the payment and
# finance's confirmation, driven over HTTP like the agent and the office.
EN=${HZ_BENCH_ENROL:-20000}
# A unit of $EN people, its agent (a demo chairman serving it too), a plan.
sql "INSERT INTO org (parent_id, level, name, nature, chairman, contact, contact_phone, employees, status)
     SELECT MIN(id), 'unit', '参保压测单位', '国企', '压测', '压测', '13800000000', $EN, 'approved'
     FROM org WHERE level = 'district'"
NUNIT=$(sql "SELECT MAX(id) FROM org WHERE name = '参保压测单位'")
NAGENT=$(sql "SELECT agent_id FROM agent_unit WHERE role = 'chairman' ORDER BY unit_id LIMIT 1")
sql "INSERT INTO agent_unit (agent_id, unit_id, role, perms) VALUES ($NAGENT, $NUNIT, 'chairman', 'mutual_aid')"
sql "INSERT INTO member (id_type, id_number, name, gender, birth_date, phone, unit_id)
     SELECT 2, CONCAT('E', LPAD(seq, 10, '0')), CONCAT('参保', seq), IF(seq % 2, 'M', 'F'),
            '1970-01-01' + INTERVAL (seq % 12000) DAY, CONCAT('136', LPAD(seq, 8, '0')), $NUNIT
     FROM seq_1_to_$EN"
sql "INSERT INTO plan (code) VALUES ('BENCH')"
sql "INSERT INTO plan_version (plan_id, version, name, premium, period_months, window_from, window_to, waiting_days)
     SELECT id, 1, '压测职工医疗互助保障', 6000, 12, CURDATE() - INTERVAL 5 DAY, CURDATE() + INTERVAL 5 DAY, 90
     FROM plan WHERE code = 'BENCH'"
sql "UPDATE plan p JOIN plan_version v ON v.plan_id = p.id SET p.version_id = v.id WHERE p.code = 'BENCH'"
NPLAN=$(sql "SELECT id FROM plan WHERE code = 'BENCH'")
# Signed-in sessions: the agent, review1, review2, finance.
tok() { head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
ATOK=$(tok); R1TOK=$(tok); R2TOK=$(tok); FTOK=$(tok)
sql "INSERT INTO session (token_hash, kind, subject_id, csrf, created_at, last_seen) VALUES
     (UNHEX(SHA2('$ATOK',256)), 2, $NAGENT, REPEAT('e',64), NOW(), NOW()),
     (UNHEX(SHA2('$R1TOK',256)), 3, (SELECT id FROM staff WHERE username='review1'), REPEAT('e',64), NOW(), NOW()),
     (UNHEX(SHA2('$R2TOK',256)), 3, (SELECT id FROM staff WHERE username='review2'), REPEAT('e',64), NOW(), NOW()),
     (UNHEX(SHA2('$FTOK',256)), 3, (SELECT id FROM staff WHERE username='finance'), REPEAT('e',64), NOW(), NOW())"
CS=$(printf 'e%.0s' $(seq 64))
# post COOKIE PATH FIELDS...: the status line; fails the bench on a 5xx.
post() {
	local ck=$1 path=$2 st f args=(); shift 2
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	st=$(curl -sS -o "$RUN/tmp/post.html" -w '%{http_code} %{redirect_url}' -b "$ck" \
		--data-urlencode "_csrf=$CS" "${args[@]}" "$URL$path")
	case "$st" in 5*) echo "bench: POST $path answered $st" >&2; exit 1;; esac
	echo "$st"
}
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
LOC=$(post "hz_u=$ATOK" /u/enroll/new "unit=$NUNIT" "plan=$NPLAN" kind=main)
EID=$(sed -n 's/.*[?&]id=\([0-9]*\).*/\1/p' <<<"$LOC")
post "hz_u=$ATOK" /u/enroll/account "id=$EID" holder=压测单位工会 bank=工商银行 account=6222000000000000 >/dev/null
post "hz_u=$ATOK" /u/enroll/pick "id=$EID" all_new=1 >/dev/null
T0=$(date +%s.%N)
post "hz_u=$ATOK" /u/enroll/submit "id=$EID" >/dev/null
T1=$(date +%s.%N)
SUB_S=$(secs "$T0" "$T1")
post "hz_o=$R1TOK" /o/review type=enroll "id=$EID" decision=approve >/dev/null
post "hz_o=$R2TOK" /o/review type=enroll "id=$EID" decision=approve >/dev/null
DUE=$(sql "SELECT due / 100 FROM enroll WHERE id = $EID")
post "hz_u=$ATOK" /u/enroll/pay "id=$EID" "paid=$DUE" "paid_on=$(date +%F)" >/dev/null
curl -fsS -o /dev/null -b "hz_u=$ATOK" -F "_csrf=$CS" -F "id=$EID" -F kind=voucher \
	-F "file=@$SRCDIR/tests/data/stamp.png;filename=voucher.png" "$URL/u/enroll/upload"
post "hz_u=$ATOK" /u/enroll/pay/submit "id=$EID" >/dev/null
SMS0=$(sql "SELECT COUNT(*) FROM sms_outbox")
T0=$(date +%s.%N)
post "hz_o=$FTOK" /o/review type=enroll "id=$EID" decision=approve >/dev/null
T1=$(date +%s.%N)
CON_S=$(secs "$T0" "$T1")
COVERED=$(sql "SELECT COUNT(*) FROM coverage WHERE enroll_id = $EID")
QUEUED=$(( $(sql "SELECT COUNT(*) FROM sms_outbox") - SMS0 ))
STATE=$(sql "SELECT state FROM flow_item WHERE type = 'enroll' AND item_id = $EID")
printf '%-34s %10s %-8s %s\n' "enrol submit $EN members" "$SUB_S" "s" "上报 with the eligibility check, target <= 1 s"
printf '%-34s %10s %-8s %s\n' "enrol confirm $EN members" "$CON_S" "s" "$STATE: $COVERED coverages, $QUEUED SMS queued; target <= 2 s"

# 参保记录 of that unit, signed in: the first page of its records (this
# year, the default filter), wrk's median and 99th percentile.
curl -fsS -o "$RUN/tmp/records.html" -b "hz_u=$ATOK" "$URL/u/coverage?unit=$NUNIT"
grep -q "id=\"coverage-total\">$COVERED<" "$RUN/tmp/records.html" ||
	{ echo "bench: /u/coverage?unit=$NUNIT does not show its $COVERED records" >&2; exit 1; }
ms() { awk '{ v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms/, "", v);
	else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v }'; }
REC=$(wrk -t2 -c2 -d"${DUR}s" --latency -H "Cookie: hz_u=$ATOK" "$URL/u/coverage?unit=$NUNIT")
REC50=$(grep ' 50%' <<<"$REC" | ms)
REC99=$(grep ' 99%' <<<"$REC" | ms)
RECRPS=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$REC")
printf '%-34s %10s %-8s %s\n' "enrol records, unit of $EN" "$REC50" "ms p50" "p99 $REC99 ms, $RECRPS req/s at 2 connections (one per worker); target p50 <= 20 ms"
