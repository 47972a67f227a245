/*
 * signin.h -- who a session belongs to: the statement that loads each
 * kind's session with its subject (member, agent, office user) and the
 * hook that reads the subject's columns (session.h).  Each program's main
 * hands signin_kinds to http_serve through its struct app, so the
 * machinery never names the subjects' tables.
 */
#ifndef HZ_SIGNIN_H
#define HZ_SIGNIN_H

struct session_kinds;

extern const struct session_kinds signin_kinds;

#endif
