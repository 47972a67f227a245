<?xml version="1.0" encoding="UTF-8"?>
<!-- 公告与资讯 (editor): every article, newest first, filtered by kind,
     with its state and 编辑 / 发布 / 撤回. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">公告与资讯</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="l" select="articles"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'articles'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">公告与资讯</xsl:with-param>
        <xsl:with-param name="sub">发布到职工端首页的公告通知和工会资讯。设置了发布时间的文章，发布后到时间才在职工端显示。</xsl:with-param>
        <xsl:with-param name="actions">
          <a class="button secondary" href="/o/articles/new?kind=notice" id="new-notice">新建公告</a>
          <a class="button primary" href="/o/articles/new?kind=news" id="new-news">新建资讯</a>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <nav class="tabs" aria-label="类别">
        <a href="/o/articles" id="filter-all"><xsl:if test="$l/@kind = ''"><xsl:attribute name="class">active</xsl:attribute></xsl:if>全部</a>
        <a href="/o/articles?kind=notice" id="filter-notice"><xsl:if test="$l/@kind = 'notice'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>公告通知</a>
        <a href="/o/articles?kind=news" id="filter-news"><xsl:if test="$l/@kind = 'news'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>工会资讯</a>
      </nav>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'articles'"/>
        <xsl:with-param name="count" select="count($l/article)"/>
        <xsl:with-param name="list" select="$l"/>
        <xsl:with-param name="href" select="concat('/o/articles?kind=', $l/@kind, '&amp;')"/>
        <xsl:with-param name="empty">还没有文章。点击“新建公告”或“新建资讯”撰写。</xsl:with-param>
        <xsl:with-param name="head"><th>类别</th><th>标题</th><th>状态</th><th>发布时间</th><th class="opt">作者</th><th class="opt">更新于</th><th>操作</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="$l/article">
            <tr data-article="{@id}" data-state="{@state}">
              <td class="kind"><xsl:choose><xsl:when test="@kind = 'notice'">公告通知</xsl:when><xsl:otherwise>工会资讯</xsl:otherwise></xsl:choose></td>
              <td class="wrap title"><a href="/o/articles/edit?id={@id}"><xsl:value-of select="title"/></a></td>
              <td class="state"><xsl:call-template name="article-state"/></td>
              <td class="at"><xsl:value-of select="@at"/><xsl:if test="not(@at) or @at = ''"><span class="muted">发布时即时</span></xsl:if></td>
              <td class="opt author"><xsl:value-of select="author"/></td>
              <td class="opt updated"><xsl:value-of select="updated"/></td>
              <td class="row-actions">
                <a href="/o/articles/edit?id={@id}" class="edit">编辑</a>
                <xsl:call-template name="article-switch"/>
              </td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- The state chip: 草稿, 已发布, 定时发布, 已撤回. -->
  <xsl:template name="article-state">
    <xsl:choose>
      <xsl:when test="@state = 'published' and @scheduled"><xsl:call-template name="chip"><xsl:with-param name="text">定时发布</xsl:with-param><xsl:with-param name="kind" select="'warn'"/></xsl:call-template></xsl:when>
      <xsl:when test="@state = 'published'"><xsl:call-template name="chip"><xsl:with-param name="text">已发布</xsl:with-param><xsl:with-param name="kind" select="'ok'"/></xsl:call-template></xsl:when>
      <xsl:when test="@state = 'withdrawn'"><xsl:call-template name="chip"><xsl:with-param name="text">已撤回</xsl:with-param><xsl:with-param name="kind" select="'muted'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="chip"><xsl:with-param name="text">草稿</xsl:with-param><xsl:with-param name="kind" select="'muted'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 发布 or 撤回, by the state. -->
  <xsl:template name="article-switch">
    <xsl:choose>
      <xsl:when test="@state = 'published'">
        <form method="post" action="/o/articles/withdraw" class="inline">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{@id}"/>
          <button type="submit" class="small secondary withdraw">撤回</button>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <form method="post" action="/o/articles/publish" class="inline">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{@id}"/>
          <button type="submit" class="small primary publish">发布</button>
        </form>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
