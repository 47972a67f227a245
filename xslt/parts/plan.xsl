<?xml version="1.0" encoding="UTF-8"?>
<!--
  plan.xsl: what the 保障计划 pages share: the gender rule and the
  enrolment window in words, and a labelled textarea with its message.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- 性别 of a plan: any / F / M. -->
  <xsl:template name="plan-gender">
    <xsl:param name="g"/>
    <xsl:choose>
      <xsl:when test="$g = 'F'">仅限女性</xsl:when>
      <xsl:when test="$g = 'M'">仅限男性</xsl:when>
      <xsl:otherwise>不限</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 集中参保期: "from 至 to", or 未设 when there is none. -->
  <xsl:template name="plan-window">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from != ''"><xsl:value-of select="$from"/> 至 <xsl:value-of select="$to"/></xsl:when>
      <xsl:otherwise><span class="muted">未设</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A labelled textarea with the user's text and its message. -->
  <xsl:template name="textarea-field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="rows" select="3"/>
    <xsl:param name="placeholder" select="''"/>
    <xsl:variable name="f" select="/page/form/field[@name = $name]"/>
    <div class="field wide">
      <xsl:if test="$f/@error"><xsl:attribute name="class">field wide has-error</xsl:attribute></xsl:if>
      <label for="f-{$name}"><xsl:value-of select="$label"/></label>
      <textarea id="f-{$name}" name="{$name}" rows="{$rows}">
        <xsl:if test="$placeholder != ''"><xsl:attribute name="placeholder"><xsl:value-of select="$placeholder"/></xsl:attribute></xsl:if>
        <xsl:value-of select="$f/@value"/>
      </textarea>
      <xsl:choose>
        <xsl:when test="$f/@error"><span class="err" id="err-{$name}"><xsl:value-of select="$f/@error"/></span></xsl:when>
        <xsl:when test="$hint != ''"><span class="hint"><xsl:value-of select="$hint"/></span></xsl:when>
      </xsl:choose>
    </div>
  </xsl:template>
</xsl:stylesheet>
