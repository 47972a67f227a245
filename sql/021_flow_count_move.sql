-- One trigger for a change of state instead of two (sql/018, 020): a
-- trigger's every statement costs its setup on every row, even when its
-- WHERE can never hold, and flow_apply_many's thousands of rows at once
-- (a payout batch, a bank's result file) paid that twice a row.  Now
-- such a row costs one test of @hz_flow_bulk.

DROP TRIGGER IF EXISTS flow_count_enter;
DROP TRIGGER IF EXISTS flow_count_leave;

CREATE TRIGGER flow_count_move AFTER UPDATE ON flow_item
  FOR EACH ROW
  BEGIN
    IF @hz_flow_bulk IS NULL AND (OLD.state <> NEW.state
        OR OLD.acts <> NEW.acts OR OLD.type <> NEW.type) THEN
      UPDATE flow_count SET n = n - 1
        WHERE type = OLD.type AND state = OLD.state AND acts = OLD.acts;
      INSERT INTO flow_count (type, state, acts, n)
        VALUES (NEW.type, NEW.state, NEW.acts, 1)
        ON DUPLICATE KEY UPDATE n = n + 1;
    END IF;
  END;
