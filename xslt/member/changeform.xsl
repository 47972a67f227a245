<?xml version="1.0" encoding="UTF-8"?>
<!-- 变更申请填单 (seed 001 步骤五): every field with the record's values,
     变更凭证, 确认提交; the phone alone asks the new phone's SMS code. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="../parts/change.xsl"/>
  <xsl:template match="/page" mode="title">我要变更信息</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="f" select="change-form"/>
    <xsl:choose>
      <xsl:when test="$f/@id"><p class="back"><a href="/m/change?id={$f/@id}" id="back">‹ 变更申请详情</a></p></xsl:when>
      <xsl:otherwise><p class="back"><a href="/m/changes" id="back">‹ 个人信息变更</a></p></xsl:otherwise>
    </xsl:choose>
    <form method="post" enctype="multipart/form-data" class="card change-form" id="change-form" novalidate="novalidate">
      <xsl:attribute name="action"><xsl:choose><xsl:when test="$f/@id">/m/change/edit</xsl:when><xsl:otherwise>/m/change/new</xsl:otherwise></xsl:choose></xsl:attribute>
      <xsl:call-template name="csrf"/>
      <xsl:if test="$f/@id"><input type="hidden" name="id" value="{$f/@id}"/></xsl:if>
      <h1>我要变更信息</h1>
      <p class="muted">修改需要变更的信息并上传证件凭证，点击“确认提交”。不允许同时修改姓名和证件号码。</p>
      <xsl:if test="$f/change/timeline/step[last()][@decision = 'return']">
        <p class="msg msg-warn" id="returned">退回原因：<xsl:value-of select="$f/change/timeline/step[last()]/reason"/></p>
      </xsl:if>
      <xsl:call-template name="messages"/>
      <xsl:call-template name="change-fields"><xsl:with-param name="f" select="$f"/></xsl:call-template>
    </form>
  </xsl:template>
</xsl:stylesheet>
