<?xml version="1.0" encoding="UTF-8"?>
<!-- 开票信息: one per unit. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">开票信息</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="u" select="@unit"/>
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'units'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">开票信息 · <xsl:value-of select="units/unit[@id = $u]/name"/></xsl:with-param>
        <xsl:with-param name="sub">每个单位一份；开多个户头时请上传说明附件</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:if test="not(invoice/@updated)"><p class="msg msg-error" id="invoice-missing">本单位尚未填写开票信息。</p></xsl:if>
      <form method="post" action="/u/invoice" enctype="multipart/form-data" id="invoice-form" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="unit" value="{$u}"/>
        <div class="grid2">
          <xsl:call-template name="input"><xsl:with-param name="name" select="'title'"/><xsl:with-param name="label">发票抬头</xsl:with-param></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'tax_no'"/><xsl:with-param name="label">纳税人识别号（统一社会信用代码）</xsl:with-param><xsl:with-param name="maxlength" select="'18'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'address'"/><xsl:with-param name="label">地址（选填）</xsl:with-param></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'phone'"/><xsl:with-param name="label">电话（选填）</xsl:with-param></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'bank'"/><xsl:with-param name="label">开户行（选填）</xsl:with-param></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'account'"/><xsl:with-param name="label">账号（选填）</xsl:with-param></xsl:call-template>
        </div>
        <div class="field">
          <label class="check"><input type="checkbox" name="several" value="1"><xsl:if test="invoice/@several"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input> 需要开多个户头（请上传说明各户头开票信息的附件）</label>
        </div>
        <div class="field">
          <span class="label">说明附件（jpg、png 或 pdf）</span>
          <xsl:call-template name="file-picker">
            <xsl:with-param name="name" select="'note'"/>
            <xsl:with-param name="label" select="'选择附件'"/>
            <xsl:with-param name="title" select="'开票说明附件'"/>
            <xsl:with-param name="accept" select="'.jpg,.jpeg,.png,.pdf'"/>
          </xsl:call-template>
        </div>
        <div class="form-actions"><button type="submit" class="primary" id="save">保存</button></div>
      </form>
      <xsl:call-template name="materials">
        <xsl:with-param name="files" select="invoice/materials"/>
        <xsl:with-param name="href" select="concat('/u/invoice/file?unit=', $u, '&amp;id=')"/>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
