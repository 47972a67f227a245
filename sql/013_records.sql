-- 参保记录 and 发票 (lib/domain/coverage.c, pinvoice.c).
--
-- 参保记录 are listed newest period first, then newest application, for
-- every unit or one: the two coverage keys give that order, so a page
-- reads its 20 rows and stops (the row id, InnoDB's suffix of every key,
-- keeps an application's people in the order it listed them).  The
-- office looks a person up by ID number across every unit and ID type
-- (member_ident leads with the type); finance lists the applications in
-- one state of the enrolment flow (flow_item by type and state, where the
-- engine's keys are per item and per queue).  An invoice's amount is
-- above zero whatever writes it.

ALTER TABLE coverage
  ADD KEY IF NOT EXISTS coverage_recent (starts DESC, enroll_id DESC),
  ADD KEY IF NOT EXISTS coverage_unit_recent (unit_id, starts DESC, enroll_id DESC);

ALTER TABLE member ADD KEY IF NOT EXISTS member_id_number (id_number);

ALTER TABLE flow_item ADD KEY IF NOT EXISTS flow_item_state (type, state, item_id);

ALTER TABLE premium_invoice
  ADD CONSTRAINT premium_invoice_amount CHECK (amount > 0);
