<?xml version="1.0" encoding="UTF-8"?>
<!-- 组织架构: the tree, adding districts and units, renaming. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">组织架构</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'orgs'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">组织架构</xsl:with-param>
        <xsl:with-param name="sub">市总工会、区县/产业工会和基层单位</xsl:with-param>
        <xsl:with-param name="actions"><a class="button primary" href="#org-form">新增组织</a></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'tree'"/>
        <xsl:with-param name="count" select="count(tree/org)"/>
        <xsl:with-param name="head"><th>名称</th><th>层级</th><th class="right">在册职工</th><th>改名</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="tree/org">
            <tr data-org="{@id}" class="depth-{@depth}">
              <td><xsl:if test="@depth &gt; 0"><xsl:value-of select="substring('　　　　', 1, @depth)"/></xsl:if><xsl:value-of select="."/></td>
              <td><xsl:choose><xsl:when test="@level = 'root'">市总工会</xsl:when><xsl:when test="@level = 'district'">区县/产业工会</xsl:when><xsl:otherwise>基层单位</xsl:otherwise></xsl:choose></td>
              <td class="right"><xsl:value-of select="@members"/></td>
              <td>
                <form method="post" action="/o/orgs/rename" class="inline">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="id" value="{@id}"/>
                  <xsl:variable name="rn" select="/page/rename[@id = current()/@id]/field[@name = 'name']"/>
                  <xsl:choose>
                    <xsl:when test="$rn"><input type="text" name="name" value="{$rn/@value}" aria-label="新名称" aria-invalid="true"/></xsl:when>
                    <xsl:otherwise><input type="text" name="name" value="{.}" aria-label="新名称"/></xsl:otherwise>
                  </xsl:choose>
                  <button type="submit" class="link">改名</button>
                  <xsl:if test="$rn/@error"><span class="err rename-err"><xsl:value-of select="$rn/@error"/></span></xsl:if>
                </form>
              </td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <h2>新增组织</h2>
      <form method="post" action="/o/orgs" id="org-form" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <div class="grid2">
          <div class="field">
            <label for="f-parent">上级</label>
            <select id="f-parent" name="parent">
              <xsl:for-each select="tree/org[@level != 'unit']">
                <option value="{@id}"><xsl:if test="/page/form/field[@name='parent']/@value = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:if test="@depth &gt; 0">　</xsl:if><xsl:value-of select="."/></option>
              </xsl:for-each>
            </select>
            <xsl:if test="form/field[@name='parent']/@error"><span class="err" id="err-parent"><xsl:value-of select="form/field[@name='parent']/@error"/></span></xsl:if>
          </div>
          <div class="field">
            <label for="f-level">层级</label>
            <select id="f-level" name="level"><option value="unit">基层单位</option><option value="district">区县/产业工会</option></select>
          </div>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="label">名称</xsl:with-param></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'credit_code'"/><xsl:with-param name="label">统一社会信用代码（选填）</xsl:with-param><xsl:with-param name="maxlength" select="'18'"/></xsl:call-template>
        </div>
        <div class="form-actions"><button type="submit" class="primary">新增</button></div>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
