<?xml version="1.0" encoding="UTF-8"?>
<!-- 账号申诉: for an agent who can sign in neither by password nor by SMS
     (the phone is lost); the office reviews it and answers by SMS. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">账号申诉</xsl:template>
  <xsl:template match="/page" mode="content">
    <section class="card">
      <xsl:call-template name="page-head"><xsl:with-param name="title">账号申诉</xsl:with-param></xsl:call-template>
      <xsl:choose>
        <xsl:when test="@filed">
          <p class="msg msg-ok" role="status" id="appeal-filed">申诉已提交。市总工会审核后将以短信通知尾号<xsl:value-of select="substring(@filed, 8)"/>的手机；审核通过的短信中有设置新密码的链接。</p>
          <p class="links"><a href="/u/login?tab=password">返回登录</a></p>
        </xsl:when>
        <xsl:otherwise>
          <form method="post" action="/u/appeal" id="appeal-form" enctype="multipart/form-data" novalidate="novalidate">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="messages"/>
            <p class="hint">无法通过密码、短信验证码或邮箱找回账号时（如原手机号已停用），请填写账号登记的信息并上传本人身份证照片，由市总工会人工审核。</p>
            <xsl:call-template name="input">
              <xsl:with-param name="name" select="'phone'"/>
              <xsl:with-param name="label">账号手机号码</xsl:with-param>
              <xsl:with-param name="type" select="'tel'"/>
              <xsl:with-param name="inputmode" select="'numeric'"/>
              <xsl:with-param name="maxlength" select="'11'"/>
            </xsl:call-template>
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
              <xsl:with-param name="name" select="'new_phone'"/>
              <xsl:with-param name="label">新手机号码（原手机号已停用时填写，审核通过后账号改用此号码）</xsl:with-param>
              <xsl:with-param name="type" select="'tel'"/>
              <xsl:with-param name="inputmode" select="'numeric'"/>
              <xsl:with-param name="maxlength" select="'11'"/>
            </xsl:call-template>
            <xsl:variable name="rf" select="/page/form/field[@name = 'reason']"/>
            <div class="field">
              <xsl:if test="$rf/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
              <label for="f-reason">申诉理由</label>
              <textarea id="f-reason" name="reason" rows="3" maxlength="500"><xsl:value-of select="$rf/@value"/></textarea>
              <xsl:if test="$rf/@error"><span class="err" id="err-reason"><xsl:value-of select="$rf/@error"/></span></xsl:if>
            </div>
            <div class="field">
              <label for="file-front">身份证人像面照片（JPG或PNG）</label>
              <xsl:call-template name="file-picker">
                <xsl:with-param name="name" select="'front'"/>
                <xsl:with-param name="accept" select="'image/jpeg,image/png'"/>
                <xsl:with-param name="title" select="'身份证人像面照片'"/>
              </xsl:call-template>
            </div>
            <div class="field">
              <label for="file-back">身份证国徽面照片（JPG或PNG）</label>
              <xsl:call-template name="file-picker">
                <xsl:with-param name="name" select="'back'"/>
                <xsl:with-param name="accept" select="'image/jpeg,image/png'"/>
                <xsl:with-param name="title" select="'身份证国徽面照片'"/>
              </xsl:call-template>
            </div>
            <xsl:variable name="c" select="/page/form/field[@name = 'captcha']"/>
            <div class="field captcha">
              <xsl:if test="$c/@error"><xsl:attribute name="class">field captcha has-error</xsl:attribute></xsl:if>
              <label for="f-captcha">图形验证码</label>
              <span class="code-row">
                <input id="f-captcha" name="captcha" type="text" maxlength="4" autocomplete="off" autocapitalize="characters" placeholder="请输入图中字符"/>
                <img class="captcha-img" id="captcha-img" src="/u/captcha" alt="图形验证码" width="132" height="44" title="看不清？点击换一张"/>
              </span>
              <xsl:choose>
                <xsl:when test="$c/@error"><span class="err" id="err-captcha"><xsl:value-of select="$c/@error"/></span></xsl:when>
                <xsl:otherwise><span class="hint">看不清？点击图片换一张</span></xsl:otherwise>
              </xsl:choose>
            </div>
            <button type="submit" class="primary wide">提交申诉</button>
            <p class="links"><a href="/u/forgot">通过短信验证码找回</a> · <a href="/u/login?tab=password">返回登录</a></p>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
