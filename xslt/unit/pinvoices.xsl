<?xml version="1.0" encoding="UTF-8"?>
<!-- 发票管理: the premium invoices the association issued to the unit
     (number, date, amount, application, plan), each PDF to download
     (Xiamen §三(五) 查看下载发票).  开票信息 (what invoices are made out to)
     is linked, not mixed in. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">发票管理</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'invoices'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="not(@unit)">
        <xsl:call-template name="aid-units">
          <xsl:with-param name="title" select="'发票管理'"/>
          <xsl:with-param name="href" select="'/u/invoices?unit='"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="invoices"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="invoices">
    <xsl:variable name="u" select="@unit"/>
    <xsl:variable name="l" select="invoices"/>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">发票管理 · <span id="unit-name"><xsl:value-of select="units/unit[@id = $u]/name"/></span></xsl:with-param>
        <xsl:with-param name="sub"><span class="count">共 <b id="invoices-total"><xsl:value-of select="$l/@total"/></b> 张</span> · 参保申请办结后，协会财务开具发票并上传，可在此查看、下载</xsl:with-param>
        <xsl:with-param name="actions">
          <a class="button secondary" href="/u/invoice?unit={$u}" id="to-invoice-info">开票信息</a>
          <a class="button secondary" href="/u/coverage?unit={$u}" id="to-coverage">参保记录</a>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="units/unit[@id = $u]/@no-invoice">
        <p class="msg msg-error" id="no-invoice-info">本单位尚未填写开票信息，发票将无法按您的抬头开具。<a href="/u/invoice?unit={$u}">去填写</a></p>
      </xsl:if>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'invoices'"/>
        <xsl:with-param name="count" select="count($l/invoice)"/>
        <xsl:with-param name="list" select="$l"/>
        <xsl:with-param name="href" select="concat('/u/invoices?unit=', $u, '&amp;')"/>
        <xsl:with-param name="empty">暂无发票。参保申请办结后，协会开具的发票会显示在这里。</xsl:with-param>
        <xsl:with-param name="head"><th>发票号码</th><th>开票日期</th><th class="right">金额（元）</th><th>申请编号</th><th>参保项目</th><th class="opt">保障期间</th><th>操作</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="$l/invoice">
            <tr data-invoice="{@id}">
              <td class="number"><xsl:value-of select="number"/></td>
              <td><xsl:value-of select="issued"/></td>
              <td class="right amount"><xsl:value-of select="amount"/></td>
              <td class="no"><xsl:value-of select="no"/></td>
              <td class="plan wrap"><xsl:value-of select="plan"/></td>
              <td class="opt"><xsl:value-of select="starts"/> 至 <xsl:value-of select="ends"/></td>
              <td class="row-actions">
                <xsl:choose>
                  <xsl:when test="@file"><a href="/u/invoices/file?unit={$u}&amp;id={@id}" class="download">下载</a></xsl:when>
                  <xsl:otherwise><span class="muted">无文件</span></xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
