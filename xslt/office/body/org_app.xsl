<?xml version="1.0" encoding="UTF-8"?>
<!-- 单位注册 / 单位信息编辑: the unit's data as filed. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="body[../@type = 'org_app']" mode="body">
    <h2><xsl:choose><xsl:when test="@kind = 'edit'">单位信息编辑</xsl:when><xsl:otherwise>单位注册</xsl:otherwise></xsl:choose></h2>
    <xsl:call-template name="orgapp-data"><xsl:with-param name="a" select="."/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
