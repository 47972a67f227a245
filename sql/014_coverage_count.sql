-- A unit's applications by period, for its 参保记录 count
-- (lib/domain/coverage.c STMT_COUNT_UNIT sums their headcounts).
ALTER TABLE enroll
  ADD KEY IF NOT EXISTS enroll_unit_period (unit_id, period_start, period_end);
