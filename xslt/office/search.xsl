<?xml version="1.0" encoding="UTF-8"?>
<!-- 查询: units and members; numbers masked. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">单位与职工查询</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'search'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">单位与职工查询</xsl:with-param>
        <xsl:with-param name="sub">证件号码和手机号码按默认方式打码显示</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="filter-bar">
        <xsl:with-param name="action" select="'/o/search'"/>
        <xsl:with-param name="q" select="results/@q"/>
        <xsl:with-param name="placeholder" select="'单位名称、信用代码、职工姓名或证件号码'"/>
      </xsl:call-template>
      <xsl:if test="results">
        <h2>单位（<xsl:value-of select="count(results/unit)"/>）</h2>
        <xsl:call-template name="data-table">
          <xsl:with-param name="id" select="'units'"/>
          <xsl:with-param name="count" select="count(results/unit)"/>
          <xsl:with-param name="empty">没有符合条件的单位。</xsl:with-param>
          <xsl:with-param name="head"><th>单位</th><th>统一社会信用代码</th><th>上级工会</th><th class="right">在册职工</th></xsl:with-param>
          <xsl:with-param name="rows">
            <xsl:for-each select="results/unit">
              <tr data-unit="{@id}"><td><xsl:value-of select="."/></td><td><xsl:value-of select="@credit"/></td><td><xsl:value-of select="@parent"/></td><td class="right"><xsl:value-of select="@members"/></td></tr>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <h2>职工（<xsl:value-of select="count(results/member)"/>）</h2>
        <xsl:call-template name="data-table">
          <xsl:with-param name="id" select="'members'"/>
          <xsl:with-param name="count" select="count(results/member)"/>
          <xsl:with-param name="empty">没有符合条件的职工。</xsl:with-param>
          <xsl:with-param name="head"><th>姓名</th><th>证件类型</th><th>证件号码</th><th>手机</th><th>所在单位</th></xsl:with-param>
          <xsl:with-param name="rows">
            <xsl:for-each select="results/member">
              <tr data-member="{@id}"><td><xsl:value-of select="."/></td><td><xsl:value-of select="@id-type"/></td><td class="id-number"><xsl:value-of select="@id-number"/></td><td><xsl:value-of select="@phone"/></td><td><xsl:value-of select="@unit"/></td></tr>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </section>
  </xsl:template>
</xsl:stylesheet>
