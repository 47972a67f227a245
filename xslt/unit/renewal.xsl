<?xml version="1.0" encoding="UTF-8"?>
<!-- 续保提醒: pick a unit, then the month's list of members whose coverage
     ends soon and who have not renewed, by plan, paged; 导出 as the 参保花名册
     and, for the plan picked, 发起续保申请. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">续保提醒</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'renewal'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="not(@unit)"><xsl:call-template name="choose-unit"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="renewal"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="choose-unit">
    <section class="card">
      <xsl:call-template name="page-head"><xsl:with-param name="title">续保提醒</xsl:with-param><xsl:with-param name="sub">请选择单位</xsl:with-param></xsl:call-template>
      <ul class="files" id="renewal-units">
        <xsl:for-each select="units/unit[@mutual-aid]">
          <li><a href="/u/renewal?unit={@id}"><xsl:value-of select="name"/></a></li>
        </xsl:for-each>
      </ul>
      <xsl:if test="not(units/unit[@mutual-aid])"><div class="empty-state"><p class="empty">您没有任何单位的医疗互助权限。</p></div></xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="renewal">
    <xsl:variable name="u" select="@unit"/>
    <xsl:variable name="l" select="renewal"/>
    <xsl:variable name="q" select="concat('unit=', $u, '&amp;month=', $l/@month, '&amp;plan=', $l/@plan)"/>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">续保提醒 · <span id="unit-name"><xsl:value-of select="units/unit[@id = $u]/name"/></span></xsl:with-param>
        <xsl:with-param name="sub"><span id="renewal-month"><xsl:value-of select="$l/@year"/>年<xsl:value-of select="$l/@mon"/>月</span>名单 · <span class="count">共 <b id="renewal-total"><xsl:value-of select="$l/@total"/></b> 条</span></xsl:with-param>
        <xsl:with-param name="actions">
          <a class="button secondary" href="/u/renewal.xlsx?{$q}" id="export">导出名单</a>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <p class="hint">每月1日生成名单：保障期在当月1日前<xsl:value-of select="$l/@days-past"/>天至后<xsl:value-of select="$l/@days-ahead"/>天内到期、尚未续保的职工；当日12时起向本单位经办人发送续保提醒短信。已续保的职工不再显示。导出的名单可修改后在参保申请中导入，办理续保。</p>
      <xsl:if test="$l/@built = '0'">
        <p class="msg msg-info" id="not-built">本月名单尚未生成，请于每月1日后查看。</p>
      </xsl:if>
      <form method="get" action="/u/renewal" class="filters" id="renewal-filter">
        <input type="hidden" name="unit" value="{$u}"/>
        <label>月份
          <select name="month" id="f-month">
            <option value="{$l/@month}" selected="selected"><xsl:value-of select="$l/@year"/>年<xsl:value-of select="$l/@mon"/>月</option>
            <xsl:for-each select="months/month[substring(@value, 1, 7) != $l/@month]">
              <option value="{substring(@value, 1, 7)}"><xsl:value-of select="substring(@value, 1, 4)"/>年<xsl:value-of select="number(substring(@value, 6, 2))"/>月</option>
            </xsl:for-each>
          </select>
        </label>
        <label>保障计划
          <select name="plan" id="f-plan">
            <option value="">全部保障计划</option>
            <xsl:for-each select="plans/plan">
              <option value="{@id}">
                <xsl:if test="@id = $l/@plan"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>（<xsl:value-of select="@count"/>条）
              </option>
            </xsl:for-each>
          </select>
        </label>
        <button type="submit" class="secondary">查询</button>
      </form>
      <xsl:choose>
        <xsl:when test="$l/@plan and $l/@total &gt; 0">
          <form method="post" action="/u/enroll/new" class="inline" id="renew-form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="unit" value="{$u}"/>
            <input type="hidden" name="plan" value="{$l/@plan}"/>
            <input type="hidden" name="from" value="renewal"/>
            <input type="hidden" name="month" value="{$l/@month}"/>
            <button type="submit" class="primary" id="renew">发起续保申请</button>
            <span class="hint">（<xsl:value-of select="plans/plan[@id = $l/@plan]"/>）</span>
          </form>
        </xsl:when>
        <xsl:when test="$l/@total &gt; 0">
          <p class="hint" id="pick-plan">选择保障计划后可发起该计划的续保申请。</p>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'renewal'"/>
        <xsl:with-param name="count" select="count($l/member)"/>
        <xsl:with-param name="list" select="$l"/>
        <xsl:with-param name="href" select="concat('/u/renewal?', $q, '&amp;')"/>
        <xsl:with-param name="empty">本月没有需要续保的职工。</xsl:with-param>
        <xsl:with-param name="head"><th>姓名</th><th>证件号码</th><th class="opt">手机号码</th><th>保障计划</th><th>保障期止</th><th>剩余天数</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="$l/member">
            <tr data-member="{@id}" data-plan="{@plan}" data-days="{@days}">
              <td class="name"><xsl:value-of select="name"/></td>
              <td class="id-number"><xsl:value-of select="id-number"/></td>
              <td class="opt"><xsl:value-of select="phone"/></td>
              <td class="plan"><xsl:value-of select="plan"/></td>
              <td class="ends"><xsl:value-of select="ends"/></td>
              <td class="days">
                <xsl:choose>
                  <xsl:when test="@days &gt; 0"><xsl:call-template name="chip"><xsl:with-param name="text" select="concat('剩余 ', @days, ' 天')"/><xsl:with-param name="kind" select="'warn'"/></xsl:call-template></xsl:when>
                  <xsl:when test="@days = 0"><xsl:call-template name="chip"><xsl:with-param name="text" select="'今日到期'"/><xsl:with-param name="kind" select="'warn'"/></xsl:call-template></xsl:when>
                  <xsl:otherwise><xsl:call-template name="chip"><xsl:with-param name="text" select="concat('已过期 ', -@days, ' 天')"/><xsl:with-param name="kind" select="'err'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
