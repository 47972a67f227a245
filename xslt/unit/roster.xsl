<?xml version="1.0" encoding="UTF-8"?>
<!-- 职工名册: pick a unit, then search, page, add, edit, remove, import
     and export its roster. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">职工名册</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'roster'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="not(@unit)">
        <xsl:call-template name="aid-units">
          <xsl:with-param name="title" select="'职工名册'"/>
          <xsl:with-param name="href" select="'/u/roster?unit='"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="roster"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="roster">
    <xsl:variable name="u" select="@unit"/>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">职工名册 · <span id="unit-name"><xsl:value-of select="units/unit[@id = $u]/name"/></span></xsl:with-param>
        <xsl:with-param name="sub"><span class="count">共 <b id="roster-total"><xsl:value-of select="roster/@total"/></b> 人</span></xsl:with-param>
        <xsl:with-param name="actions">
          <a class="button primary" href="/u/roster/add?unit={$u}" id="add">新增</a>
          <a class="button secondary" href="/x/roster.xlsx?unit={$u}" id="export">导出</a>
          <a class="button secondary" href="/u/roster/move?unit={$u}" id="moves">会籍变更</a>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <div class="import-box">
        <h2>导入职工信息</h2>
        <p class="hint">先下载模板，按模板中的“录入说明”填写后上传；导入结果可在“我的办件”中查看。</p>
        <div class="toolbar">
          <a class="button secondary" href="/u/roster/template.xlsx" id="template">职工模板下载</a>
          <form method="post" action="/u/roster/import" enctype="multipart/form-data" class="import-form" id="import-form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="unit" value="{$u}"/>
            <xsl:call-template name="file-picker">
              <xsl:with-param name="name" select="'file'"/>
              <xsl:with-param name="label" select="'选择名册文件'"/>
              <xsl:with-param name="title" select="'职工名册文件'"/>
              <xsl:with-param name="accept" select="'.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'"/>
            </xsl:call-template>
            <button type="submit" class="primary" id="import">导入职工信息</button>
          </form>
        </div>
      </div>
      <xsl:call-template name="filter-bar">
        <xsl:with-param name="action" select="'/u/roster'"/>
        <xsl:with-param name="q" select="roster/@q"/>
        <xsl:with-param name="placeholder" select="'姓名或证件号码'"/>
        <xsl:with-param name="hidden"><input type="hidden" name="unit" value="{$u}"/></xsl:with-param>
        <xsl:with-param name="clear" select="concat('/u/roster?unit=', $u)"/>
      </xsl:call-template>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'roster'"/>
        <xsl:with-param name="count" select="count(roster/member)"/>
        <xsl:with-param name="list" select="roster"/>
        <xsl:with-param name="href" select="concat('/u/roster?unit=', $u, '&amp;q=', roster/@q, '&amp;')"/>
        <xsl:with-param name="empty">没有符合条件的职工。</xsl:with-param>
        <xsl:with-param name="head"><th>姓名</th><th class="opt">证件类型</th><th>证件号码</th><th class="opt">性别</th><th class="opt">出生日期</th><th>手机号码</th><th class="opt">银行卡号</th><th>操作</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="roster/member">
            <tr data-member="{@id}">
              <td class="name"><xsl:value-of select="name"/></td>
              <td class="opt"><xsl:value-of select="id-type"/></td>
              <td class="id-number"><xsl:value-of select="id-number"/></td>
              <td class="opt"><xsl:choose><xsl:when test="gender = 'F'">女</xsl:when><xsl:when test="gender = 'M'">男</xsl:when></xsl:choose></td>
              <td class="opt"><xsl:value-of select="birth"/></td>
              <td><xsl:value-of select="phone"/></td>
              <td class="opt"><xsl:value-of select="bank-card"/></td>
              <td class="row-actions">
                <a href="/u/roster/member?unit={$u}&amp;id={@id}">编辑</a>
                <form method="post" action="/u/roster/remove" class="inline">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="unit" value="{$u}"/>
                  <input type="hidden" name="id" value="{@id}"/>
                  <button type="submit" class="link">移出</button>
                </form>
              </td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
