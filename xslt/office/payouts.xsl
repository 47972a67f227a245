<?xml version="1.0" encoding="UTF-8"?>
<!--
  打款管理: the disbursement batches, newest first, with their control
  count and total and how far the bank's answer has come; finance makes a
  new batch from the approved claims (admin reads).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="payoutparts.xsl"/>
  <xsl:template match="/page" mode="title">打款管理</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="l" select="batches"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'payout'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">打款管理</xsl:with-param>
        <xsl:with-param name="sub">审核通过的补助申请按批次打款：生成批次、下载打款文件交银行、导入或逐笔登记银行结果</xsl:with-param>
        <xsl:with-param name="actions">
          <xsl:if test="floor(/page/user/@roles div 8) mod 2 = 1"><a class="button primary" href="/o/payout/new" id="new-batch">新建打款批次</a></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'batches'"/>
        <xsl:with-param name="count" select="count($l/batch)"/>
        <xsl:with-param name="list" select="$l"/>
        <xsl:with-param name="href" select="'/o/payout?'"/>
        <xsl:with-param name="empty" select="'还没有打款批次。'"/>
        <xsl:with-param name="head"><th>批次号</th><th>状态</th><th class="right">笔数</th><th class="right">控制金额（元）</th><th>成功 / 失败 / 待回单 / 退票</th><th class="right">已成功金额（元）</th><th>生成人</th><th>生成时间</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="$l/batch">
            <tr data-batch="{@id}" data-state="{@state}">
              <td><a href="/o/payout/batch?id={@id}" class="no"><xsl:value-of select="@no"/></a></td>
              <td><xsl:call-template name="batch-state"/></td>
              <td class="right lines"><xsl:value-of select="@lines"/></td>
              <td class="right total"><xsl:value-of select="total"/></td>
              <td><xsl:value-of select="@paid"/> / <xsl:value-of select="@failed"/> / <xsl:value-of select="@pending"/> / <xsl:value-of select="@returned"/></td>
              <td class="right"><xsl:value-of select="paid-sum"/></td>
              <td><xsl:value-of select="made-by"/></td>
              <td><xsl:value-of select="made-at"/></td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
