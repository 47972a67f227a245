-- A unit's 参保记录 counted by year and plan from the key alone: the unit
-- portal's first view of a unit of 20 000 reads no coverage row to say
-- how many it has (lib/domain/coverage.c STMT_COUNT_UNIT).  It replaces
-- coverage_unit (unit_id, ends), of which it is an extension, so the
-- optimizer cannot pick the narrower key and read every row.
ALTER TABLE coverage
  DROP KEY coverage_unit,
  ADD KEY coverage_unit (unit_id, ends, starts, plan_id);
