<?xml version="1.0" encoding="UTF-8"?>
<!-- 单位绑定: the unit, the new agent, who holds it now. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="body[../@type = 'transfer']" mode="body">
    <dl class="data">
      <dt>单位</dt><dd id="d-unit"><xsl:value-of select="unit"/></dd>
      <dt>新经办人</dt><dd><xsl:value-of select="agent"/>（<xsl:value-of select="phone"/>）</dd>
      <xsl:if test="previous != ''"><dt>原经办人</dt><dd><xsl:value-of select="previous"/></dd></xsl:if>
    </dl>
  </xsl:template>
</xsl:stylesheet>
