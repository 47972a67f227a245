-- Units, their applications and the workflow's progress rows.

-- 医保代码 (6 or 8 digits) and the approved application a unit's data
-- came from.
ALTER TABLE org
  ADD COLUMN IF NOT EXISTS medins_code VARCHAR(8) NULL AFTER district,
  ADD COLUMN IF NOT EXISTS app_id BIGINT UNSIGNED NULL;

-- One row per step of any flow (lib/flow.c): the timeline every party sees.
CREATE TABLE IF NOT EXISTS flow_step (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  flow        TINYINT UNSIGNED NOT NULL,      -- enum flow_type
  item_id     BIGINT UNSIGNED NOT NULL,
  action      TINYINT UNSIGNED NOT NULL,      -- enum flow_action
  from_state  TINYINT UNSIGNED NOT NULL,      -- enum flow_state
  to_state    TINYINT UNSIGNED NOT NULL,
  actor_kind  TINYINT UNSIGNED NOT NULL,      -- enum session_kind
  actor_id    BIGINT UNSIGNED NOT NULL,
  actor_name  VARCHAR(60) NOT NULL,
  reason      VARCHAR(500) NULL,
  at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY flow_step_item (flow, item_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 单位注册 / 单位信息编辑: the data as filed.  An edit's org_id is the unit,
-- whose own row stays in force until the edit is approved.
CREATE TABLE IF NOT EXISTS org_app (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind          ENUM('register','edit') NOT NULL,
  org_id        BIGINT UNSIGNED NULL,
  agent_id      BIGINT UNSIGNED NOT NULL,
  state         TINYINT UNSIGNED NOT NULL DEFAULT 0,   -- enum flow_state
  name          VARCHAR(120) NOT NULL,
  credit_code   CHAR(18) NOT NULL,
  parent_id     BIGINT UNSIGNED NOT NULL,
  nature        ENUM('机关','事业','国企','其他') NOT NULL,
  district      VARCHAR(60) NULL,
  medins_code   VARCHAR(8) NULL,
  employees     INT UNSIGNED NULL,
  chairman      VARCHAR(60) NULL,
  contact       VARCHAR(60) NOT NULL,
  contact_phone CHAR(11) NOT NULL,
  lineage       ENUM('none','merge','split') NOT NULL DEFAULT 'none',
  promise_shown_at DATETIME NULL,          -- 承诺书 opened
  promise_at    DATETIME NULL,             -- 承诺书 confirmed
  created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY org_app_agent (agent_id, id),
  KEY org_app_state (state, id),
  KEY org_app_org (org_id),
  KEY org_app_credit (credit_code),
  CONSTRAINT org_app_agent_fk FOREIGN KEY (agent_id) REFERENCES agent (id),
  CONSTRAINT org_app_org_fk FOREIGN KEY (org_id) REFERENCES org (id),
  CONSTRAINT org_app_parent_fk FOREIGN KEY (parent_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 由哪些单位合并 / 拆分: as filed, and as approved.
CREATE TABLE IF NOT EXISTS org_app_lineage (
  app_id      BIGINT UNSIGNED NOT NULL,
  org_id      BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (app_id, org_id),
  CONSTRAINT org_app_lineage_app_fk FOREIGN KEY (app_id) REFERENCES org_app (id),
  CONSTRAINT org_app_lineage_org_fk FOREIGN KEY (org_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS org_lineage (
  org_id      BIGINT UNSIGNED NOT NULL,
  from_org_id BIGINT UNSIGNED NOT NULL,
  relation    ENUM('merge','split') NOT NULL,
  PRIMARY KEY (org_id, from_org_id),
  CONSTRAINT org_lineage_org_fk FOREIGN KEY (org_id) REFERENCES org (id),
  CONSTRAINT org_lineage_from_fk FOREIGN KEY (from_org_id) REFERENCES org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
