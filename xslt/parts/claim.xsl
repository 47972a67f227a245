<?xml version="1.0" encoding="UTF-8"?>
<!--
  补助申请: the detail every portal shows (SPEC §6): what, who, when, the
  stay or the event, the money (待定 until 审核通过), the explanation line
  by line, the 备注 of a return, and the payout account masked.
  Used by the review desk's body, the unit's and the member's pages.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- The amount as the filer sees it: 待定 until approved. -->
  <xsl:template name="claim-amount">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c/amount"><xsl:value-of select="$c/amount"/> 元</xsl:when>
      <xsl:otherwise>待定</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 材料待补充 when a return asked for materials (seed 002). -->
  <xsl:template name="claim-remark">
    <xsl:param name="c"/>
    <xsl:if test="$c/remark">
      <p class="msg msg-error" id="claim-remark">
        <strong><xsl:choose>
          <xsl:when test="$c/@state = 'failed'">打款失败：</xsl:when>
          <xsl:when test="contains($c/remark, '材料')">材料待补充：</xsl:when>
          <xsl:otherwise>已驳回：</xsl:otherwise>
        </xsl:choose></strong>
        <xsl:value-of select="$c/remark"/>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="claim-data">
    <xsl:param name="c"/>
    <dl class="data" id="claim-data">
      <dt>申请单号</dt><dd id="c-no"><xsl:value-of select="$c/no"/></dd>
      <dt>补助类型</dt><dd id="c-kind"><xsl:value-of select="$c/kind-label"/></dd>
      <dt>补助人</dt><dd id="c-person"><xsl:value-of select="$c/person"/>（<xsl:value-of select="$c/id-number"/>）</dd>
      <dt>所在单位</dt><dd><xsl:value-of select="$c/unit"/></dd>
      <dt>创建时间</dt><dd><xsl:value-of select="$c/created"/></dd>
      <dt>状态</dt><dd id="c-state"><xsl:choose>
        <xsl:when test="/page/@portal = '/o/'"><xsl:value-of select="$c/@state-label"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$c/@state-seen"/></xsl:otherwise></xsl:choose></dd>
      <dt>打款状态</dt><dd id="c-pay-state"><xsl:value-of select="$c/pay-state"/></dd>
      <xsl:if test="$c/hospital != ''"><dt>就诊医院</dt><dd><xsl:value-of select="$c/hospital"/></dd></xsl:if>
      <xsl:if test="$c/admitted != ''"><dt>住院周期</dt><dd id="c-stay"><xsl:value-of select="$c/admitted"/> ~ <xsl:value-of select="$c/discharged"/></dd></xsl:if>
      <xsl:if test="$c/event-on != ''"><dt>
        <xsl:choose>
          <xsl:when test="$c/@kind = 'death'">亡故日期</xsl:when>
          <xsl:when test="$c/@kind = 'accident'">出险日期</xsl:when>
          <xsl:when test="$c/@kind = 'disability'">工伤认定日期</xsl:when>
          <xsl:otherwise>确诊日期</xsl:otherwise>
        </xsl:choose></dt><dd><xsl:value-of select="$c/event-on"/></dd></xsl:if>
      <xsl:if test="$c/disease != ''"><dt>疾病名称</dt><dd><xsl:value-of select="$c/disease"/></dd></xsl:if>
      <xsl:if test="$c/story != ''"><dt>事故经过</dt><dd class="wrap"><xsl:value-of select="$c/story"/></dd></xsl:if>
      <xsl:if test="$c/grade"><dt>伤残等级</dt><dd><xsl:value-of select="$c/grade"/> 级</dd></xsl:if>
      <xsl:if test="$c/died"><dt>意外身故</dt><dd>是</dd></xsl:if>
      <xsl:if test="$c/invoice-no != ''"><dt>收费票据号</dt><dd><xsl:value-of select="$c/invoice-no"/></dd></xsl:if>
      <xsl:if test="$c/total-cost"><dt>住院总费用</dt><dd id="c-total"><xsl:value-of select="$c/total-cost"/> 元</dd></xsl:if>
      <xsl:if test="$c/base"><dt>补助基数</dt><dd id="c-base"><xsl:value-of select="$c/base"/> 元</dd></xsl:if>
      <xsl:if test="$c/medical"><dt>意外医疗费用</dt><dd><xsl:value-of select="$c/medical"/> 元</dd></xsl:if>
      <dt>补助金额</dt><dd id="c-amount" class="num"><xsl:call-template name="claim-amount"><xsl:with-param name="c" select="$c"/></xsl:call-template></dd>
      <dt>收款账户</dt><dd id="c-account"><xsl:value-of select="$c/payee"/><xsl:if test="$c/card != ''"> · <xsl:value-of select="$c/card"/></xsl:if><xsl:if test="$c/bank != ''"> · <xsl:value-of select="concat($c/bank, ' ', $c/branch)"/></xsl:if></dd>
      <xsl:if test="$c/payee-note != ''"><dt>开户人说明</dt><dd class="wrap"><xsl:value-of select="$c/payee-note"/></dd></xsl:if>
    </dl>
  </xsl:template>

  <!-- 计算说明: the benefit engine's lines (approved; the desk also sees
       review1's computation). -->
  <xsl:template name="claim-explanation">
    <xsl:param name="lines"/>
    <xsl:param name="id" select="'c-explanation'"/>
    <xsl:if test="$lines/line">
      <ol class="explain" id="{$id}">
        <xsl:for-each select="$lines/line"><li><xsl:value-of select="."/></li></xsl:for-each>
      </ol>
    </xsl:if>
  </xsl:template>

  <!-- The unit's and the member's lists. -->
  <xsl:template name="claim-rows">
    <xsl:param name="list"/>
    <xsl:param name="href"/>
    <div class="table-wrap">
      <table class="list" id="claims">
        <thead><tr><th>申请单号</th><th>补助类型</th><th>补助人</th><th>创建时间</th><th>住院/出险日期</th><th>补助金额</th><th>状态</th></tr></thead>
        <tbody>
          <xsl:for-each select="$list/claim">
            <tr data-id="{@id}">
              <td><a href="{$href}{@id}"><xsl:value-of select="no"/></a></td>
              <td><xsl:value-of select="kind-label"/></td>
              <td><xsl:value-of select="person"/></td>
              <td><xsl:value-of select="created"/></td>
              <td><xsl:choose><xsl:when test="admitted != ''"><xsl:value-of select="admitted"/></xsl:when><xsl:otherwise><xsl:value-of select="event-on"/></xsl:otherwise></xsl:choose></td>
              <td class="num"><xsl:choose><xsl:when test="amount != ''"><xsl:value-of select="amount"/></xsl:when><xsl:otherwise>待定</xsl:otherwise></xsl:choose></td>
              <td><xsl:call-template name="state-chip"><xsl:with-param name="state" select="@state"/><xsl:with-param name="label" select="@state-seen"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- 补助记录: the filter (the office's adds 保障计划 and 区/产业工会),
       查询 and 导出 with the same filter. -->
  <xsl:template name="claim-records-filter">
    <xsl:param name="action"/>
    <xsl:param name="export"/>
    <xsl:param name="reset"/>
    <xsl:param name="office" select="false()"/>
    <xsl:variable name="l" select="/page/records"/>
    <form method="get" action="{$action}" class="filters" id="records-filter" role="search">
      <xsl:if test="not($office)"><input type="hidden" name="unit" value="{/page/@unit}"/></xsl:if>
      <label>补助人（姓名或证件号码）<input type="search" name="person" id="f-person" value="{$l/@person}" maxlength="60" autocomplete="off"/></label>
      <label>手机号<input type="text" name="phone" id="f-phone" value="{$l/@phone}" inputmode="numeric" maxlength="11" autocomplete="off"/></label>
      <label>补助类型
        <select name="kind" id="f-kind">
          <option value="">全部</option>
          <xsl:call-template name="claim-kind-option"><xsl:with-param name="v" select="'inpatient'"/><xsl:with-param name="t" select="'住院医疗'"/></xsl:call-template>
          <xsl:call-template name="claim-kind-option"><xsl:with-param name="v" select="'days'"/><xsl:with-param name="t" select="'住院天数'"/></xsl:call-template>
          <xsl:call-template name="claim-kind-option"><xsl:with-param name="v" select="'critical'"/><xsl:with-param name="t" select="'重大疾病'"/></xsl:call-template>
          <xsl:call-template name="claim-kind-option"><xsl:with-param name="v" select="'female'"/><xsl:with-param name="t" select="'女职工特殊疾病'"/></xsl:call-template>
          <xsl:call-template name="claim-kind-option"><xsl:with-param name="v" select="'accident'"/><xsl:with-param name="t" select="'意外伤害'"/></xsl:call-template>
          <xsl:call-template name="claim-kind-option"><xsl:with-param name="v" select="'death'"/><xsl:with-param name="t" select="'亡故'"/></xsl:call-template>
          <xsl:call-template name="claim-kind-option"><xsl:with-param name="v" select="'disability'"/><xsl:with-param name="t" select="'工伤致残'"/></xsl:call-template>
        </select>
      </label>
      <label>申请日期从<input type="date" name="from" id="f-from" value="{$l/@from}"/></label>
      <label>至<input type="date" name="to" id="f-to" value="{$l/@to}"/></label>
      <xsl:if test="$office">
        <label>保障计划
          <select name="plan" id="f-plan">
            <option value="">全部</option>
            <xsl:for-each select="/page/plans/plan">
              <option value="{@id}"><xsl:if test="$l/@plan = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
            </xsl:for-each>
          </select>
        </label>
        <label>区/产业工会
          <select name="district" id="f-district">
            <option value="">全部</option>
            <xsl:for-each select="/page/districts/district">
              <option value="{@id}"><xsl:if test="$l/@district = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
            </xsl:for-each>
          </select>
        </label>
      </xsl:if>
      <span class="form-actions">
        <button type="submit" class="primary" id="search">查询</button>
        <a href="{$reset}" id="reset">重置</a>
        <button type="submit" class="secondary" formaction="{$export}" id="export">导出</button>
      </span>
    </form>
  </xsl:template>

  <xsl:template name="claim-kind-option">
    <xsl:param name="v"/>
    <xsl:param name="t"/>
    <option value="{$v}"><xsl:if test="/page/records/@kind = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="$t"/></option>
  </xsl:template>

  <!-- 补助记录's rows; $office adds 单位 and 区/产业工会; $href a claim's
       page (id appended), $more the list with the filter ending in &. -->
  <xsl:template name="claim-records-table">
    <xsl:param name="office" select="false()"/>
    <xsl:param name="href" select="''"/>
    <xsl:param name="more"/>
    <xsl:variable name="l" select="/page/records"/>
    <xsl:choose>
      <xsl:when test="$l/record">
        <div class="table-wrap">
          <table class="list" id="records">
            <thead><tr><th>申请单号</th><th>补助类型</th><th>补助人</th><th>证件号码</th><th>手机号</th>
              <xsl:if test="$office"><th>单位</th><th>区/产业工会</th></xsl:if>
              <th>申请日期</th><th>住院/出险日期</th><th>补助金额</th><th>状态</th></tr></thead>
            <tbody>
              <xsl:for-each select="$l/record">
                <tr data-id="{@id}">
                  <td><xsl:choose><xsl:when test="$href != ''"><a href="{$href}{@id}"><xsl:value-of select="no"/></a></xsl:when><xsl:otherwise><xsl:value-of select="no"/></xsl:otherwise></xsl:choose></td>
                  <td><xsl:value-of select="kind-label"/></td>
                  <td><xsl:value-of select="person"/></td>
                  <td><xsl:value-of select="id-number"/></td>
                  <td><xsl:value-of select="phone"/></td>
                  <xsl:if test="$office"><td><xsl:value-of select="unit"/></td><td><xsl:value-of select="district"/></td></xsl:if>
                  <td><xsl:value-of select="created"/></td>
                  <td><xsl:value-of select="day"/></td>
                  <td class="num"><xsl:choose><xsl:when test="amount != ''"><xsl:value-of select="amount"/></xsl:when><xsl:otherwise>待定</xsl:otherwise></xsl:choose></td>
                  <td><xsl:call-template name="state-chip"><xsl:with-param name="state" select="@state"/><xsl:with-param name="label" select="@state-label"/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <nav class="pager" id="pager" aria-label="分页">
          <span>第 <xsl:value-of select="$l/@page"/> 页</span>
          <xsl:if test="$l/@page &gt; 1"><a href="{$more}page={$l/@page - 1}" id="prev">上一页</a></xsl:if>
          <xsl:if test="$l/@next"><a href="{$more}page={$l/@page + 1}" id="next">下一页</a></xsl:if>
        </nav>
      </xsl:when>
      <xsl:otherwise><div class="empty-state"><p class="empty" id="no-records">没有符合条件的补助记录。</p></div></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
