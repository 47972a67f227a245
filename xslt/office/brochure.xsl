<?xml version="1.0" encoding="UTF-8"?>
<!-- 宣传手册 (editor): the PDF members read now, and a new one. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">宣传手册</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="b" select="brochure"/>
    <xsl:variable name="e" select="form/field[@name = 'file']/@error"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'brochure'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">宣传手册</xsl:with-param>
        <xsl:with-param name="sub">职工在首页点击“宣传手册”阅读的 PDF 文件，仅限已绑定的职工查看。</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:choose>
        <xsl:when test="$b/@id">
          <dl class="data" id="brochure-current">
            <dt>当前文件</dt><dd><a href="/o/brochure/file" id="brochure-file"><xsl:value-of select="$b/filename"/></a></dd>
            <dt>上传时间</dt><dd><xsl:value-of select="$b/@at"/></dd>
            <dt>大小</dt><dd><xsl:value-of select="format-number($b/@size div 1024, '#,##0')"/> KB</dd>
          </dl>
        </xsl:when>
        <xsl:otherwise><p class="muted" id="brochure-none">尚未上传宣传手册，职工端显示“宣传手册尚未发布”。</p></xsl:otherwise>
      </xsl:choose>
      <form method="post" action="/o/brochure" enctype="multipart/form-data" id="brochure-form" class="row">
        <xsl:call-template name="csrf"/>
        <div class="field">
          <xsl:if test="$e"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <span class="label">上传新的宣传手册（PDF，不超过 50 MB）</span>
          <xsl:call-template name="file-picker">
            <xsl:with-param name="name" select="'file'"/>
            <xsl:with-param name="label" select="'选择PDF'"/>
            <xsl:with-param name="accept" select="'.pdf,application/pdf'"/>
          </xsl:call-template>
          <xsl:if test="$e"><span class="err" id="err-file"><xsl:value-of select="$e"/></span></xsl:if>
        </div>
        <div class="form-actions"><button type="submit" class="primary" id="upload">上传</button></div>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
