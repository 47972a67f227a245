/*
 * hz-export -- XLSX downloads for the office (/x/), in their own process
 * pool so a 100 000-row export never holds up a page.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "mask.h"
#include "valid.h"
#include "xlsx.h"

enum stmt {
	STMT_MEMBERS,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_MEMBERS] =
	    "SELECT m.name, m.id_type, m.id_number, m.gender, m.birth_date,"
	    " m.phone, o.name, p.name FROM member m"
	    " LEFT JOIN org o ON o.id = m.unit_id"
	    " LEFT JOIN org p ON p.id = o.parent_id ORDER BY m.id",
};

static const struct db_table tab = { DBM_EXPORT, sql, STMT__MAX };

static const struct xlsx_col member_cols[] = {
	{ "序号", 8 }, { "姓名", 14 }, { "证件类型", 14 }, { "证件号码", 22 },
	{ "性别", 6 }, { "出生日期", 12 }, { "手机号码", 14 },
	{ "所在单位", 30 }, { "上级工会", 24 },
};
#define NCOLS (sizeof(member_cols) / sizeof(member_cols[0]))

/*
 * 职工名单: every member with their unit.  Full ID and phone numbers only
 * for admin and finance, and the export itself is audited.
 */
static int
members_xlsx(struct req *r)
{
	char path[1024], seq[24], idbuf[64], phbuf[64];
	const char *cells[NCOLS], *g;
	struct xlsx_out *x;
	struct db_res *res;
	long long n = 0;
	int full = (r->sess.roles & (ROLE_ADMIN | ROLE_FINANCE)) != 0, fd;

	snprintf(path, sizeof(path), "%s/export-XXXXXX", conf_str(CONF_TMP_DIR));
	if ((fd = mkstemp(path)) < 0)
		return 500;
	close(fd);
	if ((x = xlsx_out_open(path, conf_str(CONF_TMP_DIR), "职工名单",
	    member_cols, NCOLS)) == NULL) {
		unlink(path);
		return 500;
	}
	if ((res = db_stream(r->db, &tab, STMT_MEMBERS, "")) == NULL) {
		xlsx_out_close(x);
		unlink(path);
		return 500;
	}
	while (db_next(res) == 1) {
		snprintf(seq, sizeof(seq), "%lld", ++n);
		g = db_col(res, 3);
		cells[0] = seq;
		cells[1] = db_col(res, 0);
		cells[2] = id_type_label((int)db_int(res, 1));
		cells[3] = full ? db_col(res, 2) : mask_id(db_col(res, 2), idbuf);
		cells[4] = g ? (*g == 'F' ? "女" : "男") : NULL;
		cells[5] = db_col(res, 4);
		cells[6] = full ? db_col(res, 5) : mask_phone(db_col(res, 5), phbuf);
		cells[7] = db_col(res, 6);
		cells[8] = db_col(res, 7);
		xlsx_out_row(x, cells, NCOLS);
	}
	db_done(res);
	if (!xlsx_out_close(x)) {
		unlink(path);
		return 500;
	}
	snprintf(seq, sizeof(seq), "%lld", n);
	audit_req(r, full ? "export.members.full" : "export.members", "member",
	    0, seq);
	return req_send_file(r, path, XLSX_MIME, "职工名单.xlsx");
}

enum page {
	PAGE_MEMBERS,
	PAGE__MAX
};

static const struct route routes[PAGE__MAX] = {
	[PAGE_MEMBERS] = { HTTP_GET, "/x/members.xlsx", members_xlsx, ACC_OFFICE,
	    ROLE_ADMIN | ROLE_FINANCE | ROLE_REVIEW1 | ROLE_REVIEW2 },
};

static const char *const sheets[] = { "error.xsl" };

static const struct app app = {
	.name = "hz-export",
	.prefix = "/x/",
	.title = "职工互助保障 · 导出",
	.kind = SESS_OFFICE,
	.routes = routes,
	.nroutes = PAGE__MAX,
	.sheets = sheets,
	.nsheets = 1,
};

int
main(void)
{
	return http_serve(&app);
}
