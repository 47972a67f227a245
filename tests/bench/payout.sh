# ---- 打款 (sourced by run.sh, which gives sql, URL, RUN, SRCDIR):
# $PN approved claims of one unit (made in SQL as tests/http/client.h's
# claim_fixture makes them, without claim_part: the payout never reads it),
# one batch of them all made by finance over HTTP, then timed:
#   payout file N lines        the bank file made from the recorded lines,
#                              its SHA-256 kept, downloaded (target <= 1 s)
#   bank result import N lines the bank's result file (every line 成功 but
#                              1 % 失败) imported: every claim's engine step
#                              with its timeline, audit row, station message
#                              and SMS (target <= 2 s); imported again it
#                              changes nothing
PN=${HZ_BENCH_PAYOUT:-10000}
sql "INSERT INTO org (parent_id, level, name, nature, chairman, contact, contact_phone, employees, status)
     SELECT MIN(id), 'unit', '打款压测单位', '国企', '压测', '压测', '13800000000', $PN, 'approved'
     FROM org WHERE level = 'district'"
PUNIT=$(sql "SELECT MAX(id) FROM org WHERE name = '打款压测单位'")
sql "INSERT INTO member (id_type, id_number, name, gender, birth_date, phone, unit_id)
     SELECT 2, CONCAT('P', LPAD(seq, 10, '0')), CONCAT('打款', seq), IF(seq % 2, 'M', 'F'),
            '1970-01-01' + INTERVAL (seq % 12000) DAY, CONCAT('137', LPAD(seq, 8, '0')), $PUNIT
     FROM seq_1_to_$PN"
sql "INSERT INTO claim (no, kind, channel, member_id, unit_id, step, payee, card, bank, branch,
            bank_phone, attested, amount, explanation, approved_amount, approved_explanation, approved_at)
     SELECT CONCAT('ZY20300101A', LPAD(seq, 6, '0')), 'inpatient', 'member', m.id, $PUNIT, 3,
            m.name, CONCAT('62220202', LPAD(seq, 11, '0')), '中国工商银行', '南宁分行民族大道支行',
            m.phone, 1, 100000 + seq, '压测', 100000 + seq, '压测', NOW()
     FROM seq_1_to_$PN s JOIN member m ON m.id_number = CONCAT('P', LPAD(s.seq, 10, '0'))"
sql "INSERT INTO flow_item (type, item_id, state, filer_kind, filer_id, filer_name, unit_id,
            district_id, title, round, acts, submitted_at)
     SELECT 'claim', c.id, 'approved', 1, c.member_id, m.name, c.unit_id,
            (SELECT parent_id FROM org WHERE id = $PUNIT), m.name, 1, 0, NOW()
     FROM claim c JOIN member m ON m.id = c.member_id WHERE c.unit_id = $PUNIT"
sql "INSERT INTO flow_step (type, item_id, round, action, node, from_state, to_state, apart,
            actor_kind, actor_id, actor_name)
     SELECT 'claim', c.id, 1, 'approve', n.node, n.f, n.t, 1, 3, s.id, s.name
     FROM claim c JOIN (SELECT '经办初审' node, 'review1' f, 'review2' t, 'review1' who UNION ALL
                        SELECT '业务复核', 'review2', 'approved', 'review2') n
     JOIN staff s ON s.username = n.who WHERE c.unit_id = $PUNIT"
PTOK=$(head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n')
sql "INSERT INTO session (token_hash, kind, subject_id, csrf, created_at, last_seen) VALUES
     (UNHEX(SHA2('$PTOK',256)), 3, (SELECT id FROM staff WHERE username='finance'), REPEAT('f',64), NOW(), NOW())"
PCS=$(printf 'f%.0s' $(seq 64))
pdistrict=$(sql "SELECT parent_id FROM org WHERE id = $PUNIT")
psecs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# The batch: every approved claim of the district's filter, over HTTP.
T0=$(date +%s.%N)
PLOC=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -b "hz_o=$PTOK" \
	--data-urlencode "_csrf=$PCS" --data "all=1&district=$pdistrict&kind=inpatient" "$URL/o/payout/new")
