<?xml version="1.0" encoding="UTF-8"?>
<!-- 撤回同意: what it means, and the confirmation. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">撤回同意</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="f" select="form/field[@name = 'confirm']"/>
    <p class="back"><a href="/m/privacy" id="back">‹ 隐私协议</a></p>
    <section class="card">
      <h1>撤回同意</h1>
      <p>撤回对《隐私协议》和《服务声明》的同意后：</p>
      <ul>
        <li>您的微信将与职工信息<b>解除绑定</b>，所有设备同时退出登录；</li>
        <li>已提交的参保、补助业务仍按规定继续办理，结果以短信通知；</li>
        <li>如需再次使用，可重新绑定并同意协议。</li>
      </ul>
      <form method="post" action="/m/consent/withdraw" id="withdraw-form">
        <xsl:call-template name="csrf"/>
        <div class="field attest">
          <xsl:if test="$f/@error"><xsl:attribute name="class">field attest has-error</xsl:attribute></xsl:if>
          <label class="check"><input type="checkbox" name="confirm" value="1" id="f-confirm"/><span>我已知晓撤回同意将解除绑定</span></label>
          <xsl:if test="$f/@error"><span class="err" id="err-confirm"><xsl:value-of select="$f/@error"/></span></xsl:if>
        </div>
        <button type="submit" class="danger wide" id="withdraw-submit">确认撤回</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
