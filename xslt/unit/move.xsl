<?xml version="1.0" encoding="UTF-8"?>
<!-- 会籍变更: the unit's requests and the form; or one request. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">会籍变更</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'roster'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="move"><xsl:call-template name="item"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="list"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="list">
    <xsl:variable name="u" select="@unit"/>
    <section class="card">
      <h1>会籍变更 · <xsl:value-of select="units/unit[@id = $u]/name"/></h1>
      <p class="hint">职工的会籍在其他单位时，由本单位申请调入，经市总工会审核通过后转入本单位名册。</p>
      <xsl:call-template name="messages"/>
      <form method="post" action="/u/roster/move" id="move-form" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="unit" value="{$u}"/>
        <div class="grid2">
          <xsl:call-template name="id-type-select"/>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'id_number'"/><xsl:with-param name="label">证件号码</xsl:with-param></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'reason'"/><xsl:with-param name="label">调入原因（选填）</xsl:with-param></xsl:call-template>
        </div>
        <button type="submit" class="primary" id="move-submit">申请调入并上报</button>
      </form>
      <h2>本单位的会籍变更申请</h2>
      <xsl:choose>
        <xsl:when test="moves/move">
          <table class="list" id="moves">
            <thead><tr><th>姓名</th><th>证件号码</th><th>原单位</th><th>状态</th><th>更新时间</th><th>操作</th></tr></thead>
            <tbody>
              <xsl:for-each select="moves/move">
                <tr data-id="{@id}">
                  <td><xsl:value-of select="name"/></td>
                  <td><xsl:value-of select="id-number"/></td>
                  <td><xsl:value-of select="from"/></td>
                  <td><xsl:call-template name="state-chip"><xsl:with-param name="state" select="@state"/><xsl:with-param name="label" select="@state-seen"/></xsl:call-template></td>
                  <td><xsl:value-of select="updated"/></td>
                  <td><a href="/u/roster/move?id={@id}">查看</a></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p class="empty">暂无申请。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="item">
    <xsl:variable name="m" select="move"/>
    <section class="card">
      <div class="card-head">
        <h1>会籍变更 · <xsl:value-of select="$m/name"/></h1>
        <span id="move-state"><xsl:call-template name="state-chip"><xsl:with-param name="state" select="$m/@state"/><xsl:with-param name="label" select="$m/@state-seen"/></xsl:call-template></span>
      </div>
      <dl class="data">
        <dt>证件号码</dt><dd><xsl:value-of select="$m/id-number"/></dd>
        <dt>原单位</dt><dd><xsl:value-of select="$m/from"/></dd>
        <dt>调入单位</dt><dd><xsl:value-of select="$m/to"/></dd>
        <dt>原因</dt><dd><xsl:value-of select="$m/reason"/></dd>
      </dl>
      <p><a href="/u/roster/move?unit={/page/@unit}">返回会籍变更</a></p>
    </section>
    <xsl:call-template name="timeline"><xsl:with-param name="steps" select="$m/timeline"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
