<?xml version="1.0" encoding="UTF-8"?>
<!-- 个人申请变更信息 (seeds 000, 001): the member's requests (申请单号,
     创建时间, the state) with their actions, and 我要变更信息; an open
     request blocks a new one (您存在未办结的信息变更单). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">个人信息变更</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="l" select="changes"/>
    <p class="back"><a href="/m/" id="back">‹ 首页</a></p>
    <section class="card">
      <h1>个人信息变更</h1>
      <p class="muted">不允许同时修改姓名和证件号码；已存在未办结的变更申请时不能重新申请。仅修改手机号码无需审核。</p>
      <xsl:choose>
        <xsl:when test="@done = 'phone'"><p class="msg msg-ok" id="phone-done">手机号码已修改。</p></xsl:when>
        <xsl:when test="@done = 'deleted'"><p class="msg msg-ok" id="deleted">变更申请单已删除。</p></xsl:when>
      </xsl:choose>
      <xsl:call-template name="messages"/>
      <xsl:choose>
        <xsl:when test="@open">
          <p class="msg msg-warn" id="open-note">您存在未办结的信息变更单，办结或删除后才能重新申请。</p>
        </xsl:when>
        <xsl:otherwise>
          <p><a class="button primary wide" href="/m/change/new" id="new-change">我要变更信息</a></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:choose>
      <xsl:when test="$l/change">
        <ul class="coverage-cards claim-cards change-cards" id="changes">
          <xsl:for-each select="$l/change">
            <li class="card coverage-card claim-card" data-change="{@id}" data-state="{@state}">
              <div class="head">
                <h2 class="no"><a href="/m/change?id={@id}">个人信息变更</a></h2>
                <xsl:call-template name="state-chip">
                  <xsl:with-param name="state" select="@state"/>
                  <xsl:with-param name="label" select="@state-label"/>
                </xsl:call-template>
              </div>
              <dl class="data">
                <dt>申请单号</dt><dd class="change-no"><xsl:value-of select="no"/></dd>
                <dt>创建时间</dt><dd class="created"><xsl:value-of select="created"/></dd>
                <xsl:if test="@channel = 'unit'"><dt>提交方</dt><dd>单位代办</dd></xsl:if>
              </dl>
              <p class="row-actions">
                <a class="button secondary small" href="/m/change?id={@id}">查看详情及审核进度</a>
              </p>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:if test="$l/@pages &gt; 1">
          <xsl:call-template name="pager">
            <xsl:with-param name="list" select="$l"/>
            <xsl:with-param name="href" select="'/m/changes?'"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <div class="empty-state"><p class="empty" id="changes-empty">暂无变更申请。</p></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
