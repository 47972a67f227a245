/*
 * clock.c -- now, in China, or when HZ_NOW says.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"

#define CN_OFFSET	(8 * 3600)

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; Hinnant's method). */
static long
days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* HZ_NOW as seconds since the epoch, or -1 when unset or unreadable. */
static time_t
forced(void)
{
	const char *s = getenv("HZ_NOW");
	int y, mo, d, h = 0, mi = 0, se = 0, n;

	if (s == NULL || *s == '\0')
		return -1;
	n = sscanf(s, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &se);
	if (n != 3 && n != 6)
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || se < 0 || se > 60)
		return -1;
	return (time_t)(days_from_civil(y, mo, d) * 86400L + h * 3600L +
	    mi * 60L + se) - CN_OFFSET;
}

time_t
clock_now(void)
{
	time_t t = forced();

	return t >= 0 ? t : time(NULL);
}

void
clock_cn(struct tm *tm)
{
	time_t t = clock_now() + CN_OFFSET;

	if (gmtime_r(&t, tm) == NULL)
		memset(tm, 0, sizeof(*tm));
}

char *
clock_today(char buf[11])
{
	struct tm tm;

	clock_cn(&tm);
	if (strftime(buf, 11, "%Y-%m-%d", &tm) == 0)
		buf[0] = '\0';
	return buf;
}

char *
clock_stamp(char buf[20])
{
	struct tm tm;

	clock_cn(&tm);
	if (strftime(buf, 20, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		buf[0] = '\0';
	return buf;
}

static int
month_days(long y, int m)
{
	static const int n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

int
clock_date_add(const char *ymd, int months, int days, char out[11])
{
	struct tm tm;
	long y, z;
	int m, d, n;
	time_t t;

	if (ymd == NULL || sscanf(ymd, "%4ld-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return 0;
	z = y * 12 + (m - 1) + months;
	y = z / 12;
	m = (int)(z % 12) + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	t = (time_t)(days_from_civil(y, m, d) + days) * 86400;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 11, "%Y-%m-%d", &tm) == 0)
		return 0;
	return 1;
}
