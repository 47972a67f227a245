-- 024: the editor (编辑) and what they publish: 公告通知 and 工会资讯
-- (article), the versions of 隐私协议 and 服务声明 (consent_text) and each
-- member's consent to them at binding (member_consent).  宣传手册 is an
-- attachment (owner 'brochure', 0): the newest is the current one.

ALTER TABLE staff MODIFY roles
  SET('review1','review2','medical','finance','admin','editor') NOT NULL DEFAULT '';

-- 公告通知 (notice) and 工会资讯 (news).  body is the cleaned HTML
-- (lib/core/htmlclean.c), never the editor's raw input.  A published one
-- shows to members from publish_at on (a later time: scheduled).
CREATE TABLE article (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind        ENUM('notice','news') NOT NULL,
  title       VARCHAR(120) NOT NULL,
  body        MEDIUMTEXT NOT NULL,
  cover_id    BIGINT UNSIGNED NULL,                 -- attachment (封面图片)
  state       ENUM('draft','published','withdrawn') NOT NULL DEFAULT 'draft',
  publish_at  DATETIME NULL,                        -- 发布时间
  author_id   BIGINT UNSIGNED NOT NULL,             -- staff
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY article_shown (state, kind, publish_at),
  CONSTRAINT article_author_fk FOREIGN KEY (author_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 隐私协议 (privacy) and 服务声明 (terms), each version kept; the one with
-- is_current = 1 is in force.
CREATE TABLE consent_text (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind        ENUM('privacy','terms') NOT NULL,
  version     INT UNSIGNED NOT NULL,
  body        MEDIUMTEXT NOT NULL,                  -- cleaned HTML
  is_current  TINYINT UNSIGNED NOT NULL DEFAULT 1,
  published_by BIGINT UNSIGNED NOT NULL,            -- staff
  published_at DATETIME NOT NULL,
  UNIQUE KEY consent_text_version (kind, version),
  KEY consent_text_current (is_current, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A member's agreement to one version of one text (PIPL art. 29: separate
-- consent for sensitive personal information): when, from where.  Kept
-- after a withdrawal (withdrawn_at), which also ends the binding.
CREATE TABLE member_consent (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  member_id   BIGINT UNSIGNED NOT NULL,
  kind        ENUM('privacy','terms') NOT NULL,
  version     INT UNSIGNED NOT NULL,
  agreed_at   DATETIME NOT NULL,
  ip          VARCHAR(45) NOT NULL,
  withdrawn_at DATETIME NULL,
  KEY member_consent_member (member_id, kind, version),
  -- a member erased from the roster takes their consents along
  CONSTRAINT member_consent_member_fk FOREIGN KEY (member_id) REFERENCES member (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
