<?xml version="1.0" encoding="UTF-8"?>
<!-- A unit application's data, read-only: the agent after 上报 and the
     office reviewer see the same table. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="orgapp-data">
    <xsl:param name="a"/>
    <dl class="data" id="app-data">
      <dt>单位全称</dt><dd id="d-name"><xsl:value-of select="$a/name"/></dd>
      <dt>统一社会信用代码</dt><dd id="d-credit"><xsl:value-of select="$a/credit-code"/></dd>
      <dt>上级工会</dt><dd><xsl:value-of select="$a/parent"/></dd>
      <dt>单位性质</dt><dd><xsl:value-of select="$a/nature"/></dd>
      <dt>所属区县</dt><dd><xsl:value-of select="$a/district"/></dd>
      <dt>医保代码</dt><dd><xsl:value-of select="$a/medins-code"/></dd>
      <dt>职工人数</dt><dd><xsl:value-of select="$a/employees"/></dd>
      <dt>工会主席</dt><dd><xsl:value-of select="$a/chairman"/></dd>
      <dt>联系人</dt><dd><xsl:value-of select="$a/contact"/></dd>
      <dt>联系电话</dt><dd><xsl:value-of select="$a/contact-phone"/></dd>
      <dt>合并/拆分</dt><dd><xsl:choose>
        <xsl:when test="$a/lineage = 'merge'">由以下单位合并：<xsl:for-each select="$a/lineage-orgs/org"><xsl:value-of select="."/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each></xsl:when>
        <xsl:when test="$a/lineage = 'split'">由以下单位拆分：<xsl:for-each select="$a/lineage-orgs/org"><xsl:value-of select="."/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each></xsl:when>
        <xsl:otherwise>无</xsl:otherwise>
      </xsl:choose></dd>
    </dl>
  </xsl:template>
</xsl:stylesheet>
