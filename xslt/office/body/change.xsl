<?xml version="1.0" encoding="UTF-8"?>
<!-- 信息变更: the member, the before / after table with the changed rows
     marked (the evidence is the shell's 材料). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="body[../@type = 'change']" mode="body">
    <xsl:variable name="c" select="change"/>
    <dl class="data">
      <dt>申请单号</dt><dd id="d-no"><xsl:value-of select="$c/no"/></dd>
      <dt>职工</dt><dd id="d-person"><xsl:value-of select="$c/person"/></dd>
      <dt>参保单位</dt><dd id="d-unit"><xsl:value-of select="$c/unit"/></dd>
      <dt>提交方</dt><dd id="d-channel"><xsl:choose><xsl:when test="$c/@channel = 'unit'">单位代办</xsl:when><xsl:otherwise>职工本人（H5）</xsl:otherwise></xsl:choose></dd>
      <xsl:if test="$c/remark"><dt>备注</dt><dd id="d-remark"><xsl:value-of select="$c/remark"/></dd></xsl:if>
    </dl>
    <h2>变更详情</h2>
    <xsl:call-template name="change-table"><xsl:with-param name="c" select="$c"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
