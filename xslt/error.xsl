<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:template match="/page" mode="title">提示</xsl:template>
  <xsl:template match="/page" mode="content">
    <section class="card error-page">
      <xsl:call-template name="page-head"><xsl:with-param name="title">提示</xsl:with-param></xsl:call-template>
      <p class="msg msg-error" id="error" data-status="{error/@status}"><xsl:value-of select="error"/></p>
      <xsl:variable name="home">
        <xsl:choose>
          <xsl:when test="user"><xsl:value-of select="user/@portal"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@portal"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <p><a class="button" href="{$home}">返回首页</a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
