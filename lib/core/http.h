/*
 * http.h -- one FastCGI program: the accept loop, the request, routing,
 * access checks and the response.
 *
 * A program describes itself with a struct app: its route table (indexed
 * by the program's own enum of pages), its stylesheets, and the kind of
 * session its own pages use.  http_serve() does the rest:
 *
 *   parse (limits, multipart streamed to temp files) -> find the route ->
 *   load the session the route's access names -> check who may call it ->
 *   check CSRF on POST -> handler returns an HTTP status -> render the
 *   view or redirect.
 *
 * A route's access level names the kind of session it loads (ACC_AGENT:
 * the agent's, ACC_OFFICE: the office user's), so one program may serve
 * several kinds, each on its own routes: hz-export serves office users
 * (/x/members.xlsx) and unit agents (/x/roster.xlsx).  Each kind belongs
 * to one portal, where one signs in and out (http.c).
 */
#ifndef HZ_HTTP_H
#define HZ_HTTP_H

#include <stdint.h>
#include <libxml/tree.h>

#include "http_parse.h"
#include "kind.h"

struct db;
struct FCGX_Request;

enum http_method {
	HTTP_GET,
	HTTP_POST,
	HTTP__MAX
};

/* Who may call a route, and so which session it loads. */
enum access {
	ACC_ANON,		/* anyone; loads the app's own kind if any */
	ACC_MEMBER,		/* a bound member (/m/) */
	ACC_AGENT_NEW,		/* an agent, profile possibly incomplete */
	ACC_AGENT,		/* an agent with a completed profile */
	ACC_OFFICE,		/* office staff holding one of route.roles */
	ACC__MAX
};

struct req;
struct session_kinds;

struct route {
	enum http_method	 method;
	const char		*path;		/* exact match */
	int			(*fn)(struct req *);
	enum access		 access;
	unsigned		 roles;		/* ACC_OFFICE: any of these; ACC_MEMBER:
						 * MEMBER_BEFORE_CONSENT or 0 */
};

struct app {
	const char		*name;		/* program name for logs */
	const char		*prefix;	/* "/m/" */
	enum session_kind	 kind;		/* its own: sign-in, ACC_ANON */
	const struct route	*routes;
	size_t			 nroutes;
	const char *const	*sheets;	/* stylesheet paths under xslt/ */
	size_t			 nsheets;
	const char		*title;		/* portal name for <page> */
	/* How each kind's session loads (session.h); the program's main
	 * takes it from a domain module (lib/domain/signin.c). */
	const struct session_kinds *signin;
};


struct req {
	const struct app	*app;
	struct FCGX_Request	*fcgi;
	struct db		*db;
	enum http_method	 method;
	const char		*path;
	const char		*remote_addr;
	struct kvlist		 query, form, cookies;
	struct uploads		 files;
	struct session		 sess;		/* kind SESS_NONE if anonymous */
	const void		*extra;		/* the kind's extra data loaded with
						 * the session (members: struct
						 * member, signin.h), or NULL */
	char			 anon_csrf[65];	/* double-submit token */
	xmlDocPtr		 doc;		/* the page being built */
	xmlNodePtr		 page;		/* its root, <page> */
	int			 sheet;		/* stylesheet to render, -1 none */
	char			*location;	/* redirect target (303) */
	char			*set_cookie[4];
	size_t			 nset_cookie;
	int			 sent;		/* handler wrote the response */
};

/* http_serve: run the accept loop forever.  Returns only on a fatal start-up
 * error, with the exit status to use. */
int http_serve(const struct app *app);

/*
 * http_main: a program's main.  With the single argument --routes, print
 * the route table, one route a line: method, path, who ("anon",
 * "member", "agent-new", "agent", "office") and the office role bits in
 * hex -- what the route-walking tests read, so a new route is walked
 * without editing them.  Otherwise http_serve().  Returns the exit status.
 */
int http_main(const struct app *app, int argc, char **argv);

/* Request inputs. */
const char *req_query(const struct req *r, const char *key);
const char *req_form(const struct req *r, const char *key);	/* "" if absent */
const char *req_cookie(const struct req *r, const char *key);
/* req_id: a record id named `key` in the query string or else the form;
 * 0 when absent or not a positive decimal number. */
int64_t req_id(const struct req *r, const char *key);
const struct upload *req_file(const struct req *r, const char *field);

/* req_redirect: answer 303 See Other to `path`; returns 303. */
int req_redirect(struct req *r, const char *path);
/* req_cookie_set: queue a Set-Cookie header (value already safe). */
void req_cookie_set(struct req *r, const char *name, const char *value,
    long max_age);

/*
 * Writing a response the handler produces itself (downloads): write the
 * status and headers with req_head(), the body with req_write(), then return
 * the status; r->sent tells http_serve not to add anything.
 */
void req_head(struct req *r, int status, const char *ctype,
    const char *extra_headers);
int req_write(struct req *r, const void *buf, size_t n);

/* req_error_page: render the friendly error page with `msg`; returns status. */
int req_error_page(struct req *r, int status, const char *msg);

/*
 * req_send_file: answer with the file at `path` as a download named
 * `name` (UTF-8), with its Content-Length, then unlink it (a finished
 * export or template in the temp dir: call it only once the file is
 * complete).  Returns 200, or 500 if it cannot be opened.
 */
int req_send_file(struct req *r, const char *path, const char *ctype,
    const char *name);

#endif
