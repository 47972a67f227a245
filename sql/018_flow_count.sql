-- The review desk's counts per type, state and who acts (flow_item.acts),
-- kept by triggers in the transaction of every change to flow_item (the
-- engine's steps, and any other writer), so the desk reads a few rows
-- instead of counting a million items on every view.

CREATE TABLE IF NOT EXISTS flow_count (
  type        VARCHAR(20) NOT NULL,
  state       VARCHAR(20) NOT NULL,
  acts        INT UNSIGNED NOT NULL,
  n           BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (type, state, acts)
) ENGINE=InnoDB;

INSERT INTO flow_count (type, state, acts, n)
  SELECT type, state, acts, COUNT(*) FROM flow_item
  GROUP BY type, state, acts
  ON DUPLICATE KEY UPDATE n = VALUES(n);

CREATE TRIGGER IF NOT EXISTS flow_count_insert AFTER INSERT ON flow_item
  FOR EACH ROW
  INSERT INTO flow_count (type, state, acts, n)
  VALUES (NEW.type, NEW.state, NEW.acts, 1)
  ON DUPLICATE KEY UPDATE n = n + 1;

-- A change of state or of who acts: one less where the item was (nothing
-- happens when neither changed), one more where it is.
CREATE TRIGGER IF NOT EXISTS flow_count_leave AFTER UPDATE ON flow_item
  FOR EACH ROW
  UPDATE flow_count SET n = n - 1
  WHERE type = OLD.type AND state = OLD.state AND acts = OLD.acts
  AND (OLD.state <> NEW.state OR OLD.acts <> NEW.acts
  OR OLD.type <> NEW.type);

CREATE TRIGGER IF NOT EXISTS flow_count_enter AFTER UPDATE ON flow_item
  FOR EACH ROW FOLLOWS flow_count_leave
  INSERT INTO flow_count (type, state, acts, n)
  SELECT NEW.type, NEW.state, NEW.acts, 1 FROM DUAL
  WHERE OLD.state <> NEW.state OR OLD.acts <> NEW.acts
  OR OLD.type <> NEW.type
  ON DUPLICATE KEY UPDATE n = n + 1;

CREATE TRIGGER IF NOT EXISTS flow_count_delete AFTER DELETE ON flow_item
  FOR EACH ROW
  UPDATE flow_count SET n = n - 1
  WHERE type = OLD.type AND state = OLD.state AND acts = OLD.acts;
