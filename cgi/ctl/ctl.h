/*
 * ctl.h -- hzctl's commands.  Each returns the process exit status.
 */
#ifndef HZ_CTL_H
#define HZ_CTL_H

struct db;

int ctl_migrate(struct db *db);
int ctl_demo(struct db *db);
/* demo_enrol: the demo's 参保申请, one in each state (demoenrol.c); 1/0. */
int demo_enrol(struct db *db);

#endif
