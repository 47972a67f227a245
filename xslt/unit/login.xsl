<?xml version="1.0" encoding="UTF-8"?>
<!-- 经办人登录: 短信登录 / 密码登录 -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">经办人登录</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="tab" select="form/@tab"/>
    <section class="card login">
      <xsl:call-template name="page-head"><xsl:with-param name="title">单位经办人登录</xsl:with-param></xsl:call-template>
      <nav class="tabs">
        <a href="/u/login?tab=sms" id="tab-sms"><xsl:if test="$tab = 'sms'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>短信登录</a>
        <a href="/u/login?tab=password" id="tab-password"><xsl:if test="$tab = 'password'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>密码登录</a>
      </nav>
      <xsl:call-template name="messages"/>
      <xsl:choose>
        <xsl:when test="$tab = 'password'">
          <form method="post" action="/u/login/password" id="password-form" novalidate="novalidate">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="input">
              <xsl:with-param name="name" select="'login'"/>
              <xsl:with-param name="label">身份证号码或手机号码</xsl:with-param>
              <xsl:with-param name="autocomplete" select="'username'"/>
            </xsl:call-template>
            <xsl:call-template name="input">
              <xsl:with-param name="name" select="'password'"/>
              <xsl:with-param name="label">密码</xsl:with-param>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="autocomplete" select="'current-password'"/>
            </xsl:call-template>
            <button type="submit" class="primary wide">登录</button>
            <p class="links"><a href="/u/forgot">忘记密码？</a></p>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <form method="post" action="/u/login/sms" id="sms-form" novalidate="novalidate">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="input">
              <xsl:with-param name="name" select="'phone'"/>
              <xsl:with-param name="label">手机号码</xsl:with-param>
              <xsl:with-param name="type" select="'tel'"/>
              <xsl:with-param name="inputmode" select="'numeric'"/>
              <xsl:with-param name="maxlength" select="'11'"/>
            </xsl:call-template>
            <xsl:call-template name="code-input"/>
            <button type="submit" class="primary wide">登录</button>
            <p class="hint">首次使用短信登录后，需完善姓名、身份证号码并设置密码。</p>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