T1=$(date +%s.%N)
PBATCH_S=$(psecs "$T0" "$T1")
PBATCH=$(sed -n 's/.*[?&]id=\([0-9]*\).*/\1/p' <<<"$PLOC")
[ -n "$PBATCH" ] || { echo "bench: no payout batch made ($PLOC)" >&2; exit 1; }
PLINES=$(sql "SELECT line_count FROM payout_batch WHERE id = $PBATCH")
# The bank file.
T0=$(date +%s.%N)
curl -fsS -o "$RUN/tmp/payout.xlsx" -b "hz_o=$PTOK" "$URL/o/payout/file?id=$PBATCH"
T1=$(date +%s.%N)
PFILE_S=$(psecs "$T0" "$T1")
PSHA=$(sha256sum "$RUN/tmp/payout.xlsx" | cut -c1-64)
[ "$PSHA" = "$(sql "SELECT file_sha FROM payout_batch WHERE id = $PBATCH")" ] ||
	{ echo "bench: the bank file's SHA-256 is not the one kept" >&2; exit 1; }
printf '%-34s %10s %-8s %s\n' "payout file $PLINES lines" "$PFILE_S" "s" \
	"made, SHA-256 kept, downloaded; target <= 1 s (the batch itself, $PLINES engine steps: $PBATCH_S s)"
# The bank's answer, written from the bank file by openpyxl.
/usr/bin/python3 - "$RUN/tmp/payout.xlsx" "$RUN/tmp/result.xlsx" <<'PY'
import sys
from openpyxl import Workbook, load_workbook
src = load_workbook(sys.argv[1], read_only=True).active
out = Workbook()
ws = out.active
ws.append(["参考号", "金额", "结果", "失败原因"])
n = 0
for row in src.iter_rows(values_only=True):
    if not row or row[6] is None or row[6] == "参考号":
        continue
    n += 1
    ws.append([row[6], row[5], "失败" if n % 100 == 0 else "成功",
               "账户已冻结" if n % 100 == 0 else ""])
out.save(sys.argv[2])
PY
PSMS0=$(sql "SELECT COUNT(*) FROM sms_outbox")
T0=$(date +%s.%N)
PST=$(curl -sS -o /dev/null -w '%{http_code}' -b "hz_o=$PTOK" -F "_csrf=$PCS" \
	-F "file=@$RUN/tmp/result.xlsx;filename=result.xlsx" "$URL/o/payout/import?id=$PBATCH")
T1=$(date +%s.%N)
PIMP_S=$(psecs "$T0" "$T1")
[ "$PST" = 303 ] || { echo "bench: the result import answered $PST" >&2; exit 1; }
PDONE=$(sql "SELECT COUNT(*) FROM flow_item f JOIN claim c ON c.id = f.item_id AND f.type = 'claim'
	WHERE c.unit_id = $PUNIT AND f.state = 'done'")
PFAIL=$(sql "SELECT COUNT(*) FROM flow_item f JOIN claim c ON c.id = f.item_id AND f.type = 'claim'
	WHERE c.unit_id = $PUNIT AND f.state = 'failed'")
PSMS=$(( $(sql "SELECT COUNT(*) FROM sms_outbox") - PSMS0 ))
PSTEPS=$(sql "SELECT COUNT(*) FROM flow_step s JOIN claim c ON c.id = s.item_id AND s.type = 'claim'
	WHERE c.unit_id = $PUNIT")
T0=$(date +%s.%N)
curl -sS -o "$RUN/tmp/again.html" -b "hz_o=$PTOK" -F "_csrf=$PCS" \
	-F "file=@$RUN/tmp/result.xlsx;filename=result.xlsx" "$URL/o/payout/import?id=$PBATCH"
T1=$(date +%s.%N)
PAGAIN_S=$(psecs "$T0" "$T1")
grep -q '该结果文件已导入过' "$RUN/tmp/again.html" ||
	{ echo "bench: importing the result again was not refused" >&2; exit 1; }
[ "$PSTEPS" = "$(sql "SELECT COUNT(*) FROM flow_step s JOIN claim c ON c.id = s.item_id AND s.type = 'claim'
	WHERE c.unit_id = $PUNIT")" ] || { echo "bench: importing again changed the claims" >&2; exit 1; }
printf '%-34s %10s %-8s %s\n' "bank result import $PLINES lines" "$PIMP_S" "s" \
	"$PDONE 办结, $PFAIL 打款失败, $PSMS SMS queued; again: unchanged in $PAGAIN_S s; target <= 2 s"
