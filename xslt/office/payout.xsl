<?xml version="1.0" encoding="UTF-8"?>
<!--
  打款批次: the head (control count and total, the bank file and its
  SHA-256), the bank's result files imported and what each did, the
  rows that matched no line, and the lines: a pending one takes its
  result by hand (成功 / 失败 with the bank's reason), a paid one may be
  returned (退票).  Admin reads without the forms.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="payoutparts.xsl"/>
  <xsl:template match="/page" mode="title">打款批次 <xsl:value-of select="batch/@no"/></xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="b" select="batch"/>
    <xsl:variable name="fin" select="floor(/page/user/@roles div 8) mod 2 = 1"/>
    <xsl:variable name="imp" select="$b/imports/import[@id = /page/form/@imported]"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'payout'"/></xsl:call-template>
    <section class="card" id="batch" data-batch="{$b/@id}" data-state="{$b/@state}">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">打款批次 <span class="no" id="batch-no"><xsl:value-of select="$b/@no"/></span></xsl:with-param>
        <xsl:with-param name="sub">控制笔数 <b id="batch-lines"><xsl:value-of select="$b/@lines"/></b> 笔，控制金额 <b id="batch-total"><xsl:value-of select="$b/total"/></b> 元 · 生成人 <xsl:value-of select="$b/made-by"/> · <xsl:value-of select="$b/made-at"/></xsl:with-param>
        <xsl:with-param name="actions">
          <xsl:for-each select="$b"><xsl:call-template name="batch-state"/></xsl:for-each>
          <xsl:if test="$fin"><a class="button primary" href="/o/payout/file?id={$b/@id}" id="download">下载打款文件</a></xsl:if>
          <a href="/o/payout">返回打款管理</a>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:if test="$imp">
        <div class="message ok" id="imported">导入完成：成功 <b id="imp-paid"><xsl:value-of select="$imp/@paid"/></b> 笔，失败 <b id="imp-failed"><xsl:value-of select="$imp/@failed"/></b> 笔，参考号不符 <b id="imp-unknown"><xsl:value-of select="$imp/@unknown"/></b> 笔，金额不符 <b id="imp-mismatch"><xsl:value-of select="$imp/@mismatch"/></b> 笔，此前已记录 <b id="imp-already"><xsl:value-of select="$imp/@already"/></b> 笔。</div>
      </xsl:if>
      <dl class="facts">
        <dt>状态</dt><dd>成功 <b id="count-paid"><xsl:value-of select="$b/@paid"/></b> 笔（<xsl:value-of select="$b/paid-sum"/> 元），失败 <b id="count-failed"><xsl:value-of select="$b/@failed"/></b> 笔，待回单 <b id="count-pending"><xsl:value-of select="$b/@pending"/></b> 笔，退票 <b id="count-returned"><xsl:value-of select="$b/@returned"/></b> 笔</dd>
        <dt>打款文件</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$b/sha != ''">已生成 <xsl:value-of select="$b/sent-at"/>，SHA-256 <code id="file-sha"><xsl:value-of select="$b/sha"/></code></xsl:when>
            <xsl:otherwise><span id="file-none">尚未生成：下载时按本批次记录的明细生成</span></xsl:otherwise>
          </xsl:choose>
        </dd>
      </dl>
      <xsl:if test="$fin and $b/@state != 'prepared'">
        <form method="post" action="/o/payout/import?id={$b/@id}" enctype="multipart/form-data" class="row" id="import-form">
          <xsl:call-template name="csrf"/>
          <div class="field">
            <xsl:if test="/page/form/field[@name = 'file']/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
            <span class="label">银行结果文件（.xlsx：参考号、金额、结果、失败原因）</span>
            <xsl:call-template name="file-picker">
              <xsl:with-param name="name" select="'file'"/>
              <xsl:with-param name="id" select="'result-file'"/>
              <xsl:with-param name="label" select="'选择文件'"/>
              <xsl:with-param name="title" select="'银行结果文件'"/>
              <xsl:with-param name="accept" select="'.xlsx'"/>
            </xsl:call-template>
            <xsl:if test="/page/form/field[@name = 'file']/@error"><span class="err" id="err-file"><xsl:value-of select="/page/form/field[@name = 'file']/@error"/></span></xsl:if>
          </div>
          <div class="form-actions"><button type="submit" class="primary" id="import">导入银行结果</button></div>
        </form>
      </xsl:if>
      <xsl:if test="$b/imports/import">
        <h2>已导入的银行结果</h2>
        <div class="table-wrap">
          <table class="list" id="imports">
            <thead><tr><th>文件</th><th>导入人</th><th>时间</th><th class="right">成功</th><th class="right">失败</th><th class="right">参考号不符</th><th class="right">金额不符</th><th class="right">已记录过</th></tr></thead>
            <tbody>
              <xsl:for-each select="$b/imports/import">
                <tr data-import="{@id}"><td title="SHA-256 {sha}"><xsl:value-of select="filename"/></td><td><xsl:value-of select="by"/></td><td><xsl:value-of select="at"/></td><td class="right"><xsl:value-of select="@paid"/></td><td class="right"><xsl:value-of select="@failed"/></td><td class="right"><xsl:value-of select="@unknown"/></td><td class="right"><xsl:value-of select="@mismatch"/></td><td class="right"><xsl:value-of select="@already"/></td></tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:if>
      <xsl:if test="$b/odd/result">
        <h2>未能对应的银行结果</h2>
        <div class="table-wrap">
          <table class="list" id="odd">
            <thead><tr><th>行</th><th>参考号</th><th class="right">金额（元）</th><th>原因</th></tr></thead>
            <tbody>
              <xsl:for-each select="$b/odd/result">
                <tr data-class="{@class}"><td><xsl:value-of select="@row"/></td><td><xsl:value-of select="@ref"/></td><td class="right"><xsl:value-of select="amount"/></td><td><xsl:choose><xsl:when test="@class = 'unknown'">参考号不属于本批次</xsl:when><xsl:otherwise>金额与本批次明细不符，未记录</xsl:otherwise></xsl:choose></td></tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:if>
      <h2>明细</h2>
      <nav class="tabs" id="line-filter">
        <a href="/o/payout/batch?id={$b/@id}"><xsl:if test="$b/lines/@state = ''"><xsl:attribute name="class">active</xsl:attribute></xsl:if>全部</a>
        <a href="/o/payout/batch?id={$b/@id}&amp;state=pending"><xsl:if test="$b/lines/@state = 'pending'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>待回单</a>
        <a href="/o/payout/batch?id={$b/@id}&amp;state=paid"><xsl:if test="$b/lines/@state = 'paid'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>成功</a>
        <a href="/o/payout/batch?id={$b/@id}&amp;state=failed"><xsl:if test="$b/lines/@state = 'failed'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>失败</a>
        <a href="/o/payout/batch?id={$b/@id}&amp;state=returned"><xsl:if test="$b/lines/@state = 'returned'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>退票</a>
      </nav>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'lines'"/>
        <xsl:with-param name="count" select="count($b/lines/line)"/>
        <xsl:with-param name="list" select="$b/lines"/>
        <xsl:with-param name="href" select="concat('/o/payout/batch?id=', $b/@id, '&amp;state=', $b/lines/@state, '&amp;')"/>
        <xsl:with-param name="empty" select="'没有这样的明细。'"/>
        <xsl:with-param name="head"><th>序号</th><th>参考号</th><th>申请编号</th><th>收款人</th><th>银行卡</th><th>开户银行 / 网点</th><th class="right">金额（元）</th><th>结果</th><th>操作</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="$b/lines/line">
            <tr data-line="{@id}" data-ref="{@ref}" data-state="{@state}">
              <td><xsl:value-of select="@seq"/></td>
              <td class="ref"><xsl:value-of select="@ref"/><xsl:if test="retry-of != ''"><br/><span class="muted retry-of">重新打款，原参考号 <xsl:value-of select="retry-of"/></span></xsl:if></td>
              <td><xsl:value-of select="claim-no"/></td>
              <td><xsl:value-of select="payee"/></td>
              <td><xsl:value-of select="card"/></td>
              <td><xsl:value-of select="bank"/><br/><span class="muted"><xsl:value-of select="branch"/></span></td>
              <td class="right amount"><xsl:value-of select="amount"/></td>
              <td><xsl:call-template name="line-state"/><xsl:if test="reason != ''"><br/><span class="reason"><xsl:value-of select="reason"/></span></xsl:if></td>
              <td>
                <xsl:if test="$fin and $b/@state != 'prepared'">
                  <xsl:call-template name="line-forms"/>
                </xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- A pending line: 成功 / 失败 (the bank's reason); a paid one: 退票. -->
  <xsl:template name="line-forms">
    <xsl:variable name="mine" select="/page/form/@line = @id"/>
    <xsl:choose>
      <xsl:when test="@state = 'pending'">
        <form method="post" action="/o/payout/record?id={../../@id}" class="inline line-record">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="line" value="{@id}"/>
          <button type="submit" name="result" value="paid" class="secondary">成功</button>
          <input type="text" name="reason" placeholder="失败原因" aria-label="失败原因" maxlength="100">
            <xsl:if test="$mine"><xsl:attribute name="value"><xsl:value-of select="/page/form/field[@name = 'reason']/@value"/></xsl:attribute></xsl:if>
          </input>
          <button type="submit" name="result" value="failed" class="secondary">失败</button>
          <xsl:if test="$mine and /page/form/field[@name = 'reason']/@error"><span class="err"><xsl:value-of select="/page/form/field[@name = 'reason']/@error"/></span></xsl:if>
        </form>
      </xsl:when>
      <xsl:when test="@state = 'paid'">
        <form method="post" action="/o/payout/return?id={../../@id}" class="inline line-return">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="line" value="{@id}"/>
          <input type="text" name="reason" placeholder="退票原因" aria-label="退票原因" maxlength="100"/>
          <button type="submit" class="secondary">退票</button>
          <xsl:if test="$mine and /page/form/field[@name = 'reason']/@error"><span class="err"><xsl:value-of select="/page/form/field[@name = 'reason']/@error"/></span></xsl:if>
        </form>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
