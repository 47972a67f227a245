<?xml version="1.0" encoding="UTF-8"?>
<!-- 会籍变更审核 -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">会籍变更审核</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="m" select="move"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'queue'"/></xsl:call-template>
    <section class="card">
      <div class="card-head">
        <h1>会籍变更审核</h1>
        <span id="move-state"><xsl:call-template name="state-chip"><xsl:with-param name="state" select="$m/@state"/><xsl:with-param name="label" select="$m/@state-label"/></xsl:call-template></span>
      </div>
      <xsl:call-template name="messages"/>
      <dl class="data">
        <dt>姓名</dt><dd><xsl:value-of select="$m/name"/></dd>
        <dt>证件号码</dt><dd><xsl:value-of select="$m/id-number"/></dd>
        <dt>原单位</dt><dd id="d-from"><xsl:value-of select="$m/from"/></dd>
        <dt>调入单位</dt><dd id="d-to"><xsl:value-of select="$m/to"/></dd>
        <dt>原因</dt><dd><xsl:value-of select="$m/reason"/></dd>
      </dl>
    </section>
    <xsl:if test="$m/@decide">
      <section class="card" id="decide">
        <h2>审核意见</h2>
        <form method="post" action="/o/move" id="decide-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$m/@id}"/>
          <div class="field">
            <xsl:if test="form/field[@name = 'reason']/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
            <label for="f-reason">退回原因（退回时必填）</label>
            <textarea id="f-reason" name="reason" rows="3"><xsl:value-of select="form/field[@name = 'reason']/@value"/></textarea>
            <xsl:if test="form/field[@name = 'reason']/@error"><span class="err" id="err-reason"><xsl:value-of select="form/field[@name = 'reason']/@error"/></span></xsl:if>
          </div>
          <button type="submit" name="decision" value="approve" class="primary" id="approve">审核通过</button>
          <button type="submit" name="decision" value="return" class="danger" id="return">退回</button>
        </form>
      </section>
    </xsl:if>
    <xsl:call-template name="timeline"><xsl:with-param name="steps" select="$m/timeline"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
