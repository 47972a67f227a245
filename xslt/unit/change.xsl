<?xml version="1.0" encoding="UTF-8"?>
<!-- 变更申请详情 in the unit portal: the before / after table, 变更凭证,
     办理进度 and the actions the state allows the agent. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/change.xsl"/>
  <xsl:template match="/page" mode="title">变更申请详情</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="c" select="change"/>
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'changes'"/></xsl:call-template>
    <section class="card change-detail" id="change">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">个人信息变更 · <span id="change-no"><xsl:value-of select="$c/no"/></span></xsl:with-param>
        <xsl:with-param name="sub"><span class="chip state-{$c/@state}" id="change-state"><xsl:value-of select="$c/@state-label"/></span></xsl:with-param>
        <xsl:with-param name="actions"><a class="button secondary" href="/u/changes?unit={$c/unit/@id}" id="back">返回列表</a></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="change-progress"><xsl:with-param name="c" select="$c"/></xsl:call-template>
      <xsl:call-template name="change-done"><xsl:with-param name="c" select="$c"/></xsl:call-template>
      <xsl:call-template name="messages"/>
      <dl class="data">
        <dt>职工</dt><dd id="d-person"><xsl:value-of select="$c/person"/></dd>
        <dt>参保单位</dt><dd id="d-unit"><xsl:value-of select="$c/unit"/></dd>
        <dt>创建时间</dt><dd id="d-created"><xsl:value-of select="$c/created"/></dd>
        <dt>提交方</dt><dd id="d-channel"><xsl:choose><xsl:when test="$c/@channel = 'unit'">单位代办（<xsl:value-of select="$c/filer"/>）</xsl:when><xsl:otherwise>职工本人</xsl:otherwise></xsl:choose></dd>
        <xsl:if test="$c/remark"><dt>备注</dt><dd id="d-remark"><xsl:value-of select="$c/remark"/></dd></xsl:if>
      </dl>
      <h2>变更详情</h2>
      <xsl:call-template name="change-table"><xsl:with-param name="c" select="$c"/></xsl:call-template>
      <h2>变更凭证</h2>
      <xsl:call-template name="change-proofs">
        <xsl:with-param name="c" select="$c"/>
        <xsl:with-param name="href" select="concat('/u/change/file?id=', $c/@id, '&amp;file=')"/>
      </xsl:call-template>
      <xsl:call-template name="change-actions"><xsl:with-param name="c" select="$c"/></xsl:call-template>
    </section>
    <xsl:call-template name="timeline"><xsl:with-param name="steps" select="$c/timeline"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
