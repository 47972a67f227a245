<?xml version="1.0" encoding="UTF-8"?>
<!-- 保障计划 (admin): every plan with its version in force. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/plan.xsl"/>
  <xsl:template match="/page" mode="title">保障计划</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'plans'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">保障计划</xsl:with-param>
        <xsl:with-param name="sub">单位为职工参保的互助保障项目。修改条款会生成新版本，已参保的记录仍按参保时的版本计算。</xsl:with-param>
        <xsl:with-param name="actions"><a class="button primary" href="/o/plans/new" id="new-plan">新增保障计划</a></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'plans'"/>
        <xsl:with-param name="count" select="count(plans/plan)"/>
        <xsl:with-param name="empty">还没有保障计划。点击“新增保障计划”添加。</xsl:with-param>
        <xsl:with-param name="head"><th>代码</th><th>计划名称</th><th>现行版本</th><th class="right">保费（元/人）</th><th>保障期限</th><th class="opt">集中参保期</th><th class="opt">性别</th><th class="opt">保障责任</th><th>状态</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="plans/plan">
            <tr data-plan="{@code}">
              <td class="code"><xsl:value-of select="@code"/></td>
              <td class="wrap name"><a href="/o/plan?id={@id}"><xsl:value-of select="name"/></a></td>
              <td class="version">第<xsl:value-of select="@version"/>版</td>
              <td class="right premium"><xsl:value-of select="premium"/></td>
              <td class="months"><xsl:value-of select="@months"/> 个月</td>
              <td class="opt window"><xsl:call-template name="plan-window"><xsl:with-param name="from" select="@from"/><xsl:with-param name="to" select="@to"/></xsl:call-template></td>
              <td class="opt gender"><xsl:call-template name="plan-gender"><xsl:with-param name="g" select="@gender"/></xsl:call-template></td>
              <td class="opt wrap items"><xsl:value-of select="items"/></td>
              <td class="state">
                <xsl:choose>
                  <xsl:when test="@active"><xsl:call-template name="chip"><xsl:with-param name="text">在售</xsl:with-param><xsl:with-param name="kind" select="'ok'"/></xsl:call-template></xsl:when>
                  <xsl:otherwise><xsl:call-template name="chip"><xsl:with-param name="text">已停售</xsl:with-param><xsl:with-param name="kind" select="'muted'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
    <section class="card" id="offered">
      <h2>单位参保时可选的计划</h2>
      <p class="hint">在售的计划，单位新建参保申请时可以选择；停售的计划不再出现，已参保的记录不受影响。</p>
      <xsl:choose>
        <xsl:when test="offered/plan">
          <ul class="offered">
            <xsl:for-each select="offered/plan">
              <li data-plan="{@code}"><span class="chip"><xsl:value-of select="@code"/></span><xsl:value-of select="."/></li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="muted" id="offered-none">目前没有在售的计划，单位无法新建参保申请。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
