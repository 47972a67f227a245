-- 保障计划, 参保申请, 参保记录, 发票 and 续保提醒.
--
-- A plan's terms live in versions: editing a plan adds a version, and a
-- coverage keeps the version it was bought under (benefits are computed
-- with it, SPEC §4).  Money is fen; rates are basis points (1/100 %).

CREATE TABLE IF NOT EXISTS plan (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(20) NOT NULL,
  version_id  BIGINT UNSIGNED NULL,              -- the version in force
  active      TINYINT(1) NOT NULL DEFAULT 1,     -- offered to new applications
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY plan_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS plan_version (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  plan_id       BIGINT UNSIGNED NOT NULL,
  version       INT UNSIGNED NOT NULL,           -- 1, 2, ... per plan
  name          VARCHAR(100) NOT NULL,
  premium       BIGINT NOT NULL,                 -- per person per period
  period_months TINYINT UNSIGNED NOT NULL DEFAULT 12,
  window_from   DATE NULL,                       -- 集中参保期 (主保期参保)
  window_to     DATE NULL,
  gender        ENUM('any','F','M') NOT NULL DEFAULT 'any',
  age_warn      TINYINT UNSIGNED NOT NULL DEFAULT 60,  -- age that warns
  waiting_days  SMALLINT UNSIGNED NOT NULL DEFAULT 0,  -- 等待期, new members
  note          VARCHAR(500) NULL,
  created_by    BIGINT UNSIGNED NULL,            -- staff
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY plan_version_no (plan_id, version),
  CONSTRAINT plan_version_plan_fk FOREIGN KEY (plan_id) REFERENCES plan (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A benefit item of a version and its rule's parameters (SPEC §4).
--   bands:  progressive bands "upper:rate,...", upper in fen ascending, the
--           last upper 0 for "no limit", rate in basis points:
--           "1000000:3000,0:4000" is 30 % up to 10 000.00, 40 % above.
--   grades: disability grade table "grade:rate,...": "1:10000,2:9000".
CREATE TABLE IF NOT EXISTS plan_benefit (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version_id  BIGINT UNSIGNED NOT NULL,
  seq         TINYINT UNSIGNED NOT NULL DEFAULT 0,
  kind        ENUM('inpatient','days','critical','female','accident',
                   'death','disability') NOT NULL,
  name        VARCHAR(60) NOT NULL,
  deductible  BIGINT NOT NULL DEFAULT 0,         -- 起付线
  bands       VARCHAR(200) NULL,                 -- 累进制
  rate        INT UNSIGNED NULL,                 -- flat rate (accident medical)
  claim_cap   BIGINT NULL,                       -- per claim
  annual_cap  BIGINT NULL,                       -- per member per period
  per_day     BIGINT NULL,                       -- 住院天数: amount per day
  max_days    SMALLINT UNSIGNED NULL,            -- capped days per period
  lump_sum    BIGINT NULL,                       -- fixed sum / sum insured
  death_sum   BIGINT NULL,                       -- accident: death
  grades      VARCHAR(200) NULL,                 -- disability grade table
  diseases    VARCHAR(2000) NULL,                -- listed diseases, 、 apart
  KEY plan_benefit_version (version_id, seq),
  CONSTRAINT plan_benefit_version_fk FOREIGN KEY (version_id)
    REFERENCES plan_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- CB<YYYYMM><4 digits>: the last number given per month.
CREATE TABLE IF NOT EXISTS enroll_seq (
  month       CHAR(6) NOT NULL PRIMARY KEY,
  last        INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 参保申请.  Its state lives in flow_item (type 'enroll').
CREATE TABLE IF NOT EXISTS enroll (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  no            CHAR(12) NOT NULL,
  kind          ENUM('main','early','supplement') NOT NULL,
  unit_id       BIGINT UNSIGNED NOT NULL,
  agent_id      BIGINT UNSIGNED NOT NULL,        -- who filed it
  plan_id       BIGINT UNSIGNED NOT NULL,
  version_id    BIGINT UNSIGNED NOT NULL,        -- the terms it buys
  period_start  DATE NULL,
  period_end    DATE NULL,                       -- inclusive
  premium       BIGINT NOT NULL DEFAULT 0,       -- per person
  headcount     INT UNSIGNED NOT NULL DEFAULT 0,
  due           BIGINT NOT NULL DEFAULT 0,       -- 应缴
  paid          BIGINT NULL,                     -- 实缴, entered by the unit
  paid_on       DATE NULL,
  due_date      DATE NULL,                       -- on the 缴费通知单
  chairman      VARCHAR(60) NULL,                -- the unit's, as on 上报
  contact       VARCHAR(60) NULL,
  contact_phone VARCHAR(20) NULL,
  nature        VARCHAR(10) NULL,
  employees     INT UNSIGNED NULL,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
                ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY enroll_no (no),
  KEY enroll_unit (unit_id, id),
  KEY enroll_plan (plan_id, period_start),
  CONSTRAINT enroll_unit_fk FOREIGN KEY (unit_id) REFERENCES org (id),
  CONSTRAINT enroll_agent_fk FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT enroll_plan_fk FOREIGN KEY (plan_id) REFERENCES plan (id),
  CONSTRAINT enroll_version_fk FOREIGN KEY (version_id)
    REFERENCES plan_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 缴费账号: several per application.
CREATE TABLE IF NOT EXISTS enroll_account (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  enroll_id   BIGINT UNSIGNED NOT NULL,
  holder      VARCHAR(120) NOT NULL,           -- 户名
  bank        VARCHAR(60) NOT NULL,            -- 开户行
  account     VARCHAR(40) NOT NULL,            -- 账号
  KEY enroll_account_of (enroll_id, id),
  CONSTRAINT enroll_account_fk FOREIGN KEY (enroll_id) REFERENCES enroll (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 参保人员: picked from the roster (member_id) or imported from a list
-- (then as typed, member_id found when it is in the roster).  `problem` is
-- the 不可参保原因 found on 上报; `warning` does not block (age, 等待期).
CREATE TABLE IF NOT EXISTS enroll_member (
  row_id      BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,  -- the page's handle
  enroll_id   BIGINT UNSIGNED NOT NULL,
  id_type     TINYINT UNSIGNED NOT NULL DEFAULT 1,
  id_number   VARCHAR(32) NOT NULL,
  name        VARCHAR(60) NOT NULL,
  member_id   BIGINT UNSIGNED NULL,
  phone       VARCHAR(20) NULL,
  bank_card   VARCHAR(40) NULL,
  bank_name   VARCHAR(60) NULL,
  remarks     VARCHAR(200) NULL,
  problem     VARCHAR(200) NULL,
  warning     VARCHAR(200) NULL,
  added_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (enroll_id, id_type, id_number),
  UNIQUE KEY enroll_member_row (row_id),
  KEY enroll_member_member (member_id),
  CONSTRAINT enroll_member_fk FOREIGN KEY (enroll_id) REFERENCES enroll (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 参保记录: one share of one plan for one person for one period, made when
-- finance confirms the premium.  No two of one person and plan overlap:
-- enroll.c takes the persons' member rows FOR UPDATE in id order before it
-- looks, so two confirmations sharing a person run one after the other.
CREATE TABLE IF NOT EXISTS coverage (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  member_id   BIGINT UNSIGNED NOT NULL,
  plan_id     BIGINT UNSIGNED NOT NULL,
  version_id  BIGINT UNSIGNED NOT NULL,
  unit_id     BIGINT UNSIGNED NOT NULL,
  enroll_id   BIGINT UNSIGNED NOT NULL,
  starts      DATE NOT NULL,
  ends        DATE NOT NULL,                   -- inclusive
  waits_until DATE NULL,                       -- 等待期: no benefit before
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY coverage_once (enroll_id, member_id),
  KEY coverage_member (member_id, plan_id, starts),
  KEY coverage_unit (unit_id, ends),
  KEY coverage_ends (ends),
  CONSTRAINT coverage_member_fk FOREIGN KEY (member_id) REFERENCES member (id),
  CONSTRAINT coverage_plan_fk FOREIGN KEY (plan_id) REFERENCES plan (id),
  CONSTRAINT coverage_version_fk FOREIGN KEY (version_id)
    REFERENCES plan_version (id),
  CONSTRAINT coverage_unit_fk FOREIGN KEY (unit_id) REFERENCES org (id),
  CONSTRAINT coverage_enroll_fk FOREIGN KEY (enroll_id) REFERENCES enroll (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 发票: recorded by finance against a finished application.
CREATE TABLE IF NOT EXISTS premium_invoice (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  enroll_id     BIGINT UNSIGNED NOT NULL,
  unit_id       BIGINT UNSIGNED NOT NULL,
  number        VARCHAR(40) NOT NULL,          -- 发票号码
  issued_on     DATE NOT NULL,
  amount        BIGINT NOT NULL,
  attachment_id BIGINT UNSIGNED NULL,          -- the PDF
  created_by    BIGINT UNSIGNED NOT NULL,      -- staff
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY premium_invoice_number (number),
  KEY premium_invoice_unit (unit_id, id),
  KEY premium_invoice_enroll (enroll_id),
  CONSTRAINT premium_invoice_enroll_fk FOREIGN KEY (enroll_id)
    REFERENCES enroll (id),
  CONSTRAINT premium_invoice_unit_fk FOREIGN KEY (unit_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
