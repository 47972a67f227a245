<?xml version="1.0" encoding="UTF-8"?>
<!-- 找回密码 (by SMS code) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">找回密码</xsl:template>
  <xsl:template match="/page" mode="content">
    <section class="card">
      <xsl:call-template name="page-head"><xsl:with-param name="title">找回密码</xsl:with-param></xsl:call-template>
      <form method="post" action="/u/forgot" id="forgot-form" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="messages"/>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'phone'"/>
          <xsl:with-param name="label">注册手机号码</xsl:with-param>
          <xsl:with-param name="type" select="'tel'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="maxlength" select="'11'"/>
        </xsl:call-template>
        <xsl:call-template name="code-input"/>
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
        <button type="submit" class="primary wide">重置密码</button>
        <p class="links">
          <xsl:if test="/page/@mail = '1'"><a href="/u/forgot/mail" id="via-mail">通过邮箱找回</a> · </xsl:if>
          <a href="/u/appeal" id="via-appeal">手机号已停用？提交申诉</a> · <a href="/u/login?tab=password">返回登录</a>
        </p>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
