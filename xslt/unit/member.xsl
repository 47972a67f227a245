<?xml version="1.0" encoding="UTF-8"?>
<!-- 新增 / 编辑职工: one person of the roster. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title"><xsl:choose><xsl:when test="@member">编辑职工</xsl:when><xsl:otherwise>新增职工</xsl:otherwise></xsl:choose></xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'roster'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title"><xsl:apply-templates select="." mode="title"/></xsl:with-param>
        <xsl:with-param name="sub">带 * 为必填项。姓名中不要出现空格；身份证号码最后一位是字母的请用大写 X。</xsl:with-param>
        <xsl:with-param name="actions"><a class="button secondary" href="/u/roster?unit={@unit}">返回名册</a></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:if test="form/@move-member">
        <p class="msg msg-error" id="move-hint">该职工的会籍在其他单位。
          <a id="move-link" href="/u/roster/move?unit={@unit}&amp;id_type={form/field[@name='id_type']/@value}&amp;id_number={form/field[@name='id_number']/@value}">申请会籍变更</a></p>
      </xsl:if>
      <form method="post" id="member-form" novalidate="novalidate">
        <xsl:attribute name="action"><xsl:choose><xsl:when test="@member">/u/roster/member</xsl:when><xsl:otherwise>/u/roster/add</xsl:otherwise></xsl:choose></xsl:attribute>
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="unit" value="{@unit}"/>
        <xsl:if test="@member"><input type="hidden" name="id" value="{@member}"/></xsl:if>
        <div class="grid2">
          <xsl:call-template name="input"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="label">姓名 *</xsl:with-param></xsl:call-template>
          <xsl:choose>
            <!-- Editing: who the person is shows as text, not inputs. -->
            <xsl:when test="/page/@member">
              <div class="field readonly">
                <span class="label">证件类型</span>
                <span class="value" id="id-type"><xsl:value-of select="/page/person/@id-type"/></span>
              </div>
              <div class="field readonly">
                <span class="label">证件号码</span>
                <span class="value" id="id-number"><xsl:value-of select="/page/person/@id-number"/></span>
                <span class="hint">证件类型和号码不能在此修改</span>
              </div>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="id-type-select"/>
              <xsl:call-template name="input"><xsl:with-param name="name" select="'id_number'"/><xsl:with-param name="label">证件号码 *</xsl:with-param></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'phone'"/><xsl:with-param name="label">手机号码 *</xsl:with-param><xsl:with-param name="inputmode" select="'tel'"/><xsl:with-param name="maxlength" select="'11'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'si_type'"/><xsl:with-param name="label">医保类型</xsl:with-param></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'si_card'"/><xsl:with-param name="label">社保卡号</xsl:with-param></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'bank_card'"/><xsl:with-param name="label">银行卡号</xsl:with-param><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'bank_name'"/><xsl:with-param name="label">开户行</xsl:with-param></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'remarks'"/><xsl:with-param name="label">备注</xsl:with-param></xsl:call-template>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" id="save">保存</button>
          <a href="/u/roster?unit={@unit}">返回名册</a>
        </div>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
