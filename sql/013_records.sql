-- 参保记录 and 发票 (lib/domain/coverage.c, pinvoice.c).
--
-- The office looks a person up by ID number across every unit and ID
-- type (member_ident leads with the type); finance lists the applications
-- in one state of the enrolment flow (flow_item by type and state, where
-- the engine's keys are per item and per queue).  An invoice's amount is
-- above zero whatever writes it.

ALTER TABLE member ADD KEY IF NOT EXISTS member_id_number (id_number);

ALTER TABLE flow_item ADD KEY IF NOT EXISTS flow_item_state (type, state, item_id);

ALTER TABLE premium_invoice
  ADD CONSTRAINT premium_invoice_amount CHECK (amount > 0);
