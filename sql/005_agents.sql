-- 单位绑定 (agent transfer) and 开票信息.

CREATE TABLE IF NOT EXISTS transfer (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id     BIGINT UNSIGNED NOT NULL,
  agent_id    BIGINT UNSIGNED NOT NULL,        -- the new agent, who files it
  previous    VARCHAR(200) NULL,               -- who was unbound, on approval
  state       TINYINT UNSIGNED NOT NULL DEFAULT 0,   -- enum flow_state
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY transfer_agent (agent_id, id),
  KEY transfer_state (state, id),
  CONSTRAINT transfer_unit_fk FOREIGN KEY (unit_id) REFERENCES org (id),
  CONSTRAINT transfer_agent_fk FOREIGN KEY (agent_id) REFERENCES agent (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Exactly one per unit.
CREATE TABLE IF NOT EXISTS invoice_info (
  unit_id     BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  title       VARCHAR(120) NOT NULL,
  tax_no      VARCHAR(20) NOT NULL,
  address     VARCHAR(200) NULL,
  phone       VARCHAR(30) NULL,
  bank        VARCHAR(120) NULL,
  account     VARCHAR(40) NULL,
  several     TINYINT(1) NOT NULL DEFAULT 0,   -- 多个户头: see the attachment
  updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  CONSTRAINT invoice_info_unit_fk FOREIGN KEY (unit_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
