-- 001_base: the foundation every portal stands on.
-- InnoDB, utf8mb4 throughout (names may hold characters outside the BMP).

CREATE TABLE org (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_id     BIGINT UNSIGNED NULL,
  level         ENUM('root','district','unit') NOT NULL,   -- 市总 / 区县产业 / 基层
  name          VARCHAR(120) NOT NULL,
  credit_code   CHAR(18) NULL,                            -- 统一社会信用代码
  nature        ENUM('机关','事业','国企','其他') NULL,
  district      VARCHAR(60) NULL,
  chairman      VARCHAR(60) NULL,
  contact       VARCHAR(60) NULL,
  contact_phone VARCHAR(20) NULL,
  employees     INT UNSIGNED NULL,
  status        ENUM('draft','pending','approved','returned') NOT NULL DEFAULT 'approved',
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY org_credit (credit_code),
  KEY org_parent (parent_id),
  KEY org_name (name),
  CONSTRAINT org_parent_fk FOREIGN KEY (parent_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person exists once (id_type + id_number); unit_id is the current 会籍.
CREATE TABLE member (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  id_type     TINYINT UNSIGNED NOT NULL DEFAULT 1,
  id_number   VARCHAR(32) NOT NULL,
  name        VARCHAR(60) NOT NULL,
  gender      ENUM('M','F') NULL,
  birth_date  DATE NULL,
  phone       CHAR(11) NULL,
  si_type     VARCHAR(40) NULL,          -- 社保类型
  si_card     VARCHAR(40) NULL,          -- 社保卡号
  bank_card   VARCHAR(19) NULL,
  bank_name   VARCHAR(60) NULL,
  remarks     VARCHAR(200) NULL,
  unit_id     BIGINT UNSIGNED NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY member_ident (id_type, id_number),
  KEY member_unit (unit_id),
  KEY member_name (name),
  CONSTRAINT member_unit_fk FOREIGN KEY (unit_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 会籍 history: one open row (ended_at NULL) per member.
CREATE TABLE membership (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  member_id   BIGINT UNSIGNED NOT NULL,
  unit_id     BIGINT UNSIGNED NOT NULL,
  started_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ended_at    DATETIME NULL,
  reason      VARCHAR(60) NULL,
  KEY membership_member (member_id),
  KEY membership_unit (unit_id),
  CONSTRAINT membership_member_fk FOREIGN KEY (member_id) REFERENCES member (id),
  CONSTRAINT membership_unit_fk FOREIGN KEY (unit_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The member's WeChat H5 binding: the phone proven by SMS code.
CREATE TABLE member_bind (
  member_id   BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  phone       CHAR(11) NOT NULL,
  bound_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT member_bind_fk FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 单位经办人: created at the first SMS login; name, id_number and password
-- complete the profile.
CREATE TABLE agent (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  phone         CHAR(11) NOT NULL,
  name          VARCHAR(60) NULL,
  id_number     VARCHAR(32) NULL,
  password_hash VARCHAR(128) NULL,
  disabled      TINYINT(1) NOT NULL DEFAULT 0,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  profile_at    DATETIME NULL,
  UNIQUE KEY agent_phone (phone),
  UNIQUE KEY agent_idnum (id_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which agents serve which units, with what rights.
CREATE TABLE agent_unit (
  agent_id    BIGINT UNSIGNED NOT NULL,
  unit_id     BIGINT UNSIGNED NOT NULL,
  role        ENUM('chairman','staff') NOT NULL,
  perms       SET('mutual_aid') NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (agent_id, unit_id),
  KEY agent_unit_unit (unit_id),
  CONSTRAINT agent_unit_agent_fk FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT agent_unit_unit_fk FOREIGN KEY (unit_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 协会工作人员.  The SET's order is enum role's bit order (roles + 0).
CREATE TABLE staff (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(40) NOT NULL,
  name          VARCHAR(60) NOT NULL,
  phone         CHAR(11) NULL,
  password_hash VARCHAR(128) NOT NULL,
  roles         SET('review1','review2','medical','finance','admin') NOT NULL DEFAULT '',
  disabled      TINYINT(1) NOT NULL DEFAULT 0,
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY staff_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE session (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash  BINARY(32) NOT NULL,
  kind        TINYINT UNSIGNED NOT NULL,     -- enum session_kind
  subject_id  BIGINT UNSIGNED NOT NULL,
  csrf        CHAR(64) NOT NULL,
  ip          VARCHAR(45) NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL,
  last_seen   DATETIME NOT NULL,
  UNIQUE KEY session_token (token_hash),
  KEY session_subject (kind, subject_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Verification codes: only the hash is kept.
CREATE TABLE sms_code (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  phone       CHAR(11) NOT NULL,
  purpose     VARCHAR(20) NOT NULL,
  code_hash   BINARY(32) NOT NULL,
  created_at  DATETIME NOT NULL,
  expires_at  DATETIME NOT NULL,
  tries       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  used_at     DATETIME NULL,
  KEY sms_code_phone (phone, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Outbox: queued in the business transaction, delivered by hz-jobs.
CREATE TABLE sms_outbox (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  phone       CHAR(11) NOT NULL,
  body        VARCHAR(500) NOT NULL,
  status      ENUM('queued','sent','failed') NOT NULL DEFAULT 'queued',
  tries       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  next_try_at DATETIME NOT NULL,
  last_error  VARCHAR(200) NULL,
  gateway_id  VARCHAR(64) NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  sent_at     DATETIME NULL,
  KEY sms_outbox_due (status, next_try_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 站内信
CREATE TABLE station_message (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  recipient_kind TINYINT UNSIGNED NOT NULL,
  recipient_id   BIGINT UNSIGNED NOT NULL,
  title          VARCHAR(120) NOT NULL,
  body           VARCHAR(1000) NOT NULL,
  link           VARCHAR(200) NULL,
  created_at     DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  read_at        DATETIME NULL,
  KEY station_message_to (recipient_kind, recipient_id, read_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  actor_kind  TINYINT UNSIGNED NOT NULL,   -- enum session_kind; 0 system
  actor_id    BIGINT UNSIGNED NULL,
  action      VARCHAR(40) NOT NULL,
  object_type VARCHAR(30) NOT NULL,
  object_id   BIGINT UNSIGNED NULL,
  ip          VARCHAR(45) NOT NULL DEFAULT '',
  detail      VARCHAR(500) NULL,
  KEY audit_object (object_type, object_id),
  KEY audit_actor (actor_kind, actor_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Uploaded files: metadata here, bytes in the store under store_name.
CREATE TABLE attachment (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind        VARCHAR(30) NOT NULL,
  owner_type  VARCHAR(30) NOT NULL,
  owner_id    BIGINT UNSIGNED NOT NULL,
  filename    VARCHAR(200) NOT NULL,
  store_name  CHAR(64) NOT NULL,
  mime        VARCHAR(60) NOT NULL,
  size        BIGINT UNSIGNED NOT NULL,
  created_by_kind TINYINT UNSIGNED NOT NULL,
  created_by  BIGINT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY attachment_store (store_name),
  KEY attachment_owner (owner_type, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-ins, for throttling.
CREATE TABLE login_fail (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind        TINYINT UNSIGNED NOT NULL,
  ident       VARCHAR(64) NOT NULL,
  at          DATETIME NOT NULL,
  KEY login_fail_ident (kind, ident, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
