-- 会员名片 in the member's session row (issue 9, point 13): a member page
-- that is not in a worker's cache reads its session and what it shows of
-- the member (lib/domain/signin.c) from this one row, not a four-table
-- join.  The copy is made when the session is created and every change
-- to what it copies reaches it, whichever statement makes the change:
-- the triggers below.  Their reads lock what they copy (LOCK IN SHARE
-- MODE), so a sign-in and a change of the same member, unit or binding
-- at the same moment wait for each other and the copy is the committed
-- row.  Only member sessions (kind 1, SESS_MEMBER) carry one.
ALTER TABLE session
  ADD COLUMN IF NOT EXISTS m_id_type     TINYINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS m_id_number   VARCHAR(32) NULL,
  ADD COLUMN IF NOT EXISTS m_name        VARCHAR(60) NULL,
  ADD COLUMN IF NOT EXISTS m_gender      ENUM('M','F') NULL,
  ADD COLUMN IF NOT EXISTS m_birth_date  DATE NULL,
  ADD COLUMN IF NOT EXISTS m_phone       CHAR(11) NULL,
  ADD COLUMN IF NOT EXISTS m_unit_id     BIGINT UNSIGNED NULL,
  ADD COLUMN IF NOT EXISTS m_unit_name   VARCHAR(120) NULL,
  ADD COLUMN IF NOT EXISTS m_bound_phone CHAR(11) NULL,
  ADD KEY IF NOT EXISTS session_card_unit (m_unit_id);

-- Sessions that exist now.
UPDATE session s JOIN member m ON m.id = s.subject_id
  LEFT JOIN org o ON o.id = m.unit_id
  LEFT JOIN member_bind b ON b.member_id = m.id
  SET s.m_id_type = m.id_type, s.m_id_number = m.id_number, s.m_name = m.name,
      s.m_gender = m.gender, s.m_birth_date = m.birth_date, s.m_phone = m.phone,
      s.m_unit_id = m.unit_id, s.m_unit_name = o.name, s.m_bound_phone = b.phone
  WHERE s.kind = 1;

-- A new member session: the copy, read under a shared lock.  No member
-- row: m_name stays NULL and the session signs nobody in.
CREATE OR REPLACE TRIGGER session_card_new BEFORE INSERT ON session
FOR EACH ROW
BEGIN
  DECLARE v_id_type TINYINT UNSIGNED DEFAULT NULL;
  DECLARE v_id_number VARCHAR(32) DEFAULT NULL;
  DECLARE v_name VARCHAR(60) DEFAULT NULL;
  DECLARE v_gender ENUM('M','F') DEFAULT NULL;
  DECLARE v_birth_date DATE DEFAULT NULL;
  DECLARE v_phone CHAR(11) DEFAULT NULL;
  DECLARE v_unit_id BIGINT UNSIGNED DEFAULT NULL;
  DECLARE v_unit_name VARCHAR(120) DEFAULT NULL;
  DECLARE v_bound_phone CHAR(11) DEFAULT NULL;
  DECLARE CONTINUE HANDLER FOR NOT FOUND BEGIN END;
  IF NEW.kind = 1 THEN
    SELECT m.id_type, m.id_number, m.name, m.gender, m.birth_date, m.phone,
           m.unit_id, o.name, b.phone
      INTO v_id_type, v_id_number, v_name, v_gender, v_birth_date, v_phone,
           v_unit_id, v_unit_name, v_bound_phone
      FROM member m LEFT JOIN org o ON o.id = m.unit_id
      LEFT JOIN member_bind b ON b.member_id = m.id
      WHERE m.id = NEW.subject_id LOCK IN SHARE MODE;
    SET NEW.m_id_type = v_id_type, NEW.m_id_number = v_id_number,
        NEW.m_name = v_name, NEW.m_gender = v_gender,
        NEW.m_birth_date = v_birth_date, NEW.m_phone = v_phone,
        NEW.m_unit_id = v_unit_id, NEW.m_unit_name = v_unit_name,
        NEW.m_bound_phone = v_bound_phone;
  END IF;
END;

-- The member's own columns, and the unit's name when the unit changes.
CREATE OR REPLACE TRIGGER session_card_member AFTER UPDATE ON member
FOR EACH ROW
BEGIN
  DECLARE v_unit_name VARCHAR(120) DEFAULT NULL;
  IF NOT (NEW.id_type <=> OLD.id_type AND NEW.id_number <=> OLD.id_number
          AND NEW.name <=> OLD.name AND NEW.gender <=> OLD.gender
          AND NEW.birth_date <=> OLD.birth_date AND NEW.phone <=> OLD.phone
          AND NEW.unit_id <=> OLD.unit_id) THEN
    IF NEW.unit_id IS NOT NULL THEN
      SELECT name INTO v_unit_name FROM org WHERE id = NEW.unit_id LOCK IN SHARE MODE;
    END IF;
    UPDATE session SET m_id_type = NEW.id_type, m_id_number = NEW.id_number,
      m_name = NEW.name, m_gender = NEW.gender, m_birth_date = NEW.birth_date,
      m_phone = NEW.phone, m_unit_id = NEW.unit_id, m_unit_name = v_unit_name
      WHERE kind = 1 AND subject_id = NEW.id;
  END IF;
END;

-- A member removed: their sessions end (as the join no longer found them).
CREATE OR REPLACE TRIGGER session_card_member_gone AFTER DELETE ON member
FOR EACH ROW
  DELETE FROM session WHERE kind = 1 AND subject_id = OLD.id;

-- A unit renamed: every session whose copy names it.  The copy's own
-- m_unit_id decides (rechecked on the locked row), so a member moving
-- out of the unit at the same moment keeps the new unit's name.
CREATE OR REPLACE TRIGGER session_card_unit AFTER UPDATE ON org
FOR EACH ROW
  IF NOT (NEW.name <=> OLD.name) THEN
    UPDATE session SET m_unit_name = NEW.name
      WHERE kind = 1 AND m_unit_id = NEW.id;
  END IF;

-- The H5 binding's phone.
CREATE OR REPLACE TRIGGER session_card_bind AFTER INSERT ON member_bind
FOR EACH ROW
  UPDATE session SET m_bound_phone = NEW.phone
    WHERE kind = 1 AND subject_id = NEW.member_id;

CREATE OR REPLACE TRIGGER session_card_rebind AFTER UPDATE ON member_bind
FOR EACH ROW
BEGIN
  IF NEW.member_id <> OLD.member_id THEN
    UPDATE session SET m_bound_phone = NULL
      WHERE kind = 1 AND subject_id = OLD.member_id;
  END IF;
  UPDATE session SET m_bound_phone = NEW.phone
    WHERE kind = 1 AND subject_id = NEW.member_id;
END;

CREATE OR REPLACE TRIGGER session_card_unbind AFTER DELETE ON member_bind
FOR EACH ROW
  UPDATE session SET m_bound_phone = NULL
    WHERE kind = 1 AND subject_id = OLD.member_id;
