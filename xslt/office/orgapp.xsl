<?xml version="1.0" encoding="UTF-8"?>
<!-- 单位注册/编辑 审核: the data, its materials, the timeline, and the
     decision form for whoever may take the next step. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/orgapp.xsl"/>
  <xsl:template match="/page" mode="title">
    <xsl:choose><xsl:when test="app/@kind = 'edit'">单位信息编辑审核</xsl:when><xsl:otherwise>单位注册审核</xsl:otherwise></xsl:choose>
  </xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'queue'"/></xsl:call-template>
    <section class="card">
      <div class="card-head">
        <h1><xsl:apply-templates select="." mode="title"/></h1>
        <span id="app-state"><xsl:call-template name="state-chip">
          <xsl:with-param name="state" select="app/@state"/>
          <xsl:with-param name="label" select="app/@state-label"/>
        </xsl:call-template></span>
      </div>
      <xsl:call-template name="messages"/>
      <xsl:call-template name="orgapp-data"><xsl:with-param name="a" select="app"/></xsl:call-template>
      <h2>材料</h2>
      <xsl:call-template name="materials">
        <xsl:with-param name="files" select="app/materials"/>
        <xsl:with-param name="href" select="'/o/file?id='"/>
      </xsl:call-template>
    </section>
    <xsl:if test="app/@decide">
      <section class="card" id="decide">
        <h2>审核意见</h2>
        <form method="post" action="/o/org/app" id="decide-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{app/@id}"/>
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
    <xsl:call-template name="timeline"><xsl:with-param name="steps" select="app/timeline"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
