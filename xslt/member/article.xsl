<?xml version="1.0" encoding="UTF-8"?>
<!-- One article: title, kind, time, cover and the cleaned body (copied
     from the tree the server cleaned, never raw input). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title"><xsl:value-of select="article/title"/></xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="a" select="article"/>
    <p class="back">
      <xsl:choose>
        <xsl:when test="$a/@kind = 'notice'"><a href="/m/notices" id="back">‹ 公告通知</a></xsl:when>
        <xsl:otherwise><a href="/m/news" id="back">‹ 工会资讯</a></xsl:otherwise>
      </xsl:choose>
    </p>
    <article class="card article-read" id="article" data-article="{$a/@id}">
      <h1 id="article-title"><xsl:value-of select="$a/title"/></h1>
      <p class="muted article-meta"><span class="chip"><xsl:value-of select="$a/@label"/></span>
        <xsl:text> </xsl:text><time id="article-at"><xsl:value-of select="$a/@at"/></time>
        <xsl:text> · </xsl:text><span id="article-author">职工互助保障会</span></p>
      <xsl:if test="$a/@cover"><img class="cover" id="article-cover" src="{$a/@cover}" alt=""/></xsl:if>
      <div class="article-body" id="article-body"><xsl:copy-of select="$a/body/node()"/></div>
    </article>
  </xsl:template>
</xsl:stylesheet>
