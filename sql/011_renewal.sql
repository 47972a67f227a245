-- 011_renewal: 续保提醒 (SPEC §5, Wuxi seed §六).
--
-- On the 1st of each month hz-jobs (lib/domain/renewal.c) lists, per unit,
-- the members whose coverage ends from 10 days before to 30 days after
-- the 1st and who have not renewed, and at 12:00 sends each unit with
-- such members one SMS to its agents.  These tables keep what was done,
-- so a second run in the month does nothing again.

-- The month's run.  Its row is the lock two hz-jobs copies take before
-- building the list (SELECT ... FOR UPDATE); built_at says it is done.
CREATE TABLE IF NOT EXISTS renewal_month (
  month        DATE NOT NULL PRIMARY KEY,        -- the 1st
  built_at     DATETIME NULL,                    -- the list is complete
  items        INT UNSIGNED NOT NULL DEFAULT 0,  -- coverages listed
  units        INT UNSIGNED NOT NULL DEFAULT 0,  -- units with a row
  sms_done_at  DATETIME NULL                     -- every unit's SMS queued
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A unit's part of the month's list, and whether its SMS went: claimed
-- with FOR UPDATE SKIP LOCKED, sms_at set in the transaction that queues
-- the messages.
CREATE TABLE IF NOT EXISTS renewal_unit (
  month        DATE NOT NULL,
  unit_id      BIGINT UNSIGNED NOT NULL,
  members      INT UNSIGNED NOT NULL,            -- people listed, when built
  sms_at       DATETIME NULL,                    -- the SMS was queued
  sms_agents   INT UNSIGNED NOT NULL DEFAULT 0,  -- to how many agents
  PRIMARY KEY (month, unit_id),
  KEY renewal_unit_due (month, sms_at),
  KEY renewal_unit_of (unit_id, month),
  CONSTRAINT renewal_unit_month_fk FOREIGN KEY (month)
    REFERENCES renewal_month (month),
  CONSTRAINT renewal_unit_org_fk FOREIGN KEY (unit_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The month's list: one expiring coverage per row, under the unit the
-- member belonged to (会籍) when it was built.  Pages leave out the rows
-- renewed since.
CREATE TABLE IF NOT EXISTS renewal_item (
  month        DATE NOT NULL,
  unit_id      BIGINT UNSIGNED NOT NULL,
  coverage_id  BIGINT UNSIGNED NOT NULL,
  member_id    BIGINT UNSIGNED NOT NULL,
  plan_id      BIGINT UNSIGNED NOT NULL,
  ends         DATE NOT NULL,                    -- the coverage's last day
  PRIMARY KEY (month, unit_id, coverage_id),
  KEY renewal_item_plan (month, unit_id, plan_id, ends),
  CONSTRAINT renewal_item_coverage_fk FOREIGN KEY (coverage_id)
    REFERENCES coverage (id) ON DELETE CASCADE   -- gone from the list too
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The build reads coverage by its last day; with the member, plan and
-- start in the same index it never visits the rows themselves.
ALTER TABLE coverage ADD KEY IF NOT EXISTS coverage_renewal (ends, member_id, plan_id, starts);
