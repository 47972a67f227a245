<?xml version="1.0" encoding="UTF-8"?>
<!-- 会籍变更: who moves from where to where, and why. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="body[../@type = 'membership_change']" mode="body">
    <dl class="data">
      <dt>姓名</dt><dd><xsl:value-of select="name"/></dd>
      <dt>证件号码</dt><dd><xsl:value-of select="id-number"/></dd>
      <dt>原单位</dt><dd id="d-from"><xsl:value-of select="from"/></dd>
      <dt>调入单位</dt><dd id="d-to"><xsl:value-of select="to"/></dd>
      <dt>原因</dt><dd><xsl:value-of select="reason"/></dd>
    </dl>
  </xsl:template>
</xsl:stylesheet>
