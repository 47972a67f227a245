-- The header's unread 站内信 count and the member's 隐私协议/服务声明
-- consent kept in the session row (issue 9, point 13), as 019 keeps the
-- member's card there: a page whose session is not in a worker's cache
-- reads one row, where two correlated subqueries in the session load cost
-- a cold member page about 300 us of CPU (README, Performance).  The
-- triggers below keep both exact whichever statement makes the change;
-- their reads lock what they count (LOCK IN SHARE MODE), so a sign-in and
-- a message or consent for the same person at the same moment wait for
-- each other.  As they write session, a statement that reads session
-- cannot write station_message, member_consent or consent_text (error
-- 1442): list the sessions first (tests/browser/suite.sh does).
ALTER TABLE session
  ADD COLUMN IF NOT EXISTS unread    INT NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS m_consent TINYINT UNSIGNED NOT NULL DEFAULT 0;

-- 1 when member p has agreed to every text in force and withdrawn none of
-- those agreements: the one statement of the rule (consent.h).
CREATE OR REPLACE FUNCTION consent_complete(p BIGINT UNSIGNED)
RETURNS TINYINT UNSIGNED READS SQL DATA
BEGIN
  DECLARE v_missing INT DEFAULT 0;
  SELECT COUNT(*) INTO v_missing FROM consent_text ct
    WHERE ct.is_current = 1 AND NOT EXISTS (SELECT 1 FROM member_consent mc
      WHERE mc.member_id = p AND mc.kind = ct.kind AND mc.version = ct.version
        AND mc.withdrawn_at IS NULL)
    LOCK IN SHARE MODE;
  RETURN v_missing = 0;
END;

-- Sessions that exist now.
UPDATE session s SET
  s.unread = (SELECT COUNT(*) FROM station_message sm WHERE
    sm.recipient_kind = s.kind AND sm.recipient_id = s.subject_id AND sm.read_at IS NULL),
  s.m_consent = IF(s.kind = 1, consent_complete(s.subject_id), 0);

-- A new session: both, read under a shared lock (after session_card_new).
CREATE OR REPLACE TRIGGER session_counts_new BEFORE INSERT ON session
FOR EACH ROW FOLLOWS session_card_new
BEGIN
  DECLARE v_unread INT DEFAULT 0;
  SELECT COUNT(*) INTO v_unread FROM station_message
    WHERE recipient_kind = NEW.kind AND recipient_id = NEW.subject_id
      AND read_at IS NULL LOCK IN SHARE MODE;
  SET NEW.unread = v_unread,
      NEW.m_consent = IF(NEW.kind = 1, consent_complete(NEW.subject_id), 0);
END;

-- 站内信: each unread one counts once for its recipient's sessions.  A
-- statement a row costs 35-60 us here, so message_send_many (message.c)
-- counts its thousands in one statement while @hz_message_bulk is set.
CREATE OR REPLACE TRIGGER session_unread_send AFTER INSERT ON station_message
FOR EACH ROW
  IF NEW.read_at IS NULL AND @hz_message_bulk IS NULL THEN
    UPDATE session SET unread = unread + 1
      WHERE kind = NEW.recipient_kind AND subject_id = NEW.recipient_id;
  END IF;

CREATE OR REPLACE TRIGGER session_unread_change AFTER UPDATE ON station_message
FOR EACH ROW
  IF NOT (NEW.read_at <=> OLD.read_at AND NEW.recipient_kind = OLD.recipient_kind
          AND NEW.recipient_id = OLD.recipient_id) THEN
    IF OLD.read_at IS NULL THEN
      UPDATE session SET unread = unread - 1
        WHERE kind = OLD.recipient_kind AND subject_id = OLD.recipient_id;
    END IF;
    IF NEW.read_at IS NULL THEN
      UPDATE session SET unread = unread + 1
        WHERE kind = NEW.recipient_kind AND subject_id = NEW.recipient_id;
    END IF;
  END IF;

CREATE OR REPLACE TRIGGER session_unread_gone AFTER DELETE ON station_message
FOR EACH ROW
  IF OLD.read_at IS NULL THEN
    UPDATE session SET unread = unread - 1
      WHERE kind = OLD.recipient_kind AND subject_id = OLD.recipient_id;
  END IF;

-- A member agrees, withdraws, or loses an agreement: their sessions,
-- recomputed.
CREATE OR REPLACE TRIGGER session_consent_agree AFTER INSERT ON member_consent
FOR EACH ROW
  UPDATE session SET m_consent = consent_complete(NEW.member_id)
    WHERE kind = 1 AND subject_id = NEW.member_id;

CREATE OR REPLACE TRIGGER session_consent_change AFTER UPDATE ON member_consent
FOR EACH ROW
  UPDATE session SET m_consent = consent_complete(NEW.member_id)
    WHERE kind = 1 AND subject_id = NEW.member_id;

CREATE OR REPLACE TRIGGER session_consent_gone AFTER DELETE ON member_consent
FOR EACH ROW
  UPDATE session SET m_consent = consent_complete(OLD.member_id)
    WHERE kind = 1 AND subject_id = OLD.member_id;

-- A text put in force.  A new version (consent_publish: the kind's last
-- version + 1, under a lock) has no agreements yet, so nobody has agreed
-- to everything in force any more; a version put back in force by hand
-- is recomputed for everyone.  A text leaves force only when its successor
-- is published in the same transaction (consent_publish), which the
-- insert's case covers.
CREATE OR REPLACE TRIGGER session_consent_text_new AFTER INSERT ON consent_text
FOR EACH ROW
  IF NEW.is_current = 1 THEN
    UPDATE session SET m_consent = 0 WHERE kind = 1 AND m_consent = 1;
  END IF;

CREATE OR REPLACE TRIGGER session_consent_text_back AFTER UPDATE ON consent_text
FOR EACH ROW
  IF NEW.is_current = 1 AND OLD.is_current = 0 THEN
    UPDATE session SET m_consent = consent_complete(subject_id) WHERE kind = 1;
  END IF;
