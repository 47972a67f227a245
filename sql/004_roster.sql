-- 职工名册: background imports and 会籍变更.

-- One upload of a roster workbook, processed by hz-jobs.
CREATE TABLE IF NOT EXISTS import_job (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id       BIGINT UNSIGNED NOT NULL,
  agent_id      BIGINT UNSIGNED NOT NULL,
  attachment_id BIGINT UNSIGNED NOT NULL,     -- the uploaded workbook
  filename      VARCHAR(200) NOT NULL,
  state         ENUM('queued','running','done','failed') NOT NULL DEFAULT 'queued',
  rows_read     INT UNSIGNED NOT NULL DEFAULT 0,
  added         INT UNSIGNED NOT NULL DEFAULT 0,
  updated       INT UNSIGNED NOT NULL DEFAULT 0,
  failed        INT UNSIGNED NOT NULL DEFAULT 0,
  warned        INT UNSIGNED NOT NULL DEFAULT 0,
  error         VARCHAR(300) NULL,           -- why the whole file failed
  result_id     BIGINT UNSIGNED NULL,        -- attachment: the result workbook
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  started_at    DATETIME(6) NULL,
  heartbeat_at  DATETIME NULL,
  finished_at   DATETIME(6) NULL,
  KEY import_job_state (state, id),
  KEY import_job_unit (unit_id, id),
  CONSTRAINT import_job_unit_fk FOREIGN KEY (unit_id) REFERENCES org (id),
  CONSTRAINT import_job_agent_fk FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The rows of a running import, checked row by row in C and then as a
-- set in SQL; removed when the job ends.  Failed rows keep what was typed.
CREATE TABLE IF NOT EXISTS import_row (
  job_id      BIGINT UNSIGNED NOT NULL,
  row_no      INT UNSIGNED NOT NULL,
  status      ENUM('ok','warn','fail') NOT NULL,
  message     VARCHAR(300) NULL,
  existed     TINYINT(1) NOT NULL DEFAULT 0,
  id_type     TINYINT UNSIGNED NOT NULL DEFAULT 1,
  id_number   VARCHAR(64) NOT NULL DEFAULT '',
  name        VARCHAR(100) NOT NULL DEFAULT '',
  gender      ENUM('M','F') NULL,
  birth_date  DATE NULL,
  phone       VARCHAR(40) NULL,
  si_type     VARCHAR(40) NULL,
  si_card     VARCHAR(40) NULL,
  bank_card   VARCHAR(40) NULL,
  bank_name   VARCHAR(60) NULL,
  remarks     VARCHAR(200) NULL,
  PRIMARY KEY (job_id, row_no),
  KEY import_row_ident (job_id, id_type, id_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 会籍变更: a unit asks to take in a member of another unit.
CREATE TABLE IF NOT EXISTS membership_change (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  member_id   BIGINT UNSIGNED NOT NULL,
  from_unit   BIGINT UNSIGNED NULL,
  to_unit     BIGINT UNSIGNED NOT NULL,
  agent_id    BIGINT UNSIGNED NOT NULL,
  reason      VARCHAR(200) NULL,
  state       TINYINT UNSIGNED NOT NULL DEFAULT 0,   -- enum flow_state
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY membership_change_state (state, id),
  KEY membership_change_to (to_unit, id),
  CONSTRAINT membership_change_member_fk FOREIGN KEY (member_id) REFERENCES member (id),
  CONSTRAINT membership_change_to_fk FOREIGN KEY (to_unit) REFERENCES org (id),
  CONSTRAINT membership_change_agent_fk FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The xlsx MIME type is 65 characters.
ALTER TABLE attachment MODIFY mime VARCHAR(100) NOT NULL;
