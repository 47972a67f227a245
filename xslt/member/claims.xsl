<?xml version="1.0" encoding="UTF-8"?>
<!-- 补助申请: the member's claims, one card each (申请单号, 补助类型, 补助人,
     创建时间, 住院日期, 补助金额, the state as the member sees it) with the
     actions its state allows, and 申请住院补助金 (seed 001). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">补助申请</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="c" select="claims"/>
    <p class="back"><a href="/m/" id="back">‹ 首页</a></p>
    <section class="card">
      <h1>补助申请</h1>
      <p class="muted">职工客户端只能申请住院医疗补助；其他补助请联系单位代为办理。</p>
      <xsl:call-template name="messages"/>
      <xsl:call-template name="new-claim"/>
    </section>
    <xsl:choose>
      <xsl:when test="$c/claim">
        <ul class="coverage-cards claim-cards" id="claims">
          <xsl:for-each select="$c/claim">
            <li class="card coverage-card claim-card" data-claim="{@id}" data-state="{@state}">
              <div class="head">
                <h2 class="no"><a href="/m/claim?id={@id}"><xsl:value-of select="no"/></a></h2>
                <xsl:call-template name="state-chip">
                  <xsl:with-param name="state" select="@state"/>
                  <xsl:with-param name="label" select="@state-seen"/>
                </xsl:call-template>
              </div>
              <dl class="data">
                <dt>补助类型</dt><dd class="kind"><xsl:value-of select="kind-label"/></dd>
                <dt>补助人</dt><dd class="person"><xsl:value-of select="person"/></dd>
                <dt>创建时间</dt><dd class="created"><xsl:value-of select="created"/></dd>
                <xsl:if test="admitted != ''">
                  <dt>住院日期</dt><dd class="stay"><xsl:value-of select="admitted"/> 至 <xsl:value-of select="discharged"/></dd>
                </xsl:if>
                <dt>补助金额</dt>
                <dd class="amount"><xsl:choose>
                  <xsl:when test="amount != ''"><xsl:value-of select="amount"/> 元</xsl:when>
                  <xsl:otherwise>待定</xsl:otherwise></xsl:choose></dd>
              </dl>
              <p class="row-actions">
                <xsl:choose>
                  <xsl:when test="@state = 'draft'">
                    <a class="button secondary small" href="/m/claim/step?id={@id}&amp;n=1">修改</a>
                    <form method="post" action="/m/claim/delete" class="inline">
                      <xsl:call-template name="csrf"/>
                      <input type="hidden" name="id" value="{@id}"/>
                      <button type="submit" class="secondary small">删除</button>
                    </form>
                  </xsl:when>
                  <xsl:when test="@state = 'failed'">
                    <a class="button secondary small" href="/m/claim?id={@id}#timeline">审核进度</a>
                    <a class="button primary small" href="/m/claim/correct?id={@id}">修正信息</a>
                  </xsl:when>
                  <xsl:otherwise>
                    <a class="button secondary small" href="/m/claim?id={@id}#timeline">审核进度</a>
                  </xsl:otherwise>
                </xsl:choose>
              </p>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:if test="$c/@pages &gt; 1">
          <xsl:call-template name="pager">
            <xsl:with-param name="list" select="$c"/>
            <xsl:with-param name="href" select="'/m/claims?'"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <div class="empty-state"><p class="empty" id="claims-empty">暂无补助申请。住院出院后，可点击“申请住院补助金”提交申请。</p></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="new-claim">
    <form method="post" action="/m/claims/new" class="new-claim">
      <xsl:call-template name="csrf"/>
      <button type="submit" class="primary wide" id="new-claim">申请住院补助金</button>
    </form>
  </xsl:template>
</xsl:stylesheet>
