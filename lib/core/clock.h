/*
 * clock.h -- the time the business rules read: now, in China.
 *
 * Every date a rule depends on (today's month for 主保期参保, the 1st of
 * the month for 续保提醒, ages, periods) comes from here, never from
 * CURDATE() in SQL, so tests move the clock instead of waiting: the
 * environment variable HZ_NOW ("2026-12-01 12:00:00", or just a date)
 * sets it for the process that reads it.  Without HZ_NOW it is the real
 * time.  China has one time zone (UTC+8) and no daylight saving.
 */
#ifndef HZ_CLOCK_H
#define HZ_CLOCK_H

#include <time.h>

/* clock_now: seconds since the epoch (HZ_NOW when set). */
time_t clock_now(void);

/* clock_today: today in China as "YYYY-MM-DD" into buf (11 bytes).
 * Returns buf. */
char *clock_today(char buf[11]);

/* clock_stamp: now in China as "YYYY-MM-DD HH:MM:SS" into buf (20 bytes).
 * Returns buf. */
char *clock_stamp(char buf[20]);

/* clock_cn: now in China as a broken-down time (fields as gmtime_r). */
void clock_cn(struct tm *tm);

/*
 * clock_date_add: the date `months` months and then `days` days after
 * "YYYY-MM-DD" `ymd` (either may be negative; a day past the month's end
 * falls back to its last day: 01-31 + 1 month = 02-28), into out.
 * Returns 1, 0 when `ymd` is not a date.
 */
int clock_date_add(const char *ymd, int months, int days, char out[11]);

#endif
