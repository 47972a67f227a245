<?xml version="1.0" encoding="UTF-8"?>
<!-- 隐私协议 / 服务声明 in force (anyone may read them; a bound member
     also finds 撤回同意 here), and 宣传手册 when none is uploaded. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">
    <xsl:choose>
      <xsl:when test="brochure-none">宣传手册</xsl:when>
      <xsl:otherwise><xsl:value-of select="consent-text/@label"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="/page" mode="content">
    <p class="back">
      <xsl:choose>
        <xsl:when test="user"><a href="/m/" id="back">‹ 首页</a></xsl:when>
        <xsl:otherwise><a href="/m/bind" id="back">‹ 职工绑定账号</a></xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:choose>
      <xsl:when test="brochure-none">
        <section class="card empty-state" id="brochure-none">
          <h1>宣传手册</h1>
          <p class="empty">宣传手册尚未发布，敬请期待。</p>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="t" select="consent-text/text"/>
        <article class="card article-read" id="consent-text" data-kind="{consent-text/@kind}">
          <h1><xsl:value-of select="consent-text/@label"/></h1>
          <xsl:choose>
            <xsl:when test="$t">
              <p class="muted article-meta">版本 <span id="text-version"><xsl:value-of select="$t/@version"/></span> · <xsl:value-of select="$t/@at"/> 发布</p>
              <div class="article-body" id="text-body"><xsl:copy-of select="$t/body/node()"/></div>
            </xsl:when>
            <xsl:otherwise><p class="empty" id="text-none">尚未发布。</p></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="user/@kind = 'member'">
            <p class="withdraw-link"><a href="/m/consent/withdraw" id="withdraw">撤回同意</a></p>
          </xsl:if>
        </article>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
