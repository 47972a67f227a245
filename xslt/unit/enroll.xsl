<?xml version="1.0" encoding="UTF-8"?>
<!--
  参保申请 (seed 004 §三): the unit's applications and a new one; one
  application (申请信息, 缴费账号, 参保人员信息, 申请材料, 上报, the
  不可参保人员名单, 缴费); or the roster to pick people from.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">参保申请</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'enroll'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="@picking"><xsl:call-template name="pick"/></xsl:when>
      <xsl:when test="enroll"><xsl:call-template name="item"/></xsl:when>
      <xsl:when test="not(@unit)"><xsl:call-template name="choose-unit"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="list"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="choose-unit">
    <section class="card">
      <xsl:call-template name="page-head"><xsl:with-param name="title">参保申请</xsl:with-param><xsl:with-param name="sub">请选择单位</xsl:with-param></xsl:call-template>
      <ul class="files" id="enroll-units">
        <xsl:for-each select="units/unit[@mutual-aid]">
          <li><a href="/u/enroll?unit={@id}"><xsl:value-of select="name"/></a></li>
        </xsl:for-each>
      </ul>
      <xsl:if test="not(units/unit[@mutual-aid])"><div class="empty-state"><p class="empty">您没有任何单位的医疗互助权限。</p></div></xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="kind-label">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'early'">提前续保</xsl:when>
      <xsl:when test="$kind = 'supplement'">补充追加</xsl:when>
      <xsl:otherwise>主保期参保</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The plan, kind and start: a new application, or a draft's terms. -->
  <xsl:template name="terms-fields">
    <xsl:param name="plan" select="/page/form/field[@name = 'plan']/@value"/>
    <xsl:param name="kind" select="/page/form/field[@name = 'kind']/@value"/>
    <xsl:param name="start" select="/page/form/field[@name = 'period_start']/@value"/>
    <xsl:variable name="fp" select="/page/form/field[@name = 'plan']"/>
    <xsl:variable name="fs" select="/page/form/field[@name = 'period_start']"/>
    <div class="field">
      <xsl:if test="$fp/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-plan">保障计划</label>
      <select id="f-plan" name="plan">
        <option value="">请选择</option>
        <xsl:for-each select="/page/plans/plan">
          <option value="{@id}"><xsl:if test="@id = $plan"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/>（<xsl:value-of select="@premium"/>元/人/<xsl:value-of select="@months"/>个月）</option>
        </xsl:for-each>
      </select>
      <xsl:if test="$fp/@error"><span class="err" id="err-plan"><xsl:value-of select="$fp/@error"/></span></xsl:if>
    </div>
    <xsl:variable name="fk" select="/page/form/field[@name = 'kind']"/>
    <div class="field">
      <xsl:if test="$fk/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-kind">申请类型</label>
      <select id="f-kind" name="kind">
        <option value="main">主保期参保</option>
        <option value="early"><xsl:if test="$kind = 'early'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>提前续保</option>
        <option value="supplement"><xsl:if test="$kind = 'supplement'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>补充追加</option>
      </select>
      <xsl:if test="$fk/@error"><span class="err" id="err-kind"><xsl:value-of select="$fk/@error"/></span></xsl:if>
      <span class="hint">主保期参保只能在保障期满当月或集中参保期内办理；补充追加用于新入职职工，保障至本单位当期保障期满。</span>
    </div>
    <div class="field">
      <xsl:if test="$fs/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-period_start">续保起始日期（提前续保填写）</label>
      <input id="f-period_start" name="period_start" type="date" value="{$start}"/>
      <xsl:if test="$fs/@error"><span class="err" id="err-period_start"><xsl:value-of select="$fs/@error"/></span></xsl:if>
    </div>
  </xsl:template>

  <xsl:template name="list">
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">参保申请</xsl:with-param>
        <xsl:with-param name="sub">选择保障计划新建申请，添加参保人员后上报市总审核；复审通过后下载缴费通知单缴费并上传凭证。</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <form method="post" action="/u/enroll/new" class="grid2" id="new-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="unit" value="{/page/@unit}"/>
        <xsl:call-template name="terms-fields"/>
        <div class="form-actions"><button type="submit" id="new">新建参保申请</button></div>
      </form>
    </section>
    <section class="card">
      <h2>本单位的参保申请</h2>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'enrolls'"/>
        <xsl:with-param name="count" select="count(enrolls/enroll)"/>
        <xsl:with-param name="empty">暂无参保申请。</xsl:with-param>
        <xsl:with-param name="list" select="enrolls"/>
        <xsl:with-param name="href" select="concat('/u/enroll?unit=', /page/@unit, '&amp;')"/>
        <xsl:with-param name="head"><th>申请编号</th><th>保障计划</th><th>申请类型</th><th>保障期</th><th>人数</th><th>应缴金额</th><th>状态</th><th>更新时间</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="enrolls/enroll">
            <tr data-id="{@id}">
              <td><a href="/u/enroll?id={@id}"><xsl:value-of select="no"/></a></td>
              <td class="wrap"><xsl:value-of select="plan"/></td>
              <td><xsl:call-template name="kind-label"><xsl:with-param name="kind" select="@kind"/></xsl:call-template></td>
              <td><xsl:value-of select="period-start"/> 至 <xsl:value-of select="period-end"/></td>
              <td><xsl:value-of select="headcount"/></td>
              <td class="num"><xsl:value-of select="due"/></td>
              <td><xsl:call-template name="state-chip"><xsl:with-param name="state" select="@state"/><xsl:with-param name="label" select="@state-seen"/></xsl:call-template></td>
              <td><xsl:value-of select="updated"/></td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- Seed 004's bar: 1 提交申请 … 6 已办结. -->
  <xsl:template name="progress">
    <xsl:param name="at"/>
    <ol class="progress" id="progress" data-at="{$at}">
      <xsl:call-template name="progress-step"><xsl:with-param name="n" select="1"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label">提交申请</xsl:with-param></xsl:call-template>
      <xsl:call-template name="progress-step"><xsl:with-param name="n" select="2"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label">待初审</xsl:with-param></xsl:call-template>
      <xsl:call-template name="progress-step"><xsl:with-param name="n" select="3"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label">待复审</xsl:with-param></xsl:call-template>
      <xsl:call-template name="progress-step"><xsl:with-param name="n" select="4"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label">上传缴费凭证</xsl:with-param></xsl:call-template>
      <xsl:call-template name="progress-step"><xsl:with-param name="n" select="5"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label">待确认</xsl:with-param></xsl:call-template>
      <xsl:call-template name="progress-step"><xsl:with-param name="n" select="6"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label">已办结</xsl:with-param></xsl:call-template>
    </ol>
  </xsl:template>
  <xsl:template name="progress-step">
    <xsl:param name="n"/>
    <xsl:param name="at"/>
    <xsl:param name="label"/>
    <li>
      <xsl:attribute name="class">
        <xsl:choose>
          <xsl:when test="$n &lt; $at or $at = 6">done</xsl:when>
          <xsl:when test="$n = $at">current</xsl:when>
          <xsl:otherwise>todo</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <span class="n"><xsl:value-of select="$n"/></span><xsl:value-of select="$label"/>
    </li>
  </xsl:template>

  <xsl:template name="item">
    <xsl:variable name="e" select="enroll"/>
    <xsl:variable name="edit" select="$e/@editable"/>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">参保申请 <xsl:value-of select="$e/no"/></xsl:with-param>
        <xsl:with-param name="sub"><xsl:value-of select="$e/unit"/> · <xsl:value-of select="$e/plan"/></xsl:with-param>
        <xsl:with-param name="actions">
          <a class="button secondary" href="/u/enroll/form.xlsx?id={$e/@id}" id="export-form">导出申请单</a>
          <xsl:if test="$e/@progress &gt;= 4">
            <a class="button" href="/u/enroll/notice.xlsx?id={$e/@id}" id="notice">下载缴费通知单</a>
          </xsl:if>
          <a class="button secondary" href="/u/enroll?unit={$e/unit-id/@id}">返回列表</a>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="progress"><xsl:with-param name="at" select="$e/@progress"/></xsl:call-template>
      <p>状态：<span id="enroll-state"><xsl:call-template name="state-chip"><xsl:with-param name="state" select="$e/@state"/><xsl:with-param name="label" select="$e/@state-seen"/></xsl:call-template></span></p>
      <xsl:call-template name="messages"/>
      <xsl:if test="($e/@state = 'returned' or $e/@state = 'payment') and $e/timeline/step[last()]/@decision = 'return'">
        <p class="msg msg-error" id="return-reason">退回原因：<xsl:value-of select="$e/timeline/step[last()]/reason"/></p>
      </xsl:if>
    </section>

    <section class="card" id="info">
      <h2>申请信息</h2>
      <dl class="data">
        <dt>申请编号</dt><dd id="d-no"><xsl:value-of select="$e/no"/></dd>
        <dt>申请类型</dt><dd><xsl:value-of select="$e/kind-label"/></dd>
        <dt>保障计划</dt><dd id="d-plan"><xsl:value-of select="$e/plan"/></dd>
        <dt>保障期</dt><dd id="d-period"><xsl:value-of select="$e/period-start"/> 至 <xsl:value-of select="$e/period-end"/></dd>
        <dt>单位名称</dt><dd><xsl:value-of select="$e/unit"/></dd>
        <dt>工会主席</dt><dd><xsl:value-of select="$e/chairman"/></dd>
        <dt>工会联系人</dt><dd><xsl:value-of select="$e/contact"/></dd>
        <dt>联系人手机</dt><dd><xsl:value-of select="$e/contact-phone"/></dd>
        <dt>单位性质</dt><dd><xsl:value-of select="$e/nature"/></dd>
        <dt>职工人数</dt><dd><xsl:value-of select="$e/employees"/></dd>
        <dt>参保人数</dt><dd id="d-headcount"><xsl:value-of select="$e/headcount"/></dd>
        <dt>参保比例</dt><dd id="d-ratio"><xsl:value-of select="$e/ratio"/></dd>
        <dt>每人保费</dt><dd><xsl:value-of select="$e/premium"/> 元</dd>
        <dt>应缴金额</dt><dd id="d-due"><xsl:value-of select="$e/due"/> 元</dd>
        <dt>经办人</dt><dd><xsl:value-of select="$e/agent"/>（<xsl:value-of select="$e/agent-phone"/>）</dd>
      </dl>
      <xsl:if test="$edit">
        <p class="hint">工会主席、联系人等信息取自单位信息，如需修改请到<a href="/u/units">单位信息管理</a>。</p>
        <form method="post" action="/u/enroll/terms" class="grid2" id="terms-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$e/@id}"/>
          <xsl:call-template name="terms-fields">
            <xsl:with-param name="plan" select="$e/plan/@id"/>
            <xsl:with-param name="kind" select="$e/@kind"/>
            <xsl:with-param name="start" select="$e/period-start"/>
          </xsl:call-template>
          <div class="form-actions"><button type="submit" class="secondary" id="save-terms">保存申请信息</button></div>
        </form>
      </xsl:if>
    </section>

    <section class="card" id="accounts-card">
      <h2>缴费账号</h2>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'accounts'"/>
        <xsl:with-param name="count" select="count($e/accounts/account)"/>
        <xsl:with-param name="empty">尚未填写缴费账号。请填写用于缴交保费的银行账号，可以填写多个。</xsl:with-param>
        <xsl:with-param name="head"><th>户名</th><th>开户行</th><th>账号</th><xsl:if test="$edit"><th>操作</th></xsl:if></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="$e/accounts/account">
            <tr>
              <td><xsl:value-of select="holder"/></td><td><xsl:value-of select="bank"/></td><td><xsl:value-of select="account"/></td>
              <xsl:if test="$edit"><td>
                <form method="post" action="/u/enroll/account/remove" class="inline">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="id" value="{$e/@id}"/>
                  <input type="hidden" name="account" value="{@id}"/>
                  <button type="submit" class="link">删除</button>
                </form>
              </td></xsl:if>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$edit">
        <form method="post" action="/u/enroll/account" class="grid2" id="account-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$e/@id}"/>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'holder'"/><xsl:with-param name="label" select="'户名'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'bank'"/><xsl:with-param name="label" select="'开户行'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'account'"/><xsl:with-param name="label" select="'账号'"/><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
          <div class="form-actions"><button type="submit" class="secondary" id="add-account">添加缴费账号</button></div>
        </form>
      </xsl:if>
    </section>

    <xsl:if test="$e/ineligible">
      <section class="card" id="ineligible-card">
        <xsl:call-template name="page-head">
          <xsl:with-param name="title">不可参保人员名单（<xsl:value-of select="$e/ineligible/@total"/>人）</xsl:with-param>
          <xsl:with-param name="sub">请按不可参保原因在职工名册中修改后重新导入，或将他们全部移除后再上报。</xsl:with-param>
          <xsl:with-param name="actions">
            <a class="button secondary" href="/u/enroll/ineligible.xlsx?id={$e/@id}" id="export-ineligible">导出不可参保人员名单</a>
            <xsl:if test="$edit">
              <form method="post" action="/u/enroll/unlist" class="inline">
                <xsl:call-template name="csrf"/>
                <input type="hidden" name="id" value="{$e/@id}"/>
                <input type="hidden" name="ineligible" value="1"/>
                <button type="submit" class="danger" id="unlist-ineligible">全部移除</button>
              </form>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="data-table">
          <xsl:with-param name="id" select="'ineligible'"/>
          <xsl:with-param name="count" select="count($e/ineligible/member)"/>
          <xsl:with-param name="list" select="$e/ineligible"/>
          <xsl:with-param name="href" select="concat('/u/enroll?id=', $e/@id, '&amp;b')"/>
          <xsl:with-param name="head"><th>姓名</th><th>证件号码</th><th>不可参保原因</th></xsl:with-param>
          <xsl:with-param name="rows">
            <xsl:for-each select="$e/ineligible/member">
              <tr><td><xsl:value-of select="name"/></td><td><xsl:value-of select="id-number"/></td><td class="wrap err"><xsl:value-of select="problem"/></td></tr>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </section>
    </xsl:if>

    <section class="card" id="members-card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">参保人员信息（<xsl:value-of select="$e/members/@total"/>人）</xsl:with-param>
        <xsl:with-param name="actions">
          <xsl:if test="$edit">
            <a class="button" href="/u/enroll/pick?id={$e/@id}&amp;status=new" id="pick">增加参保职工</a>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$edit">
        <form method="post" action="/u/enroll/import" enctype="multipart/form-data" class="import-form" id="import-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$e/@id}"/>
          <span class="hint">也可以导入参保人员名单（续保提醒导出的名单或参保花名册，列：序号、姓名、居民身份证号、社保卡银行卡号、开户行、手机号、备注）：</span>
          <xsl:call-template name="file-picker"><xsl:with-param name="name" select="'file'"/><xsl:with-param name="accept" select="'.xlsx'"/></xsl:call-template>
          <button type="submit" class="secondary" id="import">导入名单</button>
        </form>
      </xsl:if>
      <xsl:call-template name="filter-bar">
        <xsl:with-param name="action" select="'/u/enroll'"/>
        <xsl:with-param name="q" select="$e/@q"/>
        <xsl:with-param name="placeholder" select="'姓名或证件号码'"/>
        <xsl:with-param name="hidden"><input type="hidden" name="id" value="{$e/@id}"/></xsl:with-param>
        <xsl:with-param name="clear" select="concat('/u/enroll?id=', $e/@id)"/>
      </xsl:call-template>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'members'"/>
        <xsl:with-param name="count" select="count($e/members/member)"/>
        <xsl:with-param name="empty">尚未添加参保人员。点击“增加参保职工”从职工名册中选择，或导入名单。</xsl:with-param>
        <xsl:with-param name="list" select="$e/members"/>
        <xsl:with-param name="href" select="concat('/u/enroll?id=', $e/@id, '&amp;q=', $e/@q, '&amp;')"/>
        <xsl:with-param name="head"><th>姓名</th><th>证件号码</th><th>性别</th><th>出生日期</th><th>手机号</th><th>提示</th><xsl:if test="$edit"><th>操作</th></xsl:if></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="$e/members/member">
            <tr data-row="{@row}">
              <td><xsl:value-of select="name"/></td>
              <td><xsl:value-of select="id-number"/></td>
              <td><xsl:choose><xsl:when test="gender = 'F'">女</xsl:when><xsl:when test="gender = 'M'">男</xsl:when></xsl:choose></td>
              <td><xsl:value-of select="birth"/></td>
              <td><xsl:value-of select="phone"/></td>
              <td class="wrap">
                <xsl:if test="problem != ''"><span class="err"><xsl:value-of select="problem"/></span></xsl:if>
                <xsl:if test="warning != ''"><span class="warn"><xsl:value-of select="warning"/></span></xsl:if>
              </td>
              <xsl:if test="$edit"><td>
                <form method="post" action="/u/enroll/unlist" class="inline">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="id" value="{$e/@id}"/>
                  <input type="hidden" name="row" value="{@row}"/>
                  <button type="submit" class="link">移除</button>
                </form>
              </td></xsl:if>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>

    <section class="card" id="materials-card">
      <h2>申请材料</h2>
      <xsl:call-template name="materials">
        <xsl:with-param name="files" select="$e/materials"/>
        <xsl:with-param name="href" select="concat('/u/enroll/file?id=', $e/@id, '&amp;file=')"/>
      </xsl:call-template>
      <xsl:if test="$edit">
        <form method="post" action="/u/enroll/upload" enctype="multipart/form-data" class="import-form" id="upload-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$e/@id}"/>
          <input type="hidden" name="kind" value="enroll_form"/>
          <xsl:call-template name="file-picker"><xsl:with-param name="name" select="'file'"/><xsl:with-param name="id" select="'file-material'"/><xsl:with-param name="accept" select="'.jpg,.jpeg,.png,.pdf'"/></xsl:call-template>
          <button type="submit" class="secondary" id="upload">上传材料</button>
        </form>
        <div class="form-actions">
          <form method="post" action="/u/enroll/submit" class="inline" id="submit-form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$e/@id}"/>
            <button type="submit" id="submit">提交</button>
          </form>
          <form method="post" action="/u/enroll/cancel" class="inline" id="cancel-form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$e/@id}"/>
            <button type="submit" class="danger" id="cancel">删除申请</button>
          </form>
        </div>
      </xsl:if>
    </section>

    <xsl:if test="$e/@progress &gt;= 4">
      <section class="card" id="payment-card">
        <h2>缴费</h2>
        <dl class="data">
          <dt>应缴金额</dt><dd id="p-due"><xsl:value-of select="$e/due"/> 元</dd>
          <dt>缴费截止日期</dt><dd><xsl:value-of select="$e/due-date"/></dd>
          <dt>实缴金额</dt><dd id="p-paid"><xsl:choose><xsl:when test="$e/paid"><xsl:value-of select="$e/paid"/> 元（<xsl:value-of select="$e/paid-on"/>）</xsl:when><xsl:otherwise><span class="muted">未填写</span></xsl:otherwise></xsl:choose></dd>
        </dl>
        <xsl:if test="$e/@paying">
          <p class="hint">请按缴费通知单缴费，汇款附言填写申请编号 <b><xsl:value-of select="$e/no"/></b>。缴费后填写实缴金额、上传缴费凭证<xsl:if test="$e/@scan">和加盖公章的参保花名册</xsl:if>，点击“确认提交”。</p>
          <form method="post" action="/u/enroll/pay" class="grid2" id="pay-form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$e/@id}"/>
            <xsl:call-template name="input"><xsl:with-param name="name" select="'paid'"/><xsl:with-param name="label" select="'实缴金额（元）'"/><xsl:with-param name="inputmode" select="'decimal'"/></xsl:call-template>
            <xsl:call-template name="input"><xsl:with-param name="name" select="'paid_on'"/><xsl:with-param name="label" select="'缴费日期'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
            <div class="form-actions"><button type="submit" class="secondary" id="save-paid">保存实缴金额</button></div>
          </form>
          <form method="post" action="/u/enroll/upload" enctype="multipart/form-data" class="import-form" id="voucher-form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$e/@id}"/>
            <select name="kind" aria-label="材料类型">
              <option value="voucher">缴费凭证</option>
              <xsl:if test="$e/@scan"><option value="roster_scan">盖章参保花名册</option></xsl:if>
            </select>
            <xsl:call-template name="file-picker"><xsl:with-param name="name" select="'file'"/><xsl:with-param name="id" select="'file-voucher'"/><xsl:with-param name="accept" select="'.jpg,.jpeg,.png,.pdf'"/></xsl:call-template>
            <button type="submit" class="secondary" id="upload-voucher">上传缴费凭证</button>
          </form>
          <form method="post" action="/u/enroll/pay/submit" class="form-actions" id="pay-submit-form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$e/@id}"/>
            <button type="submit" id="pay-submit">确认提交</button>
          </form>
        </xsl:if>
      </section>
    </xsl:if>

    <section class="card">
      <xsl:call-template name="timeline"><xsl:with-param name="steps" select="$e/timeline"/></xsl:call-template>
    </section>
  </xsl:template>

  <!-- 增加参保职工: the roster with each person's standing. -->
  <xsl:template name="pick">
    <xsl:variable name="e" select="enroll"/>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">增加参保职工</xsl:with-param>
        <xsl:with-param name="sub"><xsl:value-of select="$e/no"/> · <xsl:value-of select="$e/plan"/> · 保障期 <xsl:value-of select="$e/period-start"/> 至 <xsl:value-of select="$e/period-end"/></xsl:with-param>
        <xsl:with-param name="actions">
          <form method="post" action="/u/enroll/pick" class="inline">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$e/@id}"/>
            <input type="hidden" name="all_new" value="1"/>
            <button type="submit" id="pick-all">选择全部未参保人员</button>
          </form>
          <a class="button secondary" href="/u/enroll?id={$e/@id}">返回申请</a>
        </xsl:with-param>
      </xsl:call-template>
      <form method="get" action="/u/enroll/pick" class="filter-bar" id="search" role="search">
        <input type="hidden" name="id" value="{$e/@id}"/>
        <input type="search" name="q" value="{/page/@q}" placeholder="姓名或证件号码" aria-label="姓名或证件号码"/>
        <select name="status" aria-label="参保状态">
          <option value="">全部</option>
          <option value="new"><xsl:if test="/page/@status = 'new'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>未参保</option>
          <option value="listed"><xsl:if test="/page/@status = 'listed'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>已在本申请中</option>
          <option value="covered"><xsl:if test="/page/@status = 'covered'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>已参保</option>
        </select>
        <button type="submit" class="secondary">查询</button>
      </form>
      <form method="post" action="/u/enroll/pick" id="pick-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{$e/@id}"/>
        <xsl:call-template name="data-table">
          <xsl:with-param name="id" select="'roster'"/>
          <xsl:with-param name="count" select="count(roster/person)"/>
          <xsl:with-param name="empty">没有符合条件的职工。</xsl:with-param>
          <xsl:with-param name="list" select="roster"/>
          <xsl:with-param name="href" select="concat('/u/enroll/pick?id=', $e/@id, '&amp;q=', /page/@q, '&amp;status=', /page/@status, '&amp;')"/>
          <xsl:with-param name="head"><th>选择</th><th>姓名</th><th>证件号码</th><th>性别</th><th>出生日期</th><th>参保状态</th></xsl:with-param>
          <xsl:with-param name="rows">
            <xsl:for-each select="roster/person">
              <tr data-id="{@id}">
                <td><xsl:if test="not(@listed) and not(@covered)"><input type="checkbox" name="member" value="{@id}" aria-label="选择{name}"/></xsl:if></td>
                <td><xsl:value-of select="name"/></td>
                <td><xsl:value-of select="id-number"/></td>
                <td><xsl:choose><xsl:when test="gender = 'F'">女</xsl:when><xsl:when test="gender = 'M'">男</xsl:when></xsl:choose></td>
                <td><xsl:value-of select="birth"/></td>
                <td><xsl:choose>
                  <xsl:when test="@listed"><span class="chip chip-info">已在本申请中</span></xsl:when>
                  <xsl:when test="@covered"><span class="chip chip-ok">已参保</span></xsl:when>
                  <xsl:otherwise><span class="chip chip-muted">未参保</span></xsl:otherwise>
                </xsl:choose></td>
              </tr>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <div class="form-actions"><button type="submit" id="pick-selected">确定</button></div>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
