<?xml version="1.0" encoding="UTF-8"?>
<!-- 协会工作人员登录 -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">工作人员登录</xsl:template>
  <xsl:template match="/page" mode="content">
    <section class="card login">
      <xsl:call-template name="page-head"><xsl:with-param name="title">协会工作人员登录</xsl:with-param></xsl:call-template>
      <form method="post" action="/o/login" id="login-form" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="messages"/>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'username'"/>
          <xsl:with-param name="label">用户名</xsl:with-param>
          <xsl:with-param name="autocomplete" select="'username'"/>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'password'"/>
          <xsl:with-param name="label">密码</xsl:with-param>
          <xsl:with-param name="type" select="'password'"/>
          <xsl:with-param name="autocomplete" select="'current-password'"/>
        </xsl:call-template>
        <button type="submit" class="primary wide">登录</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
