/*
 * hz-smtpsink -- a stand-in mail server for the private stack: a tiny
 * SMTP server on a loopback port that accepts every message and records
 * it, so a person on the demo stack can read the mail the system sent
 * (hz-smssink shows them at /_sink/mail) and tests can open its links.
 *
 *   hz-smtpsink PORT FILE
 *
 * Each message is one line of FILE: the time, a tab, the recipients
 * (comma-separated), a tab, the message as received with "\" written
 * "\\" and each line end "\n".  One client at a time; a client silent
 * for 10 s is dropped.  A recipient whose address starts "tempfail" is
 * answered 451 (try later), "reject" 550 (no such user), so tests see
 * retries and failures.  Not installed: dev/test stack only.
 */
#include <errno.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define MAX_MSG	(1024 * 1024)

struct conn {
	int	 fd;
	char	 buf[8192];
	size_t	 len;
};

/* Read one line (without CRLF) into out.  Returns its length, -1 at EOF
 * or on error. */
static long
read_line(struct conn *c, char *out, size_t outsz)
{
	char *nl;
	ssize_t n;
	size_t k;

	for (;;) {
		if ((nl = memchr(c->buf, '\n', c->len)) != NULL) {
			k = (size_t)(nl - c->buf);
			if (k > 0 && c->buf[k - 1] == '\r')
				k--;
			if (k >= outsz)
				k = outsz - 1;
			memcpy(out, c->buf, k);
			out[k] = '\0';
			k = (size_t)(nl - c->buf) + 1;
			memmove(c->buf, c->buf + k, c->len - k);
			c->len -= k;
			return (long)strlen(out);
		}
		if (c->len == sizeof(c->buf))
			c->len = 0;	/* an endless line: drop it */
		n = read(c->fd, c->buf + c->len, sizeof(c->buf) - c->len);
		if (n <= 0)
			return -1;
		c->len += (size_t)n;
	}
}

static void
say(struct conn *c, const char *s)
{
	size_t n = strlen(s);

	if (write(c->fd, s, n) < 0)
		return;
}

/* Append the message to the file as one escaped line. */
static void
record(const char *file, const char *rcpt, const char *msg)
{
	FILE *f = fopen(file, "a");
	const char *p;

	if (f == NULL)
		return;
	fprintf(f, "%lld\t%s\t", (long long)time(NULL), rcpt);
	for (p = msg; *p; p++) {
		if (*p == '\\')
			fputs("\\\\", f);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p != '\r' && *p != '\t')
			fputc(*p, f);
		else if (*p == '\t')
			fputc(' ', f);
	}
	fputc('\n', f);
	fclose(f);
}

static void
serve(int fd, const char *file)
{
	struct conn c = { fd, "", 0 };
	char line[4096], rcpt[1024] = "";
	char *msg = NULL;
	size_t mlen = 0;
	long n;

	say(&c, "220 hz-smtpsink ready\r\n");
	while ((n = read_line(&c, line, sizeof(line))) >= 0) {
		if (strncasecmp(line, "EHLO", 4) == 0)
			say(&c, "250-hz-smtpsink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
		else if (strncasecmp(line, "HELO", 4) == 0)
			say(&c, "250 hz-smtpsink\r\n");
		else if (strncasecmp(line, "MAIL FROM:", 10) == 0) {
			rcpt[0] = '\0';
			say(&c, "250 OK\r\n");
		} else if (strncasecmp(line, "RCPT TO:", 8) == 0) {
			char *a = strchr(line, '<'), *b = a ? strchr(a, '>') : NULL;

			if (a && strncasecmp(a + 1, "tempfail", 8) == 0) {
				say(&c, "451 4.3.0 try again later\r\n");
				continue;
			}
			if (a && strncasecmp(a + 1, "reject", 6) == 0) {
				say(&c, "550 5.1.1 no such user\r\n");
				continue;
			}
			if (a && b && strlen(rcpt) + (size_t)(b - a) + 2 < sizeof(rcpt)) {
				if (*rcpt)
					strcat(rcpt, ",");
				strncat(rcpt, a + 1, (size_t)(b - a - 1));
			}
			say(&c, "250 OK\r\n");
		} else if (strcasecmp(line, "DATA") == 0) {
			say(&c, "354 end with <CRLF>.<CRLF>\r\n");
			free(msg);
			msg = calloc(1, MAX_MSG + 1);
			mlen = 0;
			while ((n = read_line(&c, line, sizeof(line))) >= 0) {
				const char *l = line;

				if (strcmp(line, ".") == 0)
					break;
				if (line[0] == '.')
					l++;	/* dot-stuffing */
				if (msg && mlen + strlen(l) + 2 < MAX_MSG) {
					memcpy(msg + mlen, l, strlen(l));
					mlen += strlen(l);
					msg[mlen++] = '\n';
					msg[mlen] = '\0';
				}
			}
			if (n < 0)
				break;
			record(file, rcpt, msg ? msg : "");
			say(&c, "250 OK queued\r\n");
		} else if (strcasecmp(line, "QUIT") == 0) {
			say(&c, "221 bye\r\n");
			break;
		} else if (strcasecmp(line, "RSET") == 0 ||
		    strcasecmp(line, "NOOP") == 0)
			say(&c, "250 OK\r\n");
		else
			say(&c, "502 not implemented\r\n");
	}
	free(msg);
	close(fd);
}

int
main(int argc, char **argv)
{
	struct sockaddr_in sa;
	struct timeval tv = { 10, 0 };
	int s, fd, one = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: hz-smtpsink PORT FILE\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)atoi(argv[1]));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((s = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
	    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
	    bind(s, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(s, 16) < 0) {
		fprintf(stderr, "hz-smtpsink: port %s: %s\n", argv[1],
		    strerror(errno));
		return 1;
	}
	for (;;) {
		if ((fd = accept(s, NULL, NULL)) < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		serve(fd, argv[2]);
	}
}
