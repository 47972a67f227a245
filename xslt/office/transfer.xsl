<?xml version="1.0" encoding="UTF-8"?>
<!-- 单位绑定审核: the request, its letter, the timeline, the decision. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">单位绑定审核</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="t" select="transfer"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'queue'"/></xsl:call-template>
    <section class="card">
      <div class="card-head">
        <h1>单位绑定审核</h1>
        <span id="transfer-state"><xsl:call-template name="state-chip"><xsl:with-param name="state" select="$t/@state"/><xsl:with-param name="label" select="$t/@state-label"/></xsl:call-template></span>
      </div>
      <xsl:call-template name="messages"/>
      <dl class="data">
        <dt>单位</dt><dd id="d-unit"><xsl:value-of select="$t/unit"/></dd>
        <dt>新经办人</dt><dd><xsl:value-of select="$t/agent"/>（<xsl:value-of select="$t/phone"/>）</dd>
        <xsl:if test="$t/previous != ''"><dt>原经办人</dt><dd><xsl:value-of select="$t/previous"/></dd></xsl:if>
      </dl>
      <h2>授权书</h2>
      <xsl:call-template name="materials">
        <xsl:with-param name="files" select="$t/materials"/>
        <xsl:with-param name="href" select="'/o/file?id='"/>
      </xsl:call-template>
    </section>
    <xsl:if test="$t/@decide">
      <section class="card" id="decide">
        <h2><xsl:choose><xsl:when test="$t/@state = 2">复审意见</xsl:when><xsl:otherwise>初审意见</xsl:otherwise></xsl:choose></h2>
        <form method="post" action="/o/transfer" id="decide-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$t/@id}"/>
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
    <xsl:call-template name="timeline"><xsl:with-param name="steps" select="$t/timeline"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
