<?xml version="1.0" encoding="UTF-8"?>
<!-- 补助记录 across units and districts: by 申请日期, 保障计划, 区/产业工会,
     补助类型 and person; numbers masked; 导出 the same filter. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/claim.xsl"/>
  <xsl:template match="/page" mode="title">补助记录</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="l" select="records"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'claims'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">补助记录</xsl:with-param>
        <xsl:with-param name="sub">已提交的补助申请 · 证件号码和手机号按默认方式打码显示</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:call-template name="claim-records-filter">
        <xsl:with-param name="action" select="'/o/claims'"/>
        <xsl:with-param name="export" select="'/x/claims-all.xlsx'"/>
        <xsl:with-param name="reset" select="'/o/claims'"/>
        <xsl:with-param name="office" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="claim-records-table">
        <xsl:with-param name="office" select="true()"/>
        <xsl:with-param name="href" select="'/o/review?type=claim&amp;id='"/>
        <xsl:with-param name="more" select="concat('/o/claims?kind=', $l/@kind, '&amp;person=', $l/@person, '&amp;phone=', $l/@phone, '&amp;from=', $l/@from, '&amp;to=', $l/@to, '&amp;plan=', $l/@plan, '&amp;district=', $l/@district, '&amp;')"/>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
