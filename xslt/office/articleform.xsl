<?xml version="1.0" encoding="UTF-8"?>
<!-- 新建 / 编辑 an article: kind, title, cover, publication time and the
     body (HTML in a textarea with a small toolbar; the server keeps only
     paragraphs, bold, lists, links and the images uploaded here), the
     preview of what is saved, 发布 / 撤回. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="articles.xsl"/>
  <xsl:template match="/page" mode="title"><xsl:choose><xsl:when test="article">编辑文章</xsl:when><xsl:otherwise>新建文章</xsl:otherwise></xsl:choose></xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="a" select="article"/>
    <xsl:variable name="f" select="form"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'articles'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title"><xsl:choose><xsl:when test="$a">编辑文章</xsl:when><xsl:otherwise>新建文章</xsl:otherwise></xsl:choose></xsl:with-param>
        <xsl:with-param name="sub"><a href="/o/articles">‹ 公告与资讯</a><xsl:if test="$a"> · <xsl:for-each select="$a"><xsl:call-template name="article-state"/></xsl:for-each></xsl:if></xsl:with-param>
        <xsl:with-param name="actions"><xsl:if test="$a"><xsl:for-each select="$a"><xsl:call-template name="article-switch"/></xsl:for-each></xsl:if></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <form method="post" enctype="multipart/form-data" id="article-form">
        <xsl:attribute name="action"><xsl:choose><xsl:when test="$a">/o/articles/edit</xsl:when><xsl:otherwise>/o/articles/new</xsl:otherwise></xsl:choose></xsl:attribute>
        <xsl:call-template name="csrf"/>
        <xsl:if test="$a"><input type="hidden" name="id" value="{$a/@id}"/></xsl:if>
        <div class="grid2">
          <xsl:call-template name="choice-select">
            <xsl:with-param name="name" select="'kind'"/>
            <xsl:with-param name="label">类别</xsl:with-param>
            <xsl:with-param name="choices" select="'notice|公告通知;news|工会资讯'"/>
          </xsl:call-template>
          <xsl:call-template name="input">
            <xsl:with-param name="name" select="'publish_at'"/>
            <xsl:with-param name="label">发布时间（可选，如 2026-12-01 09:00）</xsl:with-param>
            <xsl:with-param name="placeholder">留空：发布时立即生效</xsl:with-param>
          </xsl:call-template>
        </div>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'title'"/>
          <xsl:with-param name="label">标题</xsl:with-param>
          <xsl:with-param name="maxlength" select="'120'"/>
        </xsl:call-template>
        <div class="field cover-field">
          <xsl:if test="$f/field[@name = 'cover']/@error"><xsl:attribute name="class">field cover-field has-error</xsl:attribute></xsl:if>
          <span class="label">封面图片（jpg 或 png，可选）</span>
          <div class="cover-row">
            <xsl:if test="$a/@cover"><img class="cover-thumb" id="cover-thumb" src="{$a/@cover}" alt="当前封面"/></xsl:if>
            <xsl:call-template name="file-picker">
              <xsl:with-param name="name" select="'cover'"/>
              <xsl:with-param name="label"><xsl:choose><xsl:when test="$a/@cover">更换封面</xsl:when><xsl:otherwise>选择封面</xsl:otherwise></xsl:choose></xsl:with-param>
              <xsl:with-param name="accept" select="'image/jpeg,image/png'"/>
            </xsl:call-template>
          </div>
          <xsl:if test="$f/field[@name = 'cover']/@error"><span class="err" id="err-cover"><xsl:value-of select="$f/field[@name = 'cover']/@error"/></span></xsl:if>
        </div>
        <div class="field wide body-field">
          <xsl:if test="$f/field[@name = 'body']/@error"><xsl:attribute name="class">field wide body-field has-error</xsl:attribute></xsl:if>
          <label for="f-body">正文</label>
          <div class="editor-toolbar" role="toolbar" aria-label="格式" data-for="f-body">
            <button type="button" class="small secondary" data-wrap="p">段落</button>
            <button type="button" class="small secondary" data-wrap="b"><b>加粗</b></button>
            <button type="button" class="small secondary" data-list="ul">• 列表</button>
            <button type="button" class="small secondary" data-list="ol">1. 列表</button>
            <button type="button" class="small secondary" data-link="1">链接</button>
          </div>
          <textarea id="f-body" name="body" rows="14"><xsl:value-of select="$f/field[@name = 'body']/@value"/></textarea>
          <span class="hint">直接输入文字即可，每行一段；也可用上方按钮加粗、列表和链接（仅限 http/https 或站内地址）。其他格式保存时会被去除。</span>
          <xsl:if test="$f/field[@name = 'body']/@error"><span class="err" id="err-body"><xsl:value-of select="$f/field[@name = 'body']/@error"/></span></xsl:if>
        </div>
        <div class="field image-field">
          <xsl:if test="$f/field[@name = 'image']/@error"><xsl:attribute name="class">field image-field has-error</xsl:attribute></xsl:if>
          <span class="label">插入图片（保存时加在正文末尾）</span>
          <xsl:call-template name="file-picker">
            <xsl:with-param name="name" select="'image'"/>
            <xsl:with-param name="label" select="'选择图片'"/>
            <xsl:with-param name="accept" select="'image/jpeg,image/png'"/>
          </xsl:call-template>
          <xsl:if test="$f/field[@name = 'image']/@error"><span class="err" id="err-image"><xsl:value-of select="$f/field[@name = 'image']/@error"/></span></xsl:if>
        </div>
        <div class="form-actions"><button type="submit" class="primary" id="save">保存</button></div>
      </form>
    </section>
    <xsl:if test="$a">
      <section class="card article-preview" id="preview">
        <h2>预览（已保存的内容）</h2>
        <article class="article-read">
          <h1><xsl:value-of select="$a/title"/></h1>
          <xsl:if test="$a/@cover"><img class="cover" src="{$a/@cover}" alt=""/></xsl:if>
          <div class="article-body" id="preview-body"><xsl:copy-of select="$a/body/node()"/></div>
        </article>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
