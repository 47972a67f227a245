<?xml version="1.0" encoding="UTF-8"?>
<!-- 完善个人信息 (first login) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">完善个人信息</xsl:template>
  <xsl:template match="/page" mode="content">
    <section class="card">
      <xsl:call-template name="page-head"><xsl:with-param name="title">完善个人信息</xsl:with-param></xsl:call-template>
      <p class="hint">首次登录请填写您的真实姓名和身份证号码（最后一位是字母的请用大写字母），并设置登录密码。</p>
      <form method="post" action="/u/profile" id="profile-form" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="messages"/>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="label">姓名</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'id_number'"/>
          <xsl:with-param name="label">身份证号码</xsl:with-param>
          <xsl:with-param name="maxlength" select="'18'"/>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'password'"/>
          <xsl:with-param name="label">密码（8位以上，含字母和数字）</xsl:with-param>
          <xsl:with-param name="type" select="'password'"/>
          <xsl:with-param name="autocomplete" select="'new-password'"/>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'password2'"/>
          <xsl:with-param name="label">确认密码</xsl:with-param>
          <xsl:with-param name="type" select="'password'"/>
          <xsl:with-param name="autocomplete" select="'new-password'"/>
        </xsl:call-template>
        <button type="submit" class="primary wide">提交</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
