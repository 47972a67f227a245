<?xml version="1.0" encoding="UTF-8"?>
<!-- 修改密码 -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">修改密码</xsl:template>
  <xsl:template match="/page" mode="content">
    <nav class="side">
      <a href="/u/">首页</a>
      <a href="/u/password" class="active">修改密码</a>
    </nav>
    <section class="card">
      <h1>修改密码</h1>
      <form method="post" action="/u/password" id="password-form" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="messages"/>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'old_password'"/>
          <xsl:with-param name="label">原密码</xsl:with-param>
          <xsl:with-param name="type" select="'password'"/>
          <xsl:with-param name="autocomplete" select="'current-password'"/>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'password'"/>
          <xsl:with-param name="label">新密码（8位以上，含字母和数字）</xsl:with-param>
          <xsl:with-param name="type" select="'password'"/>
          <xsl:with-param name="autocomplete" select="'new-password'"/>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'password2'"/>
          <xsl:with-param name="label">确认新密码</xsl:with-param>
          <xsl:with-param name="type" select="'password'"/>
          <xsl:with-param name="autocomplete" select="'new-password'"/>
        </xsl:call-template>
        <button type="submit" class="primary">保存</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
