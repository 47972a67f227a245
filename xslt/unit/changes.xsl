<?xml version="1.0" encoding="UTF-8"?>
<!--
  信息变更 in the unit portal: the unit's requests (filed by its members
  or by its agents for them), and 发起变更 for a member found in the
  roster by name or ID number.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">信息变更</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'changes'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="not(@unit)">
        <xsl:call-template name="aid-units"><xsl:with-param name="title" select="'信息变更'"/><xsl:with-param name="href" select="'/u/changes?unit='"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="list"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="list">
    <xsl:variable name="u" select="@unit"/>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">信息变更 · <span id="unit-name"><xsl:value-of select="units/unit[@id = $u]/name"/></span></xsl:with-param>
        <xsl:with-param name="sub">职工个人信息变更申请：待初审 → 待复核 → 办结；仅修改手机号码无需审核</xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="@done = 'phone'"><p class="msg msg-ok" id="phone-done">手机号码已修改。</p></xsl:when>
        <xsl:when test="@done = 'deleted'"><p class="msg msg-ok" id="deleted">变更申请单已删除。</p></xsl:when>
      </xsl:choose>
      <xsl:call-template name="messages"/>
      <h2>发起变更</h2>
      <xsl:call-template name="filter-bar">
        <xsl:with-param name="action" select="'/u/changes'"/>
        <xsl:with-param name="q" select="people/@q"/>
        <xsl:with-param name="placeholder" select="'职工姓名或证件号码'"/>
        <xsl:with-param name="hidden"><input type="hidden" name="unit" value="{$u}"/></xsl:with-param>
        <xsl:with-param name="clear" select="concat('/u/changes?unit=', $u)"/>
        <xsl:with-param name="button" select="'查找职工'"/>
      </xsl:call-template>
      <xsl:if test="people">
        <xsl:call-template name="data-table">
          <xsl:with-param name="id" select="'people'"/>
          <xsl:with-param name="count" select="count(people/person)"/>
          <xsl:with-param name="empty">名册中没有符合条件的职工。</xsl:with-param>
          <xsl:with-param name="head"><th>姓名</th><th>证件类型</th><th>证件号码</th><th>操作</th></xsl:with-param>
          <xsl:with-param name="rows">
            <xsl:for-each select="people/person">
              <tr data-member="{@id}">
                <td><xsl:value-of select="name"/></td>
                <td><xsl:value-of select="id-type"/></td>
                <td><xsl:value-of select="id-number"/></td>
                <td><a class="button primary small" href="/u/change/new?member={@id}">发起变更</a></td>
              </tr>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </section>
    <section class="card">
      <h2>变更申请单</h2>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'changes'"/>
        <xsl:with-param name="count" select="count(changes/change)"/>
        <xsl:with-param name="list" select="changes"/>
        <xsl:with-param name="href" select="concat('/u/changes?unit=', $u, '&amp;')"/>
        <xsl:with-param name="empty">暂无变更申请。</xsl:with-param>
        <xsl:with-param name="head"><th>申请单号</th><th>职工</th><th>提交方</th><th>创建时间</th><th>状态</th><th>操作</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="changes/change">
            <tr data-change="{@id}" data-state="{@state}">
              <td><a href="/u/change?id={@id}"><xsl:value-of select="no"/></a></td>
              <td><xsl:value-of select="person"/></td>
              <td><xsl:choose><xsl:when test="@channel = 'unit'">单位代办</xsl:when><xsl:otherwise>职工本人</xsl:otherwise></xsl:choose></td>
              <td><xsl:value-of select="created"/></td>
              <td><xsl:call-template name="state-chip"><xsl:with-param name="state" select="@state"/><xsl:with-param name="label" select="@state-label"/></xsl:call-template></td>
              <td><a class="button secondary small" href="/u/change?id={@id}">查看</a></td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
