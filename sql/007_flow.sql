-- One workflow engine for every business type (lib/core/flow.c).  Each
-- item of each type has one row in flow_item: its state by name, its filer,
-- the unit it concerns, its round (one per 上报) and the office roles that
-- may act on it now (the review desk's queue).  States and actions are
-- names, never numbers.

CREATE TABLE IF NOT EXISTS flow_item (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  type         VARCHAR(20) NOT NULL,          -- flow_type.name
  item_id      BIGINT UNSIGNED NOT NULL,      -- the domain row
  state        VARCHAR(20) NOT NULL,          -- flow_state.name
  filer_kind   TINYINT UNSIGNED NOT NULL,     -- enum session_kind
  filer_id     BIGINT UNSIGNED NOT NULL,
  filer_name   VARCHAR(60) NOT NULL DEFAULT '',
  unit_id      BIGINT UNSIGNED NULL,
  district_id  BIGINT UNSIGNED NULL,
  title        VARCHAR(200) NOT NULL DEFAULT '',
  round        INT UNSIGNED NOT NULL DEFAULT 0,
  acts         INT UNSIGNED NOT NULL DEFAULT 0,  -- ROLE_* bits that may act
  submitted_at DATETIME NULL,
  created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY flow_item_of (type, item_id),
  KEY flow_item_filer (filer_kind, filer_id),
  KEY flow_item_queue (acts, submitted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline, by name.
CREATE TABLE flow_step_named (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  type        VARCHAR(20) NOT NULL,
  item_id     BIGINT UNSIGNED NOT NULL,
  round       INT UNSIGNED NOT NULL DEFAULT 0,
  action      VARCHAR(10) NOT NULL,           -- submit, approve, return, cancel
  node        VARCHAR(20) NOT NULL,           -- 上报, 初审, 复审, ...
  from_state  VARCHAR(20) NOT NULL,
  to_state    VARCHAR(20) NOT NULL,
  apart       TINYINT(1) NOT NULL DEFAULT 0,  -- a step of segregated duty
  actor_kind  TINYINT UNSIGNED NOT NULL,
  actor_id    BIGINT UNSIGNED NOT NULL,
  actor_name  VARCHAR(60) NOT NULL,
  reason      VARCHAR(500) NULL,
  at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY flow_step_item (type, item_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 常用退回意见, per type, edited by admin.
CREATE TABLE IF NOT EXISTS flow_reason (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  type        VARCHAR(20) NOT NULL,
  text        VARCHAR(500) NOT NULL,          -- as a return reason may be
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY flow_reason_type (type, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO flow_reason (type, text) VALUES
  ('org_app', '缺少证明材料，请补充上传工会法人资格证书或营业执照'),
  ('org_app', '上传的材料不清晰，请重新上传'),
  ('org_app', '单位名称与证照不一致，请核对后重新上报'),
  ('org_app', '统一社会信用代码有误，请核对'),
  ('transfer', '授权书未盖章，请盖章后重新上传'),
  ('transfer', '授权书信息与单位不一致，请核对'),
  ('transfer', '上传的材料不清晰，请重新上传'),
  ('membership_change', '该职工仍在原单位在职，请核实'),
  ('membership_change', '缺少调动证明，请补充说明');

-- The old numbered states and actions, by name (0 草稿 … 5 已删除).
CREATE TEMPORARY TABLE old_state (n TINYINT UNSIGNED PRIMARY KEY, name VARCHAR(20));
INSERT INTO old_state VALUES (0, 'draft'), (1, 'review1'), (2, 'review2'),
  (3, 'returned'), (4, 'approved'), (5, 'cancelled');
CREATE TEMPORARY TABLE old_action (n TINYINT UNSIGNED PRIMARY KEY,
  name VARCHAR(10), node VARCHAR(20), apart TINYINT(1));
INSERT INTO old_action VALUES (0, 'submit', '上报', 0), (1, 'approve', '初审', 1),
  (2, 'return', '初审', 1), (3, 'approve', '复审', 1), (4, 'return', '复审', 1),
  (5, 'cancel', '删除', 0);
CREATE TEMPORARY TABLE old_flow (n TINYINT UNSIGNED PRIMARY KEY, name VARCHAR(20));
INSERT INTO old_flow VALUES (0, 'org_app'), (1, 'transfer'), (2, 'membership_change');

INSERT INTO flow_step_named (type, item_id, action, node, from_state, to_state,
  apart, actor_kind, actor_id, actor_name, reason, at)
  SELECT f.name, s.item_id, a.name, a.node, sf.name, st.name, a.apart,
    s.actor_kind, s.actor_id, s.actor_name, s.reason, s.at
  FROM flow_step s JOIN old_flow f ON f.n = s.flow
  JOIN old_action a ON a.n = s.action JOIN old_state sf ON sf.n = s.from_state
  JOIN old_state st ON st.n = s.to_state ORDER BY s.id;
DROP TABLE flow_step;
RENAME TABLE flow_step_named TO flow_step;

-- Items that exist: their state moves into flow_item.  Rounds count 上报.
INSERT INTO flow_item (type, item_id, state, filer_kind, filer_id, filer_name,
  unit_id, district_id, title, round, submitted_at, created_at, updated_at)
  SELECT 'org_app', a.id, s.name, 2, a.agent_id, COALESCE(g.name, g.phone),
    a.org_id, IF(p.level = 'district', p.id, NULL), a.name,
    (SELECT COUNT(*) FROM flow_step x WHERE x.type = 'org_app'
      AND x.item_id = a.id AND x.action = 'submit'),
    (SELECT MAX(at) FROM flow_step x WHERE x.type = 'org_app'
      AND x.item_id = a.id AND x.action = 'submit'), a.created_at, a.updated_at
  FROM org_app a JOIN old_state s ON s.n = a.state JOIN agent g ON g.id = a.agent_id
  JOIN org p ON p.id = a.parent_id;
INSERT INTO flow_item (type, item_id, state, filer_kind, filer_id, filer_name,
  unit_id, district_id, title, round, submitted_at, created_at, updated_at)
  SELECT 'transfer', t.id, s.name, 2, t.agent_id, COALESCE(g.name, g.phone),
    t.unit_id, IF(p.level = 'district', p.id, NULL), u.name,
    (SELECT COUNT(*) FROM flow_step x WHERE x.type = 'transfer'
      AND x.item_id = t.id AND x.action = 'submit'),
    (SELECT MAX(at) FROM flow_step x WHERE x.type = 'transfer'
      AND x.item_id = t.id AND x.action = 'submit'), t.created_at, t.updated_at
  FROM transfer t JOIN old_state s ON s.n = t.state JOIN agent g ON g.id = t.agent_id
  JOIN org u ON u.id = t.unit_id JOIN org p ON p.id = u.parent_id;
INSERT INTO flow_item (type, item_id, state, filer_kind, filer_id, filer_name,
  unit_id, district_id, title, round, submitted_at, created_at, updated_at)
  SELECT 'membership_change', c.id, s.name, 2, c.agent_id, COALESCE(g.name, g.phone),
    c.to_unit, IF(p.level = 'district', p.id, NULL), m.name,
    (SELECT COUNT(*) FROM flow_step x WHERE x.type = 'membership_change'
      AND x.item_id = c.id AND x.action = 'submit'),
    (SELECT MAX(at) FROM flow_step x WHERE x.type = 'membership_change'
      AND x.item_id = c.id AND x.action = 'submit'), c.created_at, c.updated_at
  FROM membership_change c JOIN old_state s ON s.n = c.state
  JOIN agent g ON g.id = c.agent_id JOIN member m ON m.id = c.member_id
  JOIN org u ON u.id = c.to_unit JOIN org p ON p.id = u.parent_id;
UPDATE flow_step s JOIN flow_item i ON i.type = s.type AND i.item_id = s.item_id
  SET s.round = GREATEST(i.round, 1);
-- Who may act now: review1 (bit 1) at 待初审, review2 (bit 2) at 待复审.
UPDATE flow_item SET acts = CASE state WHEN 'review1' THEN 1
  WHEN 'review2' THEN 2 ELSE 0 END;

ALTER TABLE org_app DROP KEY org_app_state, DROP COLUMN state;
ALTER TABLE transfer DROP KEY transfer_state, DROP COLUMN state;
ALTER TABLE membership_change DROP KEY membership_change_state, DROP COLUMN state;
