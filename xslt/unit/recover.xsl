<?xml version="1.0" encoding="UTF-8"?>
<!-- 找回密码 by e-mail: ask for the link, "sent", and the link's page that
     sets the new password (an approved 申诉's SMS link opens it too). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">
    <xsl:choose>
      <xsl:when test="@mode = 'reset' or @mode = 'dead'">设置新密码</xsl:when>
      <xsl:otherwise>通过邮箱找回密码</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="/page" mode="content">
    <section class="card">
      <xsl:choose>
        <xsl:when test="@mode = 'mail'">
          <xsl:call-template name="page-head"><xsl:with-param name="title">通过邮箱找回密码</xsl:with-param></xsl:call-template>
          <form method="post" action="/u/forgot/mail" id="mail-form" novalidate="novalidate">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="messages"/>
            <p class="hint">请输入您在“账号”页面绑定的邮箱，我们会发送一封含有重置链接的邮件，链接30分钟内有效，只能使用一次。</p>
            <xsl:call-template name="input">
              <xsl:with-param name="name" select="'email'"/>
              <xsl:with-param name="label">绑定邮箱</xsl:with-param>
              <xsl:with-param name="type" select="'email'"/>
              <xsl:with-param name="autocomplete" select="'email'"/>
              <xsl:with-param name="maxlength" select="'120'"/>
            </xsl:call-template>
            <button type="submit" class="primary wide">发送重置邮件</button>
            <p class="links"><a href="/u/forgot">通过短信验证码找回</a> · <a href="/u/login?tab=password">返回登录</a></p>
          </form>
        </xsl:when>
        <xsl:when test="@mode = 'sent'">
          <xsl:call-template name="page-head"><xsl:with-param name="title">邮件已发送</xsl:with-param></xsl:call-template>
          <p class="msg msg-ok" role="status" id="mail-sent">如果 <xsl:value-of select="@email"/> 已绑定经办人账号，我们已向该邮箱发送一封含有重置链接的邮件，请在30分钟内查收并打开链接设置新密码。</p>
          <p class="hint">没有收到？请检查垃圾邮件，或稍等一分钟后重新发送。</p>
          <p class="links"><a href="/u/forgot/mail">重新发送</a> · <a href="/u/login?tab=password">返回登录</a></p>
        </xsl:when>
        <xsl:when test="@mode = 'reset'">
          <xsl:call-template name="page-head"><xsl:with-param name="title">设置新密码</xsl:with-param></xsl:call-template>
          <form method="post" action="{@action}" id="reset-form" novalidate="novalidate">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="token" value="{/page/form/field[@name = 'token']/@value}"/>
            <xsl:call-template name="messages"/>
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
            <p class="hint">设置成功后，该账号在其他设备上的登录将全部退出。</p>
            <button type="submit" class="primary wide">确认设置</button>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="page-head"><xsl:with-param name="title">设置新密码</xsl:with-param></xsl:call-template>
          <xsl:call-template name="messages"/>
          <p class="links"><a href="/u/forgot">重新找回密码</a> · <a href="/u/login?tab=password">返回登录</a></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
