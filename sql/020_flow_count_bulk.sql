-- flow_apply_many moves thousands of items of one state at once (a payout
-- batch, a bank's result file): it counts them in flow_count itself, a
-- statement per group, and tells the row triggers of sql/018 to stand
-- aside for that one UPDATE by setting @hz_flow_bulk in its session.

CREATE OR REPLACE TRIGGER flow_count_leave AFTER UPDATE ON flow_item
  FOR EACH ROW
  UPDATE flow_count SET n = n - 1
  WHERE type = OLD.type AND state = OLD.state AND acts = OLD.acts
  AND (OLD.state <> NEW.state OR OLD.acts <> NEW.acts
  OR OLD.type <> NEW.type) AND @hz_flow_bulk IS NULL;

CREATE OR REPLACE TRIGGER flow_count_enter AFTER UPDATE ON flow_item
  FOR EACH ROW FOLLOWS flow_count_leave
  INSERT INTO flow_count (type, state, acts, n)
  SELECT NEW.type, NEW.state, NEW.acts, 1 FROM DUAL
  WHERE (OLD.state <> NEW.state OR OLD.acts <> NEW.acts
  OR OLD.type <> NEW.type) AND @hz_flow_bulk IS NULL
  ON DUPLICATE KEY UPDATE n = n + 1;
