<?xml version="1.0" encoding="UTF-8"?>
<!-- 常用退回意见: per business type, offered on every return. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">常用退回意见</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'reasons'"/></xsl:call-template>
    <section class="card">
      <h1>常用退回意见</h1>
      <p class="hint">审核人员退回时可从列表中选择，选择后仍可修改。</p>
      <xsl:call-template name="messages"/>
      <xsl:for-each select="reasons">
        <h2><xsl:value-of select="@type-label"/></h2>
        <ul class="reasons" id="reasons-{@type}">
          <xsl:for-each select="reason">
            <li><xsl:value-of select="."/>
              <form method="post" action="/o/reasons" class="inline">
                <xsl:call-template name="csrf"/>
                <input type="hidden" name="type" value="{../@type}"/>
                <button type="submit" name="remove" value="{@id}" class="link">删除</button>
              </form></li>
          </xsl:for-each>
        </ul>
        <form method="post" action="/o/reasons" class="inline-add" id="add-{@type}">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="type" value="{@type}"/>
          <input type="text" name="text" maxlength="500" placeholder="新增一条退回意见"/>
          <button type="submit" class="secondary">添加</button>
        </form>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
