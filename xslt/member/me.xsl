<?xml version="1.0" encoding="UTF-8"?>
<!-- 个人中心: who the member is (姓名, 参保单位, 证件 and 手机 masked), since
     when the account is bound, their pages, 退出. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">个人中心</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="m" select="member"/>
    <xsl:variable name="unread" select="number(concat('0', user/@unread))"/>
    <p class="back"><a href="/m/" id="back">‹ 首页</a></p>
    <section class="card me me-head">
      <span class="avatar" aria-hidden="true"><xsl:value-of select="substring($m/name, 1, 1)"/></span>
      <span class="me-text">
        <h1 class="me-name" id="me-name"><xsl:value-of select="$m/name"/></h1>
        <span class="unit" id="me-unit"><xsl:value-of select="$m/unit"/></span>
      </span>
    </section>
    <section class="card">
      <h2>个人信息</h2>
      <dl class="data me-data" id="me-data">
        <dt>姓名</dt><dd id="me-fullname"><xsl:value-of select="$m/name"/></dd>
        <xsl:if test="$m/gender"><dt>性别</dt><dd id="me-gender"><xsl:value-of select="$m/gender"/></dd></xsl:if>
        <dt>参保单位</dt><dd id="me-unit-name"><xsl:choose><xsl:when test="$m/unit != ''"><xsl:value-of select="$m/unit"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></dd>
        <dt>证件类型</dt><dd><xsl:value-of select="$m/id-type"/></dd>
        <dt>证件号码</dt><dd id="me-id"><xsl:value-of select="$m/id-number"/></dd>
        <dt>手机号码</dt><dd id="me-phone"><xsl:value-of select="$m/phone"/></dd>
        <dt>绑定时间</dt><dd id="me-bound"><xsl:value-of select="$m/bound-at"/></dd>
      </dl>
    </section>
    <nav class="card menu-list" aria-label="我的">
      <a href="/m/coverage" id="me-coverage">职工参保<span class="chev">›</span></a>
      <a href="/m/claims" id="me-claims">补助申请<span class="chev">›</span></a>
      <a href="/m/changes" id="me-changes">个人信息变更<span class="chev">›</span></a>
      <a href="/m/messages" id="me-messages">消息<xsl:if test="$unread &gt; 0"><span class="badge"><xsl:value-of select="$unread"/></span></xsl:if><span class="chev">›</span></a>
    </nav>
    <form method="post" action="/m/logout" id="me-logout-form">
      <xsl:call-template name="csrf"/>
      <button type="submit" class="secondary wide" id="me-logout">退出登录</button>
    </form>
  </xsl:template>
</xsl:stylesheet>
