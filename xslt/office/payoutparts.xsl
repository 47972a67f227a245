<?xml version="1.0" encoding="UTF-8"?>
<!-- What the 打款 pages share: a batch's and a line's state as a chip. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="batch-state">
    <xsl:choose>
      <xsl:when test="@state = 'prepared'"><span class="chip chip-warn batch-state">待下载打款文件</span></xsl:when>
      <xsl:when test="@state = 'sent' and @pending &gt; 0"><span class="chip chip-info batch-state">待银行回单</span></xsl:when>
      <xsl:otherwise><span class="chip chip-ok batch-state">已完成</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="line-state">
    <xsl:choose>
      <xsl:when test="@state = 'pending'"><span class="chip chip-info line-state">待回单</span></xsl:when>
      <xsl:when test="@state = 'paid'"><span class="chip chip-ok line-state">成功</span></xsl:when>
      <xsl:when test="@state = 'failed'"><span class="chip chip-err line-state">失败</span></xsl:when>
      <xsl:otherwise><span class="chip chip-err line-state">退票</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
