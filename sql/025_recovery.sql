-- Agent account recovery beyond SMS (SPEC §9) and WeChat sign-in (§8).

-- 经办人 e-mail for 通过邮箱找回: optional, one account per address.
ALTER TABLE agent ADD COLUMN email VARCHAR(120) NULL,
  ADD UNIQUE KEY agent_email (email);

-- The openid of 微信网页授权 kept with the binding: one binding per openid.
ALTER TABLE member_bind ADD COLUMN openid VARCHAR(64) NULL,
  ADD UNIQUE KEY member_bind_openid (openid);

-- An openid that came back from WeChat for nobody yet: the cookie holds
-- the token, the table its hash, until the member binds (or 30 minutes).
CREATE TABLE wx_pending (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash  BINARY(32) NOT NULL,
  openid      VARCHAR(64) NOT NULL,
  expires_at  DATETIME NOT NULL,
  UNIQUE KEY wx_pending_token (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-time links to set a new password: by e-mail, or after an approved
-- 申诉 (sent by SMS, possibly to a new phone).  Only the hash is kept.
CREATE TABLE agent_recover (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id    BIGINT UNSIGNED NOT NULL,
  via         ENUM('mail','appeal') NOT NULL,
  token_hash  BINARY(32) NOT NULL,
  new_phone   CHAR(11) NULL,
  ip          VARCHAR(45) NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL,
  expires_at  DATETIME NOT NULL,
  used_at     DATETIME NULL,
  UNIQUE KEY agent_recover_token (token_hash),
  KEY agent_recover_agent (agent_id, created_at),
  CONSTRAINT agent_recover_fk FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mail outbox: queued in the business transaction, delivered by hz-jobs
-- over SMTP (libcurl) with retries, like sms_outbox.
CREATE TABLE mail_outbox (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rcpt        VARCHAR(120) NOT NULL,
  subject     VARCHAR(200) NOT NULL,
  body        TEXT NOT NULL,
  status      ENUM('queued','sent','failed') NOT NULL DEFAULT 'queued',
  tries       TINYINT UNSIGNED NOT NULL DEFAULT 0,
  next_try_at DATETIME NOT NULL,
  last_error  VARCHAR(200) NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  sent_at     DATETIME NULL,
  KEY mail_outbox_due (status, next_try_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 申诉: an agent who cannot sign in asks for the account back (flow type
-- "appeal", the filer is the agent it is about; photos in attachment with
-- owner_type 'appeal').
CREATE TABLE agent_appeal (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id    BIGINT UNSIGNED NOT NULL,
  name        VARCHAR(60) NOT NULL,
  id_number   VARCHAR(32) NOT NULL,
  new_phone   CHAR(11) NULL,
  reason      VARCHAR(2000) NOT NULL,
  ip          VARCHAR(45) NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY agent_appeal_agent (agent_id),
  CONSTRAINT agent_appeal_fk FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO flow_reason (type, text) VALUES
  ('appeal', '身份证照片不清晰，请重新拍照后提交申诉'),
  ('appeal', '身份证信息与账号登记信息不一致'),
  ('appeal', '申诉理由不充分，请联系上级工会核实身份');
