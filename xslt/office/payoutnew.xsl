<?xml version="1.0" encoding="UTF-8"?>
<!--
  新建打款批次: the approved claims in no open batch, filtered by 区 and
  补助类型; tick some (全选 ticks the page) or take every one the filter
  shows.  A refusal (a claim taken meanwhile, one this user reviewed)
  comes back here with its message.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">新建打款批次</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="l" select="payable"/>
    <xsl:variable name="p" select="pick"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'payout'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">新建打款批次</xsl:with-param>
        <xsl:with-param name="sub">待打款的补助申请（审核通过）共 <b id="payable-total"><xsl:value-of select="$l/@total"/></b> 笔，合计 <b id="payable-sum"><xsl:value-of select="$l/sum"/></b> 元</xsl:with-param>
        <xsl:with-param name="actions"><a href="/o/payout">返回打款管理</a></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <form method="get" action="/o/payout/new" class="filters" id="payable-filter" role="search">
        <label>区/产业工会
          <select name="district">
            <option value="0">全部</option>
            <xsl:for-each select="districts/district">
              <option value="{@id}"><xsl:if test="@id = $p/@district"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
            </xsl:for-each>
          </select>
        </label>
        <label>补助类型
          <select name="kind">
            <option value="">全部</option>
            <xsl:for-each select="kinds/kind">
              <option value="{@name}"><xsl:if test="@name = $p/@kind"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
            </xsl:for-each>
          </select>
        </label>
        <button type="submit" class="secondary">筛选</button>
      </form>
      <form method="post" action="/o/payout/new" id="batch-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="district" value="{$p/@district}"/>
        <input type="hidden" name="kind" value="{$p/@kind}"/>
        <xsl:call-template name="data-table">
          <xsl:with-param name="id" select="'payable'"/>
          <xsl:with-param name="count" select="count($l/claim)"/>
          <xsl:with-param name="list" select="$l"/>
          <xsl:with-param name="href" select="concat('/o/payout/new?district=', $p/@district, '&amp;kind=', $p/@kind, '&amp;')"/>
          <xsl:with-param name="empty" select="'没有待打款的补助申请。'"/>
          <xsl:with-param name="head"><th><label class="check"><input type="checkbox" id="tick-all" data-tick-all="claim"/>全选</label></th><th>申请编号</th><th>补助类型</th><th>职工</th><th>单位</th><th>收款人</th><th>银行卡</th><th>开户银行</th><th class="right">金额（元）</th></xsl:with-param>
          <xsl:with-param name="rows">
            <xsl:for-each select="$l/claim">
              <tr data-claim="{@id}">
                <td><input type="checkbox" name="claim" value="{@id}" aria-label="选择 {@no}"/></td>
                <td class="no"><xsl:value-of select="@no"/><xsl:if test="@retry != ''"> <span class="chip chip-warn">重新打款</span></xsl:if></td>
                <td><xsl:value-of select="@kind-label"/></td>
                <td><xsl:value-of select="member"/></td>
                <td><xsl:value-of select="unit"/></td>
                <td><xsl:value-of select="payee"/></td>
                <td><xsl:value-of select="card"/></td>
                <td><xsl:value-of select="bank"/></td>
                <td class="right amount"><xsl:value-of select="amount"/></td>
              </tr>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="$l/claim">
          <div class="form-actions">
            <button type="submit" class="primary" id="make-ticked">将所选生成打款批次</button>
            <button type="submit" class="secondary" name="all" value="1" id="make-all">按当前筛选全部 <xsl:value-of select="$l/@total"/> 笔生成批次</button>
          </div>
        </xsl:if>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
