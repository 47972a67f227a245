<?xml version="1.0" encoding="UTF-8"?>
<!-- 账号申诉: what the appellant gave, and the account's record; the ID
     photos are the materials shown below. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="body[../@type = 'appeal']" mode="body">
    <h2>申诉内容</h2>
    <dl class="data" id="appeal-asked">
      <dt>姓名</dt><dd id="d-name"><xsl:value-of select="asked/@name"/></dd>
      <dt>身份证号码</dt><dd><xsl:value-of select="asked/@id_number"/></dd>
      <dt>账号手机号码</dt><dd><xsl:value-of select="asked/@phone"/></dd>
      <dt>新手机号码</dt><dd id="d-new-phone"><xsl:choose>
        <xsl:when test="asked/@new_phone != ''"><xsl:value-of select="asked/@new_phone"/>（原手机号已停用，通过后账号改用此号码）</xsl:when>
        <xsl:otherwise>不更换</xsl:otherwise></xsl:choose></dd>
      <dt>申诉理由</dt><dd id="d-reason"><xsl:value-of select="asked/reason"/></dd>
      <dt>提交时间</dt><dd><xsl:value-of select="asked/@filed"/></dd>
    </dl>
    <h2>账号档案</h2>
    <dl class="data" id="appeal-account">
      <dt>经办人</dt><dd><xsl:value-of select="account/@name"/></dd>
      <dt>身份证号码</dt><dd><xsl:value-of select="account/@id_number"/></dd>
      <dt>手机号码</dt><dd><xsl:value-of select="account/@phone"/></dd>
      <dt>注册日期</dt><dd><xsl:value-of select="account/@since"/></dd>
      <dt>找回邮箱</dt><dd><xsl:value-of select="account/@email"/></dd>
      <dt>账号状态</dt><dd><xsl:choose><xsl:when test="account/@disabled = '1'">已停用</xsl:when><xsl:otherwise>正常</xsl:otherwise></xsl:choose></dd>
      <dt>核对结果</dt><dd id="d-matches"><xsl:choose>
        <xsl:when test="account/@matches = '1'">姓名、身份证号码与账号登记一致；请对照身份证照片核实本人</xsl:when>
        <xsl:otherwise>与账号登记不一致</xsl:otherwise></xsl:choose></dd>
      <dt>服务单位</dt><dd id="d-units"><xsl:choose>
        <xsl:when test="account/units/unit"><xsl:for-each select="account/units/unit"><xsl:if test="position() &gt; 1">、</xsl:if><xsl:value-of select="."/>（<xsl:value-of select="@role"/>）</xsl:for-each></xsl:when>
        <xsl:otherwise>无</xsl:otherwise></xsl:choose></dd>
    </dl>
    <p class="hint">审核通过后，系统将向<xsl:choose><xsl:when test="asked/@new_phone != ''">新手机号码</xsl:when><xsl:otherwise>账号手机号码</xsl:otherwise></xsl:choose>发送一次性链接（24小时内有效），申诉人凭此设置新密码；退回时请填写原因，将以短信告知。</p>
  </xsl:template>
</xsl:stylesheet>
