<?xml version="1.0" encoding="UTF-8"?>
<!-- 参保记录: pick a unit, then query its coverage records by 申请编号,
     证件号码, 参保项目 and 参保年份 (this year unless chosen), and export
     what the filter finds. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/coverage.xsl"/>
  <xsl:template match="/page" mode="title">参保记录</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'coverage'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="not(@unit)">
        <xsl:call-template name="aid-units">
          <xsl:with-param name="title" select="'参保记录'"/>
          <xsl:with-param name="href" select="'/u/coverage?unit='"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="records"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="records">
    <xsl:variable name="u" select="@unit"/>
    <xsl:variable name="c" select="coverage"/>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">参保记录 · <span id="unit-name"><xsl:value-of select="units/unit[@id = $u]/name"/></span></xsl:with-param>
        <xsl:with-param name="sub"><span class="count">共 <b id="coverage-total"><xsl:value-of select="$c/@total"/></b> 条</span>
          <xsl:text> · </xsl:text><xsl:choose><xsl:when test="$c/@year = 'all'">全部年份</xsl:when><xsl:otherwise><xsl:value-of select="$c/@year"/>年度</xsl:otherwise></xsl:choose></xsl:with-param>
        <xsl:with-param name="actions"><a class="button secondary" href="/u/invoices?unit={$u}" id="to-invoices">发票管理</a></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="coverage-filter">
        <xsl:with-param name="action" select="'/u/coverage'"/>
        <xsl:with-param name="export" select="'/x/coverage.xlsx'"/>
        <xsl:with-param name="hidden"><input type="hidden" name="unit" value="{$u}"/></xsl:with-param>
        <xsl:with-param name="reset" select="concat('/u/coverage?unit=', $u)"/>
      </xsl:call-template>
      <xsl:call-template name="coverage-table">
        <xsl:with-param name="href" select="concat('/u/coverage?unit=', $u, '&amp;no=', $c/@no, '&amp;id=', $c/@id, '&amp;plan=', $c/@plan, '&amp;year=', $c/@year, '&amp;')"/>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
