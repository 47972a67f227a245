<?xml version="1.0" encoding="UTF-8"?>
<!-- 首页 (seed 000): the avatar card, which leads to 个人中心; the menu
     (公告通知, 职工参保, 补助申请, 个人信息变更, 宣传手册, 消息 with the
     unread badge); 工会资讯, the newest articles, below. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">首页</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="unread" select="number(concat('0', user/@unread))"/>
    <a class="card me me-link" id="me" href="/m/me" aria-label="个人中心">
      <span class="avatar" aria-hidden="true"><xsl:value-of select="substring(member/name, 1, 1)"/></span>
      <span class="me-text">
        <span class="me-name" id="member-name"><xsl:value-of select="member/name"/></span>
        <span id="member-unit" class="unit"><xsl:value-of select="member/unit"/></span>
        <span class="muted"><xsl:value-of select="member/id-type"/>
          <xsl:text> </xsl:text><span id="member-id"><xsl:value-of select="member/id-number"/></span></span>
        <span class="muted">手机 <span id="member-phone"><xsl:value-of select="member/phone"/></span></span>
      </span>
      <span class="chev" aria-hidden="true">›</span>
    </a>
    <nav class="grid-menu" aria-label="功能">
      <a class="tile" href="/m/notices" id="tile-notices"><span class="ico ico-notices" aria-hidden="true">告</span>公告通知</a>
      <a class="tile" href="/m/coverage" id="tile-coverage"><span class="ico ico-coverage" aria-hidden="true">保</span>职工参保</a>
      <a class="tile" href="/m/claims" id="tile-claims"><span class="ico ico-claims" aria-hidden="true">助</span>补助申请</a>
      <a class="tile" href="/m/changes" id="tile-changes"><span class="ico ico-changes" aria-hidden="true">改</span>个人信息变更</a>
      <a class="tile" href="/m/brochure" id="tile-brochure"><span class="ico ico-brochure" aria-hidden="true">册</span>宣传手册</a>
      <a class="tile" href="/m/messages" id="tile-messages"><span class="ico ico-messages" aria-hidden="true">信</span>消息<xsl:if test="$unread &gt; 0"><span class="badge" id="tile-unread"><xsl:choose><xsl:when test="$unread &gt; 99">99+</xsl:when><xsl:otherwise><xsl:value-of select="$unread"/></xsl:otherwise></xsl:choose></span></xsl:if></a>
    </nav>
    <!-- 工会资讯: <articles><article id at cover?><title/></article></articles>, the
         newest published first (article_home_view). -->
    <section class="card news" id="news">
      <div class="section-head">
        <h2>工会资讯</h2>
        <a href="/m/news" id="news-more">更多 ›</a>
      </div>
      <xsl:choose>
        <xsl:when test="articles/article">
          <ul class="article-list" id="articles">
            <xsl:for-each select="articles/article">
              <li data-article="{@id}">
                <a href="/m/article?id={@id}">
                  <xsl:if test="@cover != ''"><img class="cover" src="{@cover}" alt="" loading="lazy"/></xsl:if>
                  <span class="article-text">
                    <span class="article-title"><xsl:value-of select="title"/></span>
                    <time><xsl:value-of select="@at"/></time>
                  </span>
                </a>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="empty muted" id="no-articles">暂无资讯</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
