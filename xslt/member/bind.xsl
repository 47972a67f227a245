<?xml version="1.0" encoding="UTF-8"?>
<!-- 职工绑定账号 -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">职工绑定账号</xsl:template>
  <xsl:template match="/page" mode="content">
    <section class="card bind">
      <xsl:call-template name="page-head"><xsl:with-param name="title">职工绑定账号</xsl:with-param></xsl:call-template>
      <p class="hint">首次使用请绑定您的职工信息，绑定后可查看参保记录、申请补助。</p>
      <form method="post" action="/m/bind" id="bind-form" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="messages"/>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="label">姓名</xsl:with-param>
          <xsl:with-param name="placeholder">请输入您的姓名</xsl:with-param>
          <xsl:with-param name="autocomplete" select="'name'"/>
        </xsl:call-template>
        <xsl:call-template name="id-type-select"/>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'id_number'"/>
          <xsl:with-param name="label">证件号码</xsl:with-param>
          <xsl:with-param name="placeholder">请输入您的证件号码</xsl:with-param>
          <xsl:with-param name="maxlength" select="'32'"/>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'phone'"/>
          <xsl:with-param name="label">手机号码</xsl:with-param>
          <xsl:with-param name="type" select="'tel'"/>
          <xsl:with-param name="placeholder">请输入您的手机号码</xsl:with-param>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="maxlength" select="'11'"/>
          <xsl:with-param name="autocomplete" select="'tel'"/>
        </xsl:call-template>
        <xsl:call-template name="code-input"/>
        <xsl:variable name="agree" select="/page/form/field[@name = 'agree']"/>
        <div class="field attest">
          <xsl:if test="$agree/@error"><xsl:attribute name="class">field attest has-error</xsl:attribute></xsl:if>
          <label class="check"><input type="checkbox" name="agree" value="1" id="f-agree"><xsl:if test="$agree/@value = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input><span>我已阅读并同意<a href="/m/privacy" id="link-privacy">《隐私协议》</a>和<a href="/m/terms" id="link-terms">《服务声明》</a></span></label>
          <xsl:if test="$agree/@error"><span class="err" id="err-agree"><xsl:value-of select="$agree/@error"/></span></xsl:if>
        </div>
        <button type="submit" class="primary wide" id="bind-submit">立即绑定</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
