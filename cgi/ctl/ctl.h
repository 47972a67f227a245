/*
 * ctl.h -- hzctl's commands.  Each returns the process exit status.
 */
#ifndef HZ_CTL_H
#define HZ_CTL_H

#include <stddef.h>
#include <stdint.h>

struct db;

int ctl_migrate(struct db *db);
int ctl_demo(struct db *db);
/* demo_enrol: the demo's 参保申请, one in each state (demoenrol.c); 1/0. */
int demo_enrol(struct db *db);

/* The claims' demo unit (demo.c makes it, democlaim.c its claims). */
#define DEMO_CLAIMS_DISTRICT	"黄岛区总工会"
#define DEMO_CLAIMS_UNIT	"黄岛区人民医院工会委员会"

/* demo_enrol_one: an application of `unit` (filed by agent `agent`) for
 * `plan` of `kind` taken to 已办结, its people all its members not yet
 * covered; 1, 0 on error (demoenrol.c). */
int demo_enrol_one(struct db *db, int64_t unit, int64_t agent,
    const char *agent_name, int64_t plan, int kind);

/* demo_picture: a 1×1 PNG in a file of its own as upload *u named
 * `filename` (path in `path`, which the caller unlinks); 1, 0 on error. */
struct upload;
int demo_picture(struct upload *u, char *path, size_t n,
    const char *filename);

/* demo_claims: the demo's 补助申请 in their states (democlaim.c); 1/0. */
int demo_claims(struct db *db);

/* demo_articles: 隐私协议 and 服务声明 v1, 公告通知 and 工会资讯 published
 * by the demo editor (demoarticle.c); 1/0. */
int demo_articles(struct db *db);
/* demo_changes: the demo's 个人信息变更, 待初审 and returned
 * (demochange.c); 1/0. */
int demo_changes(struct db *db);

#endif
