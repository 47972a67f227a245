<?xml version="1.0" encoding="UTF-8"?>
<!-- 职工参保: the member's own coverage, one card per plan and period
     (plan, period, unit, application number, status), filtered by plan
     and year; phone first. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="../parts/coverage.xsl"/>
  <xsl:template match="/page" mode="title">职工参保</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="c" select="coverage"/>
    <p class="back"><a href="/m/" id="back">‹ 首页</a></p>
    <section class="card">
      <h1>职工参保</h1>
      <form method="get" action="/m/coverage" class="filters m-filters" id="coverage-filter" data-autosubmit="1">
        <xsl:call-template name="coverage-plan-year"/>
        <button type="submit" class="secondary" id="search">查询</button>
      </form>
      <p class="muted" id="coverage-total">
        <xsl:choose><xsl:when test="$c/@year = 'all'">全部年份</xsl:when><xsl:otherwise><xsl:value-of select="$c/@year"/>年度</xsl:otherwise></xsl:choose>
        共 <xsl:value-of select="$c/@total"/> 条参保记录</p>
    </section>
    <xsl:choose>
      <xsl:when test="$c/record">
        <ul class="coverage-cards" id="coverage">
          <xsl:for-each select="$c/record">
            <li class="card coverage-card" data-coverage="{@id}" data-status="{@status}">
              <div class="head">
                <h2 class="plan"><xsl:value-of select="plan"/></h2>
                <xsl:call-template name="coverage-status"><xsl:with-param name="status" select="@status"/></xsl:call-template>
              </div>
              <dl class="data">
                <dt>保障期间</dt><dd class="period"><xsl:value-of select="starts"/> 至 <xsl:value-of select="ends"/></dd>
                <dt>参保单位</dt><dd class="unit"><xsl:value-of select="unit"/></dd>
                <dt>申请编号</dt><dd class="no"><xsl:value-of select="no"/></dd>
              </dl>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:if test="$c/@pages &gt; 1">
          <xsl:call-template name="pager">
            <xsl:with-param name="list" select="$c"/>
            <xsl:with-param name="href" select="concat('/m/coverage?plan=', $c/@plan, '&amp;year=', $c/@year, '&amp;')"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <div class="empty-state"><p class="empty" id="coverage-empty">暂无参保记录。单位为您办理参保并经协会确认后，记录会显示在这里。</p></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
