/*
 * home.c -- the agent's home: the units they serve and their rights.
 */
#include "http.h"
#include "pages.h"
#include "view.h"

int
home_get(struct req *r)
{
	if (!units_add(r))
		return 500;
	r->sheet = SHEET_HOME;
	return 200;
}
