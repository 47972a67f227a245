<?xml version="1.0" encoding="UTF-8"?>
<!-- 发起变更 / 修改 in the unit portal: the member's fields with their
     record's values, 变更凭证, 确认提交; the phone alone asks the code sent
     to the new phone (the member reads it to the agent). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/change.xsl"/>
  <xsl:template match="/page" mode="title">个人信息变更</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="f" select="change-form"/>
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'changes'"/></xsl:call-template>
    <form method="post" enctype="multipart/form-data" class="card change-form" id="change-form" novalidate="novalidate">
      <xsl:attribute name="action"><xsl:choose><xsl:when test="$f/@id">/u/change/edit</xsl:when><xsl:otherwise>/u/change/new</xsl:otherwise></xsl:choose></xsl:attribute>
      <xsl:call-template name="csrf"/>
      <xsl:choose>
        <xsl:when test="$f/@id"><input type="hidden" name="id" value="{$f/@id}"/></xsl:when>
        <xsl:otherwise><input type="hidden" name="member" value="{$f/@member}"/></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">个人信息变更 · <xsl:value-of select="$f/current/name"/></xsl:with-param>
        <xsl:with-param name="sub">修改需要变更的信息并上传证件凭证；不允许同时修改姓名和证件号码</xsl:with-param>
        <xsl:with-param name="actions"><a class="button secondary" href="/u/changes?unit={$f/current/unit/@id}" id="back">返回列表</a></xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$f/change/timeline/step[last()][@decision = 'return']">
        <p class="msg msg-warn" id="returned">退回原因：<xsl:value-of select="$f/change/timeline/step[last()]/reason"/></p>
      </xsl:if>
      <xsl:call-template name="messages"/>
      <div class="grid2">
        <xsl:call-template name="change-fields"><xsl:with-param name="f" select="$f"/></xsl:call-template>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
