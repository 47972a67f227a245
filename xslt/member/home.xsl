<?xml version="1.0" encoding="UTF-8"?>
<!-- 首页: who the member is, their unit, the menu. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">首页</xsl:template>
  <xsl:template match="/page" mode="content">
    <section class="card me" id="me">
      <div class="avatar" aria-hidden="true"><xsl:value-of select="substring(member/name, 1, 1)"/></div>
      <div>
        <h1 id="member-name"><xsl:value-of select="member/name"/></h1>
        <p id="member-unit" class="unit"><xsl:value-of select="member/unit"/></p>
        <p class="muted"><xsl:value-of select="member/id-type"/>
          <xsl:text> </xsl:text><span id="member-id"><xsl:value-of select="member/id-number"/></span></p>
        <p class="muted">手机 <span id="member-phone"><xsl:value-of select="member/phone"/></span></p>
      </div>
    </section>
    <nav class="grid-menu" aria-label="功能">
      <span class="tile soon">公告通知<small>即将开放</small></span>
      <a class="tile" href="/m/coverage" id="tile-coverage">职工参保<small>我的参保记录</small></a>
      <a class="tile" href="/m/claims" id="tile-claims">补助申请<small>申请住院补助金</small></a>
      <span class="tile soon">个人信息变更<small>即将开放</small></span>
      <span class="tile soon">宣传手册<small>即将开放</small></span>
    </nav>
  </xsl:template>
</xsl:stylesheet>
