<?xml version="1.0" encoding="UTF-8"?>
<!-- 工作台: what this person does, by role -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">工作台</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'home'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">工作台</xsl:with-param>
        <xsl:with-param name="sub">您好，<xsl:value-of select="user/@name"/>。您的角色：<span id="roles"><xsl:for-each select="roles/role"><span class="chip" data-role="{@name}"><xsl:value-of select="."/></span></xsl:for-each></span></xsl:with-param>
      </xsl:call-template>
      <div class="figures">
        <div class="figure"><span class="num" id="fig-members"><xsl:value-of select="figures/members"/><xsl:if test="not(figures/members)">—</xsl:if></span><span>在册职工</span></div>
        <div class="figure"><span class="num" id="fig-units"><xsl:value-of select="figures/units"/><xsl:if test="not(figures/units)">—</xsl:if></span><span>基层单位</span></div>
        <p class="muted" id="fig-at">
          <xsl:choose>
            <xsl:when test="figures/@counted-at != ''">统计于 <xsl:value-of select="substring(figures/@counted-at, 1, 16)"/>，每分钟更新</xsl:when>
            <xsl:otherwise>统计中，请稍后刷新</xsl:otherwise>
          </xsl:choose>
        </p>
      </div>
      <xsl:for-each select="roles/role">
        <div class="panel" id="panel-{@name}">
          <h2><xsl:value-of select="."/></h2>
          <xsl:choose>
            <xsl:when test="@name = 'admin'"><p>管理协会工作人员及其角色：<a href="/o/users">用户与角色</a>；维护保障计划及其补助规则：<a href="/o/plans">保障计划</a>。</p></xsl:when>
            <xsl:when test="@name = 'editor'"><p>发布公告通知与工会资讯：<a href="/o/articles">公告与资讯</a>；发布隐私协议与服务声明的新版本：<a href="/o/texts">协议文本</a>；上传宣传手册：<a href="/o/brochure">宣传手册</a>。</p></xsl:when>
            <xsl:when test="@name = 'finance'"><p>财务确认与打款队列将在参保、补助业务上线后显示于此。</p></xsl:when>
            <xsl:otherwise><p>本角色的待办队列将在对应业务上线后显示于此。</p></xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
