<?xml version="1.0" encoding="UTF-8"?>
<!-- 参保记录 across units and districts: the unit's filter plus 区/产业工会
     and 单位名称; numbers masked; 导出 the same filter. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/coverage.xsl"/>
  <xsl:template match="/page" mode="title">参保记录</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="c" select="coverage"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'coverage'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">参保记录</xsl:with-param>
        <xsl:with-param name="sub"><span class="count">共 <b id="coverage-total"><xsl:value-of select="$c/@total"/></b> 条</span>
          <xsl:text> · </xsl:text><xsl:choose><xsl:when test="$c/@year = 'all'">全部年份</xsl:when><xsl:otherwise><xsl:value-of select="$c/@year"/>年度</xsl:otherwise></xsl:choose>
          <xsl:text> · 证件号码按默认方式打码显示</xsl:text></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="coverage-filter">
        <xsl:with-param name="action" select="'/o/coverage'"/>
        <xsl:with-param name="export" select="'/x/coverage-all.xlsx'"/>
        <xsl:with-param name="reset" select="'/o/coverage'"/>
        <xsl:with-param name="office" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="coverage-table">
        <xsl:with-param name="office" select="true()"/>
        <xsl:with-param name="href" select="concat('/o/coverage?no=', $c/@no, '&amp;id=', $c/@id, '&amp;plan=', $c/@plan, '&amp;year=', $c/@year, '&amp;district=', $c/@district, '&amp;unit_name=', $c/@unit-name, '&amp;')"/>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
