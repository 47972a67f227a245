<?xml version="1.0" encoding="UTF-8"?>
<!-- 变更申请详情 (seed 000): 申请单号, 创建时间, the before / after table,
     变更凭证, 审核进度 and only the actions the state allows. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="../parts/change.xsl"/>
  <xsl:template match="/page" mode="title">变更申请详情</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="c" select="change"/>
    <p class="back"><a href="/m/changes" id="back">‹ 个人信息变更</a></p>
    <xsl:call-template name="change-progress"><xsl:with-param name="c" select="$c"/></xsl:call-template>
    <xsl:call-template name="change-done"><xsl:with-param name="c" select="$c"/></xsl:call-template>
    <xsl:call-template name="messages"/>
    <section class="card change-detail" id="change">
      <div class="head">
        <h1 id="change-no"><xsl:value-of select="$c/no"/></h1>
        <span class="chip state-{$c/@state}" id="change-state"><xsl:value-of select="$c/@state-label"/></span>
      </div>
      <dl class="data">
        <dt>申请单号</dt><dd id="d-no"><xsl:value-of select="$c/no"/></dd>
        <dt>创建时间</dt><dd id="d-created"><xsl:value-of select="$c/created"/></dd>
        <dt>提交方</dt><dd id="d-channel"><xsl:choose><xsl:when test="$c/@channel = 'unit'">单位代办（<xsl:value-of select="$c/filer"/>）</xsl:when><xsl:otherwise>本人</xsl:otherwise></xsl:choose></dd>
        <xsl:if test="$c/remark"><dt>备注</dt><dd id="d-remark"><xsl:value-of select="$c/remark"/></dd></xsl:if>
      </dl>
      <h2>变更详情</h2>
      <xsl:call-template name="change-table"><xsl:with-param name="c" select="$c"/></xsl:call-template>
      <h2>变更凭证</h2>
      <xsl:call-template name="change-proofs">
        <xsl:with-param name="c" select="$c"/>
        <xsl:with-param name="href" select="concat('/m/change/file?id=', $c/@id, '&amp;file=')"/>
      </xsl:call-template>
      <xsl:call-template name="change-actions"><xsl:with-param name="c" select="$c"/></xsl:call-template>
    </section>
    <xsl:call-template name="timeline"><xsl:with-param name="steps" select="$c/timeline"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
