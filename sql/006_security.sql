-- Limits on who may ask for SMS codes, and the picture challenge
-- (图形验证码) a client must solve past its quiet quota.

-- Which client asked for each code: limits per address, per 10 minutes
-- and per day, as well as per phone.
ALTER TABLE sms_code
  ADD COLUMN IF NOT EXISTS ip VARCHAR(45) NOT NULL DEFAULT '' AFTER purpose,
  ADD KEY IF NOT EXISTS sms_code_ip (ip, created_at),
  ADD KEY IF NOT EXISTS sms_code_created (created_at);

-- One picture challenge per request of /m/captcha or /u/captcha; the
-- client holds a random token in the hz_cap cookie, the table its hash.
-- An answer is tried once: right or wrong, the challenge is used up.
CREATE TABLE IF NOT EXISTS captcha (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash  BINARY(32) NOT NULL,
  answer      CHAR(4) NOT NULL,
  created_at  DATETIME NOT NULL,
  expires_at  DATETIME NOT NULL,
  used_at     DATETIME NULL,
  KEY captcha_token (token_hash, id),
  KEY captcha_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The minutes in which the global SMS ceiling was hit: one row a minute,
-- so admin is told once, not per refused request.
CREATE TABLE IF NOT EXISTS sms_ceiling_hit (
  minute      DATETIME NOT NULL PRIMARY KEY,
  refused     INT UNSIGNED NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
