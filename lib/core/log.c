/*
 * log.c -- append-only log lines; O_APPEND keeps lines from several
 * processes whole.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "conf.h"
#include "log.h"

static const char *log_prog = "huzhu";
static int log_fd = 2;

void
log_open(const char *prog)
{
	const char *path = conf_str(CONF_LOG_FILE);
	int fd;

	log_prog = prog;
	if (*path && (fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
	    0640)) >= 0)
		log_fd = fd;
}

static void
log_line(const char *level, const char *fmt, va_list ap)
{
	char buf[2048];
	struct tm tm;
	time_t now = time(NULL);
	int n, m;

	localtime_r(&now, &tm);
	n = (int)strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	n += snprintf(buf + n, sizeof(buf) - n, " %s[%d] %s: ", log_prog,
	    (int)getpid(), level);
	m = vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	if (m < 0)
		m = 0;
	n += m;
	if (n > (int)sizeof(buf) - 2)
		n = (int)sizeof(buf) - 2;
	buf[n++] = '\n';
	(void)!write(log_fd, buf, n);
}

#define LOG_FN(name, level)				\
void							\
name(const char *fmt, ...)				\
{							\
	va_list ap;					\
	va_start(ap, fmt);				\
	log_line(level, fmt, ap);			\
	va_end(ap);					\
}
LOG_FN(log_info, "info")
LOG_FN(log_warn, "warn")
LOG_FN(log_err, "error")
