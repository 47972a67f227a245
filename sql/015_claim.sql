-- 补助申请 (SPEC §6): claims, the benefit items each is paid under, the
-- daily numbering and the per-district rules of the member's claim.

-- 亡故: the date of death a death claim recorded; no later event claims.
ALTER TABLE member ADD COLUMN IF NOT EXISTS died_on DATE NULL;

-- <kind><YYYYMMDD><channel>: the last number given under each prefix.
CREATE TABLE IF NOT EXISTS claim_seq (
  prefix      CHAR(11) NOT NULL PRIMARY KEY,   -- ZY20201230A
  last        INT UNSIGNED NOT NULL
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS claim (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  no          CHAR(17) NOT NULL,                 -- ZY20201230A000001
  kind        ENUM('inpatient','days','critical','female','accident',
                   'death','disability') NOT NULL,
  with_female TINYINT(1) NOT NULL DEFAULT 0,     -- 重疾 + 女工 together
  channel     ENUM('member','unit') NOT NULL,
  member_id   BIGINT UNSIGNED NOT NULL,
  unit_id     BIGINT UNSIGNED NOT NULL,          -- the unit it goes through
  step        TINYINT UNSIGNED NOT NULL DEFAULT 1,  -- the member's 3 steps
  hospital    VARCHAR(100) NULL,                 -- 就诊医院
  admitted    DATE NULL,                         -- 入院日期
  discharged  DATE NULL,                         -- 出院日期
  event_on    DATE NULL,                         -- 确诊 / 出险 / 亡故 date
  disease     VARCHAR(100) NULL,                 -- 疾病名称
  story       VARCHAR(1000) NULL,                -- 事故经过
  grade       TINYINT UNSIGNED NULL,             -- 伤残等级
  died        TINYINT(1) NOT NULL DEFAULT 0,     -- 意外身故
  invoice_no  VARCHAR(40) NULL,                  -- 收费票据号
  payee       VARCHAR(60) NULL,                  -- 开户人
  card        VARCHAR(19) NULL,                  -- 银行卡号
  bank        VARCHAR(60) NULL,
  branch      VARCHAR(100) NULL,                 -- 分行或支行
  bank_phone  CHAR(11) NULL,                     -- 预留手机号
  payee_note  VARCHAR(500) NULL,                 -- why another holder
  attested    TINYINT(1) NOT NULL DEFAULT 0,     -- the member's 承诺
  total_cost  BIGINT NULL,                       -- review1: 总费用
  base        BIGINT NULL,                       -- review1: 补助基数
  medical     BIGINT NULL,                       -- review1: 意外医疗费用
  amount      BIGINT NULL,                       -- review1's computation
  explanation TEXT NULL,
  computed_at DATETIME NULL,
  approved_amount BIGINT NULL,                   -- fixed at 审核通过
  approved_explanation TEXT NULL,
  approved_at DATETIME NULL,
  remark      VARCHAR(500) NULL,                 -- 备注: the last return
  flags       VARCHAR(1000) NULL,                -- 提示 to the reviewers
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
              ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY claim_no (no),
  KEY claim_member (member_id, kind),
  KEY claim_unit (unit_id, created_at),
  KEY claim_invoice (invoice_no),
  CONSTRAINT claim_member_fk FOREIGN KEY (member_id) REFERENCES member (id),
  CONSTRAINT claim_unit_fk FOREIGN KEY (unit_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The benefit items a claim is paid under (two for 重疾 + 女工): the
-- coverage found at submission, and the amount with its explanation as
-- review1 computed it and as 审核通过 fixed it.
CREATE TABLE IF NOT EXISTS claim_part (
  claim_id    BIGINT UNSIGNED NOT NULL,
  seq         TINYINT UNSIGNED NOT NULL,
  kind        ENUM('inpatient','days','critical','female','accident',
                   'death','disability') NOT NULL,
  coverage_id BIGINT UNSIGNED NOT NULL,
  starts      DATE NOT NULL,                     -- the coverage's period
  ends        DATE NOT NULL,
  amount      BIGINT NULL,
  days        SMALLINT UNSIGNED NULL,            -- 住院天数 paid for
  explanation TEXT NULL,
  PRIMARY KEY (claim_id, seq),
  KEY claim_part_coverage (coverage_id),
  CONSTRAINT claim_part_claim_fk FOREIGN KEY (claim_id) REFERENCES claim (id),
  CONSTRAINT claim_part_coverage_fk FOREIGN KEY (coverage_id)
    REFERENCES coverage (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per 区/产业工会 (0: everywhere else): whether a member's claim passes
-- the unit's 基层审核 first, which proof of the stay it needs, and the
-- largest photo.
CREATE TABLE IF NOT EXISTS claim_region (
  district_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  unit_review TINYINT(1) NOT NULL DEFAULT 0,
  proof       ENUM('settlement','invoice','both') NOT NULL
              DEFAULT 'settlement',
  photo_max   INT UNSIGNED NOT NULL DEFAULT 1048576
) ENGINE=InnoDB;

INSERT IGNORE INTO claim_region (district_id) VALUES (0);

-- 常用退回意见 of 补助申请 (seed 000, 002).
INSERT INTO flow_reason (type, text) VALUES
  ('claim', '缺少证明材料'),
  ('claim', '您的补助已经达到上限'),
  ('claim', '本保障期内已领取过该项补助'),
  ('claim', '上传的票据不清晰，请重新上传'),
  ('claim', '开户人与补助人不一致，请补充说明及领款人证件'),
  ('claim', '就诊日期不在保障期内');
