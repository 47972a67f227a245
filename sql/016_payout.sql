-- 打款 (SPEC §6): finance pays approved claims in batches.  A batch is
-- recorded before its bank file is made ('prepared'), the file is made
-- from the recorded lines and its SHA-256 kept ('sent'), and the bank's
-- answer is recorded per line.  The database itself keeps a claim in at
-- most one open line and paid by at most one standing success.

CREATE TABLE IF NOT EXISTS payout_batch (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  no          CHAR(16) NULL,                     -- FK20261130000012
  state       ENUM('prepared','sent','closed') NOT NULL DEFAULT 'prepared',
  line_count  INT UNSIGNED NOT NULL,             -- 控制笔数
  total       BIGINT NOT NULL,                   -- 控制金额, fen
  file_id     BIGINT UNSIGNED NULL,              -- the bank file (store)
  file_sha    CHAR(64) NULL,                     -- its SHA-256, hex
  made_by     BIGINT UNSIGNED NOT NULL,          -- staff.id
  made_at     DATETIME NOT NULL,
  sent_at     DATETIME NULL,
  UNIQUE KEY payout_batch_no (no),
  KEY payout_batch_made (made_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS payout_line (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  batch_id    BIGINT UNSIGNED NOT NULL,
  seq         INT UNSIGNED NOT NULL,
  ref         CHAR(22) NOT NULL,                 -- FK20261130000012-00001
  claim_id    BIGINT UNSIGNED NOT NULL,
  -- the claim while the line waits for the bank, NULL once decided:
  -- one open line per claim, whatever runs at once
  open_claim  BIGINT UNSIGNED NULL,
  -- the claim while this line stands paid (not returned): one success
  paid_claim  BIGINT UNSIGNED NULL,
  retry_of    BIGINT UNSIGNED NULL,              -- the failed line before
  payee       VARCHAR(60) NOT NULL,
  card        VARCHAR(19) NOT NULL,
  bank        VARCHAR(60) NOT NULL,
  branch      VARCHAR(100) NOT NULL,
  amount      BIGINT NOT NULL,                   -- fen, the approved amount
  state       ENUM('pending','paid','failed','returned') NOT NULL
              DEFAULT 'pending',
  reason      VARCHAR(200) NULL,                 -- the bank's
  decided_by  BIGINT UNSIGNED NULL,
  decided_at  DATETIME NULL,
  import_id   BIGINT UNSIGNED NULL,              -- the result file, if any
  UNIQUE KEY payout_line_ref (ref),
  UNIQUE KEY payout_line_seq (batch_id, seq),
  UNIQUE KEY payout_line_open (open_claim),
  UNIQUE KEY payout_line_paid (paid_claim),
  KEY payout_line_claim (claim_id),
  CONSTRAINT payout_line_batch_fk FOREIGN KEY (batch_id)
    REFERENCES payout_batch (id),
  CONSTRAINT payout_line_claim_fk FOREIGN KEY (claim_id) REFERENCES claim (id),
  CONSTRAINT payout_line_retry_fk FOREIGN KEY (retry_of)
    REFERENCES payout_line (id),
  CONSTRAINT payout_line_amount CHECK (amount > 0),
  CONSTRAINT payout_line_open_ck CHECK ((state = 'pending') =
    (open_claim IS NOT NULL) AND (open_claim IS NULL OR open_claim = claim_id)),
  CONSTRAINT payout_line_paid_ck CHECK ((state = 'paid') =
    (paid_claim IS NOT NULL) AND (paid_claim IS NULL OR paid_claim = claim_id))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A bank result file as imported: once per batch and content.
CREATE TABLE IF NOT EXISTS payout_import (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  batch_id    BIGINT UNSIGNED NOT NULL,
  sha         CHAR(64) NOT NULL,
  file_id     BIGINT UNSIGNED NULL,
  filename    VARCHAR(200) NOT NULL,
  paid        INT UNSIGNED NOT NULL DEFAULT 0,
  failed      INT UNSIGNED NOT NULL DEFAULT 0,
  unknown     INT UNSIGNED NOT NULL DEFAULT 0,
  mismatch    INT UNSIGNED NOT NULL DEFAULT 0,
  already     INT UNSIGNED NOT NULL DEFAULT 0,   -- decided before: unchanged
  made_by     BIGINT UNSIGNED NOT NULL,
  made_at     DATETIME NOT NULL,
  UNIQUE KEY payout_import_sha (batch_id, sha),
  CONSTRAINT payout_import_batch_fk FOREIGN KEY (batch_id)
    REFERENCES payout_batch (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The rows of an imported file no line took (unknown reference, amount
-- mismatch, decided before), with the reference as the bank wrote it, for
-- the batch page; the paid and failed ones are on their lines.
CREATE TABLE IF NOT EXISTS payout_result (
  import_id   BIGINT UNSIGNED NOT NULL,
  row_no      INT UNSIGNED NOT NULL,
  ref         VARCHAR(40) NOT NULL,
  amount      BIGINT NULL,
  class       ENUM('paid','failed','unknown','mismatch','already') NOT NULL,
  reason      VARCHAR(200) NULL,
  PRIMARY KEY (import_id, row_no),
  CONSTRAINT payout_result_import_fk FOREIGN KEY (import_id)
    REFERENCES payout_import (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
