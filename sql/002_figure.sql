-- 统计数字: counts that would cost a table scan per page view are kept here
-- and refreshed by hz-jobs (lib/figures.c says which and how).
CREATE TABLE IF NOT EXISTS figure (
  name        VARCHAR(40) NOT NULL PRIMARY KEY,
  value       BIGINT NOT NULL,
  counted_at  DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
