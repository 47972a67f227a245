-- 个人信息变更 (SPEC §7): a member's request to change their own record,
-- filed on the H5 or by an agent of their unit, reviewed twice (待初审,
-- 待复核), applied to the member row at 办结.  A phone-only change is no
-- request: it applies at once after an SMS code (audited).

-- BG<YYYYMMDD>: the last number given that day.
CREATE TABLE IF NOT EXISTS change_seq (
  day         CHAR(8) NOT NULL PRIMARY KEY,     -- 20201230
  last        INT UNSIGNED NOT NULL
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS info_change (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  no          CHAR(16) NOT NULL,                 -- BG20201230000001
  channel     ENUM('member','unit') NOT NULL,
  member_id   BIGINT UNSIGNED NOT NULL,
  unit_id     BIGINT UNSIGNED NULL,              -- the member's unit at filing
  -- 一人一单: the member while the request is not finished, NULL after,
  -- so two channels filing at once cannot both hold one open.
  open_member BIGINT UNSIGNED NULL,
  -- 变更前: the record as it was (at filing, refreshed at 办结).
  old_name       VARCHAR(60) NOT NULL,
  old_id_type    TINYINT UNSIGNED NOT NULL,
  old_id_number  VARCHAR(32) NOT NULL,
  old_gender     ENUM('M','F') NULL,
  old_birth_date DATE NULL,
  old_si_type    VARCHAR(40) NULL,
  old_si_card    VARCHAR(40) NULL,
  old_phone      CHAR(11) NULL,
  -- 变更后: what the request asks.
  name        VARCHAR(60) NOT NULL,
  id_type     TINYINT UNSIGNED NOT NULL,
  id_number   VARCHAR(32) NOT NULL,
  gender      ENUM('M','F') NULL,
  birth_date  DATE NULL,
  si_type     VARCHAR(40) NULL,
  si_card     VARCHAR(40) NULL,
  phone       CHAR(11) NULL,
  remark      VARCHAR(200) NULL,                 -- 备注
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY info_change_no (no),
  UNIQUE KEY info_change_open (open_member),
  KEY info_change_member (member_id),
  KEY info_change_unit (unit_id),
  CONSTRAINT info_change_member_fk FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 常用退回意见
INSERT INTO flow_reason (type, text) VALUES
  ('change', '变更凭证不清晰，请重新上传'),
  ('change', '缺少变更凭证，请上传证件或证明材料'),
  ('change', '变更后的信息与凭证不一致，请核对'),
  ('change', '证件号码有误，请核对后重新提交');
