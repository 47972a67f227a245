# ---- the claim queue (sourced by run.sh, which gives sql, URL, RUN, DUR,
# measure, ratio and, unless HZ_BENCH_ONLY=claims, HELLO): the review
# desk's queue signed in as review1 with $NC claims waiting for 初审.
NC=${HZ_BENCH_CLAIMS:-1000000}
[ -n "${HELLO:-}" ] || { measure /hello ""; read -r HELLO HELLO99 <<<"$RES"; }
CUNIT=$(sql "SELECT MIN(id) FROM org WHERE level = 'unit'")
CMEMBER=$(sql "SELECT MIN(id) FROM member")
T0=$(date +%s)
# Numbers ZY<day>B<6 digits>: 100 000 a day from 2026-01-01.
sql "INSERT INTO claim (no, kind, channel, member_id, unit_id, admitted, discharged, hospital, disease)
     SELECT CONCAT('ZY', DATE_FORMAT('2026-01-01' + INTERVAL (seq DIV 100000) DAY, '%Y%m%d'), 'B',
                   LPAD(seq % 100000, 6, '0')), 'inpatient', 'unit', $CMEMBER, $CUNIT,
            '2026-06-01', '2026-06-05', '压测医院', '压测'
     FROM seq_1_to_$NC"
# Each waits for 初审 (acts = ROLE_REVIEW1), submitted a second apart.
sql "INSERT INTO flow_item (type, item_id, state, filer_kind, filer_id, filer_name, unit_id, title, round, acts, submitted_at)
     SELECT 'claim', c.id, 'review1', 2, 1, '压测经办人', c.unit_id, '压测职工', 1, 1,
            NOW() - INTERVAL ($NC * 2 - c.id) SECOND
     FROM claim c WHERE c.no LIKE 'ZY________B%'"
LOAD_S=$(( $(date +%s) - T0 ))
QTOK=$(head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n')
sql "INSERT INTO session (token_hash, kind, subject_id, csrf, created_at, last_seen)
     VALUES (UNHEX(SHA2('$QTOK',256)), 3, (SELECT id FROM staff WHERE username='review1'), REPEAT('q',64), NOW(), NOW())"
QTOTAL=$(curl -fsS -b "hz_o=$QTOK" "$URL/o/queue" | sed -n 's/.*id="queue-total">共 \([0-9]*\) 件.*/\1/p')
[ "${QTOTAL:-0}" -ge "$NC" ] ||
	{ echo "bench: /o/queue shows ${QTOTAL:-nothing}, not the $NC claims" >&2; exit 1; }
Q=$(wrk -t2 -c16 -d"${DUR}s" --latency -H "Cookie: hz_o=$QTOK" "$URL/o/queue")
grep -q "Non-2xx" <<<"$Q" && { echo "bench: /o/queue gave non-2xx answers" >&2; exit 1; }
qms() { awk '{ v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms/, "", v);
	else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v }'; }
Q50=$(grep ' 50%' <<<"$Q" | qms)
Q99=$(grep ' 99%' <<<"$Q" | qms)
QRPS=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$Q")
printf '%-34s %10s %-8s %s\n' "claim queue, $NC claims" "$QRPS" "req/s" "$(ratio "$QRPS" "$HELLO") of ceiling, p50 $Q50 ms, p99 $Q99 ms (queue shows $QTOTAL; rows loaded in $LOAD_S s); target p50 <= 10 ms, >= 0.30"
