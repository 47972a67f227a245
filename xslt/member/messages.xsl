<?xml version="1.0" encoding="UTF-8"?>
<!-- 站内信 on the member's phone: the list, or one message without a
     link (parts/messages.xsl). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">
    <xsl:choose>
      <xsl:when test="message"><xsl:value-of select="message/title"/></xsl:when>
      <xsl:otherwise>消息</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:choose>
      <xsl:when test="message">
        <p class="back"><a href="/m/messages" id="back">‹ 消息</a></p>
        <xsl:call-template name="message-one"/>
      </xsl:when>
      <xsl:otherwise>
        <p class="back"><a href="/m/" id="back">‹ 首页</a></p>
        <xsl:call-template name="message-list"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
