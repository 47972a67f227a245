<?xml version="1.0" encoding="UTF-8"?>
<!-- 补助申请详情 (seed 000 / 001): the progress (申请补助 → 补助审核 →
     审核通过 → 办结), every field of SPEC §6 (补助金额 待定 until approved,
     the explanation, 备注 = the return's reason, 材料待补充), the photos,
     审核进度 (node, decision, handler, time) and only the actions the
     state allows. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="claimparts.xsl"/>
  <xsl:template match="/page" mode="title">补助申请详情</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="c" select="claim"/>
    <p class="back"><a href="/m/claims" id="back">‹ 补助申请</a></p>
    <xsl:call-template name="claim-progress"><xsl:with-param name="c" select="$c"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$c/@done = 'submitted'">
        <section class="card done-card" id="submitted">
          <p class="done-mark" aria-hidden="true">✓</p>
          <h1>补助申请提交完成</h1>
          <p>请等待审核</p>
          <p><a class="button secondary" href="/m/claims" id="done-back">返回</a></p>
        </section>
      </xsl:when>
      <xsl:when test="$c/@done = 'corrected'">
        <p class="msg msg-ok" id="corrected">收款账户已修正，补助金将重新打款，请留意短信通知。</p>
      </xsl:when>
    </xsl:choose>
    <xsl:call-template name="messages"/>
    <section class="card claim-detail" id="claim">
      <div class="head">
        <h1 id="claim-no"><xsl:value-of select="$c/no"/></h1>
        <xsl:choose>
          <xsl:when test="$c/@state = 'draft' and $c/remark/@wants = 'materials'">
            <span class="chip state-returned" id="claim-state">材料待补充</span>
          </xsl:when>
          <xsl:otherwise>
            <span class="chip state-{$c/@state}" id="claim-state"><xsl:value-of select="$c/@state-seen"/></span>
          </xsl:otherwise>
        </xsl:choose>
      </div>
      <dl class="data">
        <dt>申请单号</dt><dd id="d-no"><xsl:value-of select="$c/no"/></dd>
        <dt>补助类型</dt><dd id="d-kind"><xsl:value-of select="$c/kind-label"/></dd>
        <dt>补助人</dt><dd id="d-person"><xsl:value-of select="$c/person"/></dd>
        <dt>创建时间</dt><dd id="d-created"><xsl:value-of select="$c/created"/></dd>
        <dt>就诊医院</dt><dd id="d-hospital"><xsl:value-of select="$c/hospital"/></dd>
        <dt>住院日期</dt><dd id="d-stay"><xsl:if test="$c/admitted != ''"><xsl:value-of select="$c/admitted"/> 至 <xsl:value-of select="$c/discharged"/></xsl:if></dd>
        <dt>疾病名称</dt><dd id="d-disease"><xsl:value-of select="$c/disease"/></dd>
        <xsl:if test="$c/invoice-no != ''"><dt>收费票据号</dt><dd id="d-invoice"><xsl:value-of select="$c/invoice-no"/></dd></xsl:if>
        <xsl:if test="$c/total-cost"><dt>住院总费用</dt><dd id="d-total"><xsl:value-of select="$c/total-cost"/> 元</dd></xsl:if>
        <xsl:if test="$c/base"><dt>补助基数</dt><dd id="d-base"><xsl:value-of select="$c/base"/> 元</dd></xsl:if>
        <dt>补助金额</dt>
        <dd id="d-amount"><xsl:choose>
          <xsl:when test="$c/amount != ''"><b><xsl:value-of select="$c/amount"/> 元</b></xsl:when>
          <xsl:otherwise>待定</xsl:otherwise></xsl:choose></dd>
        <dt>打款状态</dt><dd id="d-pay"><xsl:value-of select="$c/pay-state"/></dd>
        <dt>备注</dt>
        <dd id="d-remark"><xsl:choose>
          <xsl:when test="$c/remark"><xsl:value-of select="$c/remark"/></xsl:when>
          <xsl:otherwise>-</xsl:otherwise></xsl:choose></dd>
      </dl>
      <xsl:if test="$c/explanation/line">
        <div class="explanation" id="explanation">
          <h2>补助金额计算说明</h2>
          <ol><xsl:for-each select="$c/explanation/line"><li><xsl:value-of select="."/></li></xsl:for-each></ol>
        </div>
      </xsl:if>
      <xsl:call-template name="claim-actions"><xsl:with-param name="c" select="$c"/></xsl:call-template>
    </section>
    <section class="card" id="account">
      <h2>补助金收款账户</h2>
      <dl class="data">
        <dt>开户人</dt><dd id="d-payee"><xsl:value-of select="$c/payee"/></dd>
        <dt>银行卡号</dt><dd id="d-card"><xsl:value-of select="$c/card"/></dd>
        <dt>开户银行</dt><dd id="d-bank"><xsl:value-of select="$c/bank"/></dd>
        <dt>开户网点</dt><dd id="d-branch"><xsl:value-of select="$c/branch"/></dd>
        <dt>预留手机号</dt><dd id="d-bank-phone"><xsl:value-of select="$c/bank-phone"/></dd>
      </dl>
    </section>
    <section class="card" id="photos">
      <h2>证件及单据</h2>
      <xsl:call-template name="claim-photos"><xsl:with-param name="c" select="$c"/></xsl:call-template>
    </section>
    <xsl:call-template name="timeline"><xsl:with-param name="steps" select="$c/timeline"/></xsl:call-template>
  </xsl:template>

  <!-- 删除 / 修改 / 修正信息 / 审核进度: what claim_view says the state allows. -->
  <xsl:template name="claim-actions">
    <xsl:param name="c"/>
    <div class="form-actions claim-actions" id="actions">
      <xsl:if test="$c/actions/action = 'delete'">
        <form method="post" action="/m/claim/delete" class="inline">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$c/@id}"/>
          <button type="submit" class="secondary danger" id="delete">删除</button>
        </form>
      </xsl:if>
      <xsl:if test="$c/actions/action = 'edit'">
        <a class="button primary" id="edit" href="/m/claim/step?id={$c/@id}&amp;n=1">修改</a>
      </xsl:if>
      <xsl:if test="$c/actions/action = 'correct'">
        <a class="button primary" id="correct" href="/m/claim/correct?id={$c/@id}">修正信息</a>
      </xsl:if>
      <xsl:if test="$c/actions/action = 'progress'">
        <a class="button secondary" id="progress-link" href="#timeline">审核进度</a>
      </xsl:if>
    </div>
  </xsl:template>
</xsl:stylesheet>
