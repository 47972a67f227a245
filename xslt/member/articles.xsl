<?xml version="1.0" encoding="UTF-8"?>
<!-- 公告通知 / 工会资讯: the shown articles, newest first, each with its
     cover (if any), title, date and the beginning of its text. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title"><xsl:value-of select="articles/@label"/></xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="l" select="articles"/>
    <p class="back"><a href="/m/" id="back">‹ 首页</a></p>
    <section class="card">
      <h1><xsl:value-of select="$l/@label"/></h1>
      <nav class="tabs" aria-label="文章类别">
        <a href="/m/notices" id="tab-notices"><xsl:if test="$l/@kind = 'notice'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>公告通知</a>
        <a href="/m/news" id="tab-news"><xsl:if test="$l/@kind = 'news'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>工会资讯</a>
      </nav>
    </section>
    <xsl:choose>
      <xsl:when test="$l/article">
        <ul class="article-list" id="articles">
          <xsl:for-each select="$l/article">
            <li class="card article-card" data-article="{@id}">
              <a href="/m/article?id={@id}" class="article-link">
                <xsl:if test="@cover"><img class="cover" src="{@cover}" alt="" loading="lazy"/></xsl:if>
                <span class="text">
                  <span class="title"><xsl:value-of select="title"/></span>
                  <span class="summary"><xsl:value-of select="summary"/></span>
                  <time><xsl:value-of select="@at"/></time>
                </span>
              </a>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:if test="$l/@pages &gt; 1">
          <xsl:call-template name="pager">
            <xsl:with-param name="list" select="$l"/>
            <xsl:with-param name="href"><xsl:choose><xsl:when test="$l/@kind = 'notice'">/m/notices?</xsl:when><xsl:otherwise>/m/news?</xsl:otherwise></xsl:choose></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <section class="card empty-state"><p class="empty" id="articles-empty">暂无<xsl:value-of select="$l/@label"/>。</p></section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
