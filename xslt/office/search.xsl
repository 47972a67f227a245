<?xml version="1.0" encoding="UTF-8"?>
<!-- 查询: units and members; numbers masked. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">单位与职工查询</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'search'"/></xsl:call-template>
    <section class="card">
      <h1>单位与职工查询</h1>
      <form method="get" action="/o/search" class="row" id="search">
        <input type="search" name="q" value="{results/@q}" placeholder="单位名称、信用代码、职工姓名或证件号码"/>
        <button type="submit" class="primary">查询</button>
      </form>
      <xsl:if test="results">
        <h2>单位（<xsl:value-of select="count(results/unit)"/>）</h2>
        <table class="list" id="units">
          <thead><tr><th>单位</th><th>统一社会信用代码</th><th>上级工会</th><th>在册职工</th></tr></thead>
          <tbody>
            <xsl:for-each select="results/unit">
              <tr data-unit="{@id}"><td><xsl:value-of select="."/></td><td><xsl:value-of select="@credit"/></td><td><xsl:value-of select="@parent"/></td><td class="right"><xsl:value-of select="@members"/></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
        <h2>职工（<xsl:value-of select="count(results/member)"/>）</h2>
        <table class="list" id="members">
          <thead><tr><th>姓名</th><th>证件类型</th><th>证件号码</th><th>手机</th><th>所在单位</th></tr></thead>
          <tbody>
            <xsl:for-each select="results/member">
              <tr data-member="{@id}"><td><xsl:value-of select="."/></td><td><xsl:value-of select="@id-type"/></td><td class="id-number"><xsl:value-of select="@id-number"/></td><td><xsl:value-of select="@phone"/></td><td><xsl:value-of select="@unit"/></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:if>
    </section>
  </xsl:template>
</xsl:stylesheet>
