/*
 * hz-hello -- the stack's ceiling for `make bench`: the smallest FastCGI
 * program, behind the same nginx with the same number of processes.
 */
#include <fcgiapp.h>

int
main(void)
{
	FCGX_Request r;

	FCGX_Init();
	FCGX_InitRequest(&r, 0, 0);
	while (FCGX_Accept_r(&r) >= 0) {
		FCGX_PutS("Status: 200 OK\r\nContent-Type: text/html; charset=utf-8"
		    "\r\n\r\n<!DOCTYPE html><title>hello</title><p>你好</p>\n",
		    r.out);
		FCGX_Finish_r(&r);
	}
	return 0;
}
