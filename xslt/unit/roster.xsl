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
      <xsl:when test="not(@unit)"><xsl:call-template name="choose-unit"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="roster"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="choose-unit">
    <section class="card">
      <h1>职工名册</h1>
      <p>请选择单位：</p>
      <ul class="files" id="roster-units">
        <xsl:for-each select="units/unit[@mutual-aid]">
          <li><a href="/u/roster?unit={@id}"><xsl:value-of select="name"/></a></li>
        </xsl:for-each>
      </ul>
      <xsl:if test="not(units/unit[@mutual-aid])"><p class="empty">您没有任何单位的医疗互助权限。</p></xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="roster">
    <xsl:variable name="u" select="@unit"/>
    <section class="card">
      <div class="card-head">
        <h1>职工名册 · <span id="unit-name"><xsl:value-of select="units/unit[@id = $u]/name"/></span></h1>
        <span class="count">共 <b id="roster-total"><xsl:value-of select="roster/@total"/></b> 人</span>
      </div>
      <xsl:call-template name="messages"/>
      <div class="toolbar">
        <a class="button secondary" href="/u/roster/template.xlsx" id="template">职工模板下载</a>
        <form method="post" action="/u/roster/import" enctype="multipart/form-data" class="inline" id="import-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="unit" value="{$u}"/>
          <input type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label="职工名册文件"/>
          <button type="submit" class="primary">导入职工信息</button>
        </form>
        <a class="button secondary" href="/u/roster/add?unit={$u}" id="add">新增</a>
        <a class="button secondary" href="/x/roster.xlsx?unit={$u}" id="export">导出</a>
        <a class="button secondary" href="/u/roster/move?unit={$u}" id="moves">会籍变更</a>
      </div>
      <form method="get" action="/u/roster" class="row" id="search">
        <input type="hidden" name="unit" value="{$u}"/>
        <input type="search" name="q" value="{roster/@q}" placeholder="姓名或证件号码"/>
        <button type="submit" class="secondary">查询</button>
      </form>
      <xsl:choose>
        <xsl:when test="roster/member">
          <table class="list" id="roster">
            <thead><tr><th>姓名</th><th>证件类型</th><th>证件号码</th><th>性别</th><th>出生日期</th><th>手机号码</th><th>银行卡号</th><th>操作</th></tr></thead>
            <tbody>
              <xsl:for-each select="roster/member">
                <tr data-member="{@id}">
                  <td class="name"><xsl:value-of select="name"/></td>
                  <td><xsl:value-of select="id-type"/></td>
                  <td class="id-number"><xsl:value-of select="id-number"/></td>
                  <td><xsl:choose><xsl:when test="gender = 'F'">女</xsl:when><xsl:when test="gender = 'M'">男</xsl:when></xsl:choose></td>
                  <td><xsl:value-of select="birth"/></td>
                  <td><xsl:value-of select="phone"/></td>
                  <td><xsl:value-of select="bank-card"/></td>
                  <td>
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
            </tbody>
          </table>
          <xsl:if test="roster/@pages &gt; 1">
            <nav class="pager" id="pager">
              <xsl:if test="roster/@page &gt; 1"><a href="/u/roster?unit={$u}&amp;q={roster/@q}&amp;page={roster/@page - 1}">上一页</a></xsl:if>
              <span>第 <xsl:value-of select="roster/@page"/> / <xsl:value-of select="roster/@pages"/> 页</span>
              <xsl:if test="roster/@page &lt; roster/@pages"><a href="/u/roster?unit={$u}&amp;q={roster/@q}&amp;page={roster/@page + 1}" id="next">下一页</a></xsl:if>
            </nav>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><p class="empty" id="roster-empty">没有符合条件的职工。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
