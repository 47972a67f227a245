<?xml version="1.0" encoding="UTF-8"?>
<!--
  发票 (finance): the finished (已办结) enrolment applications, each with
  the invoices recorded for it and a form to record one more: number,
  date, amount and the PDF.  A refused form comes back open, input kept,
  the message at its field.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">发票</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="l" select="apps"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'invoices'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">发票</xsl:with-param>
        <xsl:with-param name="sub">已办结的参保申请，登记协会开具的保费发票（PDF），单位在“发票管理”中查看下载</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <form method="get" action="/o/invoices" class="filters" id="invoice-filter" role="search">
        <label>申请编号或单位名称 <input type="search" name="q" value="{$l/@q}"/></label>
        <label class="check"><input type="checkbox" name="pending" value="1"><xsl:if test="$l/@pending"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>只看未开票</label>
        <button type="submit" class="secondary">查询</button>
        <xsl:if test="$l/@q != '' or $l/@pending or $l/@enroll != '0'"><a href="/o/invoices">全部</a></xsl:if>
      </form>
      <xsl:choose>
        <xsl:when test="$l/app">
          <xsl:for-each select="$l/app">
            <xsl:call-template name="app"/>
          </xsl:for-each>
          <xsl:if test="$l/@pages &gt; 1">
            <xsl:call-template name="pager">
              <xsl:with-param name="list" select="$l"/>
              <xsl:with-param name="href" select="concat('/o/invoices?q=', $l/@q, '&amp;pending=', $l/@pending, '&amp;')"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><div class="empty-state"><p class="empty" id="apps-empty">没有符合条件的已办结参保申请。</p></div></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- One application: its figures, its invoices, the form. -->
  <xsl:template name="app">
    <xsl:variable name="mine" select="/page/form/@enroll = @id"/>
    <article class="invoice-app" id="app-{@id}" data-enroll="{@id}">
      <div class="page-head">
        <div class="page-title">
          <h2><span class="no"><xsl:value-of select="no"/></span> · <xsl:value-of select="unit"/></h2>
          <p class="sub"><xsl:value-of select="plan"/> · <xsl:value-of select="starts"/> 至 <xsl:value-of select="ends"/> · <xsl:value-of select="headcount"/> 人</p>
        </div>
        <div class="actions">
          <span>实缴 <b class="paid"><xsl:value-of select="paid"/></b> 元</span>
          <span>已开票 <b class="invoiced"><xsl:value-of select="invoiced"/></b> 元</span>
          <xsl:choose>
            <xsl:when test="number(invoiced/@fen) &gt;= number(paid/@fen)"><span class="chip chip-ok invoice-state" data-state="full">已开齐</span></xsl:when>
            <xsl:when test="number(invoiced/@fen) &gt; 0"><span class="chip chip-warn invoice-state" data-state="part">部分开票</span></xsl:when>
            <xsl:otherwise><span class="chip invoice-state" data-state="none">未开票</span></xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
      <xsl:if test="invoice">
        <div class="table-wrap">
          <table class="list invoices">
            <thead><tr><th>发票号码</th><th>开票日期</th><th class="right">金额（元）</th><th>文件</th></tr></thead>
            <tbody>
              <xsl:for-each select="invoice">
                <tr data-invoice="{@id}">
                  <td class="number"><xsl:value-of select="number"/></td>
                  <td><xsl:value-of select="issued"/></td>
                  <td class="right"><xsl:value-of select="amount"/></td>
                  <td><xsl:if test="@file"><a href="/o/invoices/file?id={@id}">下载</a></xsl:if></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:if>
      <details class="invoice-form">
        <xsl:if test="$mine or not(invoice)"><xsl:attribute name="open">open</xsl:attribute></xsl:if>
        <summary>登记发票</summary>
        <form method="post" action="/o/invoices" enctype="multipart/form-data" class="row" id="invoice-form-{@id}">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="enroll" value="{@id}"/>
          <xsl:call-template name="invoice-input"><xsl:with-param name="mine" select="$mine"/><xsl:with-param name="name" select="'number'"/><xsl:with-param name="label" select="'发票号码'"/><xsl:with-param name="mode" select="'numeric'"/></xsl:call-template>
          <xsl:call-template name="invoice-input"><xsl:with-param name="mine" select="$mine"/><xsl:with-param name="name" select="'issued_on'"/><xsl:with-param name="label" select="'开票日期'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
          <xsl:call-template name="invoice-input"><xsl:with-param name="mine" select="$mine"/><xsl:with-param name="name" select="'amount'"/><xsl:with-param name="label" select="'金额（元）'"/><xsl:with-param name="mode" select="'decimal'"/></xsl:call-template>
          <div class="field">
            <xsl:if test="$mine and /page/form/field[@name = 'file']/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
            <span class="label">发票文件（PDF）</span>
            <xsl:call-template name="file-picker">
              <xsl:with-param name="name" select="'file'"/>
              <xsl:with-param name="id" select="concat('file-', @id)"/>
              <xsl:with-param name="label" select="'选择PDF'"/>
              <xsl:with-param name="title" select="'发票文件'"/>
              <xsl:with-param name="accept" select="'.pdf,application/pdf'"/>
            </xsl:call-template>
            <xsl:if test="$mine and /page/form/field[@name = 'file']/@error"><span class="err" id="err-file"><xsl:value-of select="/page/form/field[@name = 'file']/@error"/></span></xsl:if>
          </div>
          <div class="form-actions"><button type="submit" class="primary">登记</button></div>
        </form>
      </details>
    </article>
  </xsl:template>

  <!-- A field of the form: the refused input and its message only on the
       application that was posted. -->
  <xsl:template name="invoice-input">
    <xsl:param name="mine"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="mode" select="''"/>
    <xsl:variable name="f" select="/page/form/field[@name = $name]"/>
    <div class="field">
      <xsl:if test="$mine and $f/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-{$name}-{@id}"><xsl:value-of select="$label"/></label>
      <input id="f-{$name}-{@id}" name="{$name}" type="{$type}" autocomplete="off">
        <xsl:if test="$mine"><xsl:attribute name="value"><xsl:value-of select="$f/@value"/></xsl:attribute></xsl:if>
        <xsl:if test="$mode != ''"><xsl:attribute name="inputmode"><xsl:value-of select="$mode"/></xsl:attribute></xsl:if>
      </input>
      <xsl:if test="$mine and $f/@error"><span class="err" id="err-{$name}"><xsl:value-of select="$f/@error"/></span></xsl:if>
    </div>
  </xsl:template>
</xsl:stylesheet>
