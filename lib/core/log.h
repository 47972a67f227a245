/*
 * log.h -- one line per event: time, program, level, message.
 */
#ifndef HZ_LOG_H
#define HZ_LOG_H

/* log_open: name the program and open CONF_LOG_FILE (stderr if empty). */
void log_open(const char *prog);

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
