<?xml version="1.0" encoding="UTF-8"?>
<!-- 补助申请: the claim, what to look at twice (overlapping stays, a
     reused invoice number), the benefit items it is paid under, and for
     review1 the settlement sheet's figures with the computed amount and
     its explanation before approving. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="body[../@type = 'claim']" mode="body">
    <xsl:variable name="c" select="claim"/>
    <xsl:call-template name="claim-remark"><xsl:with-param name="c" select="$c"/></xsl:call-template>
    <xsl:if test="$c/flags/line">
      <div class="msg msg-warn" id="claim-flags" role="alert">
        <strong>请注意：</strong>
        <ul><xsl:for-each select="$c/flags/line"><li><xsl:value-of select="."/></li></xsl:for-each></ul>
      </div>
    </xsl:if>
    <xsl:call-template name="claim-data"><xsl:with-param name="c" select="$c"/></xsl:call-template>
    <h3>保障项目</h3>
    <ul class="files" id="claim-parts">
      <xsl:for-each select="$c/parts/part">
        <li><xsl:value-of select="plan"/> · 保障期 <xsl:value-of select="starts"/> 至 <xsl:value-of select="ends"/>
          <xsl:if test="amount"> · <xsl:value-of select="amount"/> 元</xsl:if></li>
      </xsl:for-each>
    </ul>
    <xsl:if test="$c/computed">
      <h3>补助计算（初审）：<span id="c-computed"><xsl:value-of select="$c/computed"/></span> 元</h3>
      <xsl:call-template name="claim-explanation">
        <xsl:with-param name="lines" select="$c/computation"/>
        <xsl:with-param name="id" select="'c-computation'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$c/explanation/line">
      <h3>核定补助金额：<xsl:value-of select="$c/amount"/> 元</h3>
      <xsl:call-template name="claim-explanation"><xsl:with-param name="lines" select="$c/explanation"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="$c/@figures">
      <h3 id="figures-head">录入结算单金额</h3>
      <form method="post" action="/o/claim/figures" class="grid2" id="figures-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{$c/@id}"/>
        <xsl:choose>
          <xsl:when test="$c/@kind = 'inpatient'">
            <xsl:call-template name="figure-input"><xsl:with-param name="name" select="'total_cost'"/><xsl:with-param name="label" select="'住院总费用（元）'"/><xsl:with-param name="stored" select="$c/total-cost"/></xsl:call-template>
            <xsl:call-template name="figure-input"><xsl:with-param name="name" select="'base'"/><xsl:with-param name="label" select="'补助基数（元）'"/><xsl:with-param name="stored" select="$c/base"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="$c/@kind = 'accident'">
            <xsl:call-template name="figure-input"><xsl:with-param name="name" select="'medical'"/><xsl:with-param name="label" select="'意外医疗费用（元）'"/><xsl:with-param name="stored" select="$c/medical"/></xsl:call-template>
            <xsl:call-template name="figure-input"><xsl:with-param name="name" select="'grade'"/><xsl:with-param name="label" select="'伤残等级（1-10，无则留空）'"/><xsl:with-param name="stored" select="$c/grade"/><xsl:with-param name="mode" select="'numeric'"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="$c/@kind = 'disability'">
            <xsl:call-template name="figure-input"><xsl:with-param name="name" select="'grade'"/><xsl:with-param name="label" select="'伤残等级（1-10）'"/><xsl:with-param name="stored" select="$c/grade"/><xsl:with-param name="mode" select="'numeric'"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise><p class="muted wide">此类补助按保障计划的定额计算，无需录入金额。</p></xsl:otherwise>
        </xsl:choose>
        <div class="form-actions wide"><button type="submit" id="compute">计算补助金额</button></div>
      </form>
    </xsl:if>
  </xsl:template>

  <!-- A figure as typed, else as stored (the form after computing). -->
  <xsl:template name="figure-input">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="stored"/>
    <xsl:param name="mode" select="'decimal'"/>
    <xsl:variable name="f" select="/page/form/field[@name = $name]"/>
    <div class="field">
      <xsl:if test="$f/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-{$name}"><xsl:value-of select="$label"/></label>
      <input id="f-{$name}" name="{$name}" type="text" inputmode="{$mode}" autocomplete="off">
        <xsl:attribute name="value"><xsl:choose><xsl:when test="$f"><xsl:value-of select="$f/@value"/></xsl:when><xsl:otherwise><xsl:value-of select="$stored"/></xsl:otherwise></xsl:choose></xsl:attribute>
      </input>
      <xsl:if test="$f/@error"><span class="err" id="err-{$name}"><xsl:value-of select="$f/@error"/></span></xsl:if>
    </div>
  </xsl:template>
</xsl:stylesheet>
