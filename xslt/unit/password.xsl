<?xml version="1.0" encoding="UTF-8"?>
<!-- 修改密码 -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">修改密码</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'password'"/></xsl:call-template>
    <section class="card narrow-form">
      <xsl:call-template name="page-head"><xsl:with-param name="title">修改密码</xsl:with-param></xsl:call-template>
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
        <div class="form-actions"><button type="submit" class="primary">保存</button></div>
      </form>
    </section>
    <!-- 找回密码 by e-mail mails to this address (when the system sends mail). -->
    <section class="card narrow-form" id="email-card">
      <xsl:call-template name="page-head"><xsl:with-param name="title">找回密码邮箱</xsl:with-param></xsl:call-template>
      <form method="post" action="/u/password/email" id="email-form" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:variable name="f" select="/page/form/field[@name = 'email']"/>
        <div class="field">
          <xsl:if test="$f/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="f-email">邮箱（选填，用于通过邮箱找回密码）</label>
          <input id="f-email" name="email" type="email" autocomplete="email" maxlength="120">
            <xsl:attribute name="value"><xsl:choose><xsl:when test="$f and not(/page/@email_saved)"><xsl:value-of select="$f/@value"/></xsl:when><xsl:otherwise><xsl:value-of select="/page/@email"/></xsl:otherwise></xsl:choose></xsl:attribute>
          </input>
          <xsl:if test="$f/@error"><span class="err" id="err-email"><xsl:value-of select="$f/@error"/></span></xsl:if>
        </div>
        <xsl:if test="/page/@email_saved"><p class="msg msg-ok" role="status" id="email-saved"><xsl:value-of select="/page/@email_saved"/></p></xsl:if>
        <xsl:if test="not(/page/@mail = '1')"><p class="hint">系统暂未开通邮件发送，保存的邮箱将在开通后可用。</p></xsl:if>
        <div class="form-actions"><button type="submit" class="primary">保存邮箱</button></div>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
