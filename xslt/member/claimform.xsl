<?xml version="1.0" encoding="UTF-8"?>
<!-- 申请住院补助金 (seed 001), three steps each kept as a draft: 1 the ID
     card's two sides with the four examples; 2 the stay with the
     settlement sheet and/or invoice the district asks; 3 the payout
     account, the attestation and 确认提交.  Also 修正信息 after 打款失败.
     The form tells huzhu.js the photo limit (data-photo-max): photos are
     compressed in the browser; without scripts the server says when one
     is too big. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="claimparts.xsl"/>
  <xsl:template match="/page" mode="title">
    <xsl:choose><xsl:when test="claim/@at = 'correct'">修正信息</xsl:when><xsl:otherwise>申请住院补助金</xsl:otherwise></xsl:choose>
  </xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="c" select="claim"/>
    <p class="back"><a href="/m/claim?id={$c/@id}" id="back">‹ 补助申请详情</a></p>
    <xsl:choose>
      <xsl:when test="$c/@at = 'correct'"><xsl:call-template name="correct"><xsl:with-param name="c" select="$c"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="claim-progress"><xsl:with-param name="c" select="$c"/></xsl:call-template>
        <form method="post" action="/m/claim/step" enctype="multipart/form-data" class="card claim-form" id="step-form" data-photo-max="{$c/rules/@photo-max}" novalidate="novalidate">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$c/@id}"/>
          <input type="hidden" name="n" value="{$c/@at}"/>
          <xsl:choose>
            <xsl:when test="$c/@at = '1'"><xsl:call-template name="step1"><xsl:with-param name="c" select="$c"/></xsl:call-template></xsl:when>
            <xsl:when test="$c/@at = '2'"><xsl:call-template name="step2"><xsl:with-param name="c" select="$c"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="step3"><xsl:with-param name="c" select="$c"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </form>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="step-head">
    <xsl:param name="title"/>
    <xsl:param name="n"/>
    <h1 class="step-head"><xsl:value-of select="$title"/> <small id="step-count">第<xsl:value-of select="$n"/>步/共3步</small></h1>
    <xsl:if test="/page/claim/remark">
      <p class="msg msg-warn" id="remark">退回原因：<xsl:value-of select="/page/claim/remark"/></p>
    </xsl:if>
    <xsl:call-template name="messages"/>
  </xsl:template>

  <xsl:template name="step1">
    <xsl:param name="c"/>
    <xsl:call-template name="step-head">
      <xsl:with-param name="title" select="concat('请上传', $c/person, '的居民身份证正反面照片')"/>
      <xsl:with-param name="n" select="1"/>
    </xsl:call-template>
    <xsl:call-template name="photo-slot"><xsl:with-param name="c" select="$c"/><xsl:with-param name="kind" select="'id_front'"/><xsl:with-param name="label" select="'身份证正面（人像面）'"/></xsl:call-template>
    <xsl:call-template name="photo-slot"><xsl:with-param name="c" select="$c"/><xsl:with-param name="kind" select="'id_back'"/><xsl:with-param name="label" select="'身份证反面（国徽面）'"/></xsl:call-template>
    <xsl:call-template name="id-examples"/>
    <p class="hint"><xsl:call-template name="photo-limit"><xsl:with-param name="kb" select="$c/rules/@photo-kb"/></xsl:call-template>；请拍全证件四边，保证清晰、不反光。</p>
    <div class="form-actions">
      <button type="submit" name="go" value="next" class="primary wide" id="next">下一步</button>
    </div>
  </xsl:template>

  <xsl:template name="step2">
    <xsl:param name="c"/>
    <xsl:variable name="proof" select="$c/rules/@proof"/>
    <xsl:call-template name="step-head">
      <xsl:with-param name="title" select="'请填写住院信息'"/>
      <xsl:with-param name="n" select="2"/>
    </xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'hospital'"/><xsl:with-param name="label" select="'就诊医院'"/><xsl:with-param name="placeholder" select="'请输入就诊医院名称'"/></xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'admitted'"/><xsl:with-param name="label" select="'入院日期'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'discharged'"/><xsl:with-param name="label" select="'出院日期'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'disease'"/><xsl:with-param name="label" select="'疾病名称'"/><xsl:with-param name="placeholder" select="'如：急性肠胃炎'"/></xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'invoice_no'"/><xsl:with-param name="label" select="'收费票据号（选填）'"/><xsl:with-param name="placeholder" select="'发票上的票据号码'"/></xsl:call-template>
    <xsl:call-template name="photo-slot">
      <xsl:with-param name="c" select="$c"/>
      <xsl:with-param name="kind" select="'settlement'"/>
      <xsl:with-param name="label"><xsl:text>费用结算单</xsl:text><xsl:choose><xsl:when test="$proof != 'invoice'">（必传）</xsl:when><xsl:otherwise>（选传）</xsl:otherwise></xsl:choose></xsl:with-param>
      <xsl:with-param name="hint"><xsl:text>请上传本次住院的费用结算单，将作为核算补助金额的重要依据</xsl:text><xsl:if test="$proof != 'invoice'">（本地区必传，否则不予通过）</xsl:if><xsl:text>。</xsl:text></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="photo-slot">
      <xsl:with-param name="c" select="$c"/>
      <xsl:with-param name="kind" select="'receipt'"/>
      <xsl:with-param name="label"><xsl:text>收费票据</xsl:text><xsl:choose><xsl:when test="$proof != 'settlement'">（必传）</xsl:when><xsl:otherwise>（选传）</xsl:otherwise></xsl:choose></xsl:with-param>
      <xsl:with-param name="hint"><xsl:text>请上传本次住院的费用发票，可同样作为核算补助金额的依据</xsl:text><xsl:if test="$proof != 'settlement'">（本地区必传，否则不予通过）</xsl:if><xsl:text>。</xsl:text></xsl:with-param>
    </xsl:call-template>
    <p class="hint"><xsl:call-template name="photo-limit"><xsl:with-param name="kb" select="$c/rules/@photo-kb"/></xsl:call-template>；请拍全票据所有区域，保证清晰。</p>
    <div class="form-actions two">
      <!-- The primary first: Enter in a field takes the form's first button. -->
      <button type="submit" name="go" value="next" class="primary" id="next">下一步</button>
      <button type="submit" name="go" value="prev" class="secondary" id="prev">上一步</button>
    </div>
  </xsl:template>

  <!-- 开户人, 银行卡号, 开户银行, 开户网点, 预留手机号 (step 3 and 修正信息). -->
  <xsl:template name="account-fields">
    <xsl:call-template name="input"><xsl:with-param name="name" select="'payee'"/><xsl:with-param name="label" select="'开户人（银行户名）'"/></xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'card'"/><xsl:with-param name="label" select="'银行卡号'"/><xsl:with-param name="inputmode" select="'numeric'"/><xsl:with-param name="placeholder" select="'请输入银行卡号'"/></xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'bank'"/><xsl:with-param name="label" select="'开户银行'"/><xsl:with-param name="placeholder" select="'如：工商银行'"/></xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'branch'"/><xsl:with-param name="label" select="'开户网点（支行名称）'"/><xsl:with-param name="placeholder" select="'如：南宁市清环路支行'"/></xsl:call-template>
    <p class="hint branch-hint" id="branch-hint">请准确输入分行或支行名称，例如：“南宁市清环路支行”，输错将会导致打款失败！</p>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'bank_phone'"/><xsl:with-param name="label" select="'预留手机号'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="inputmode" select="'numeric'"/><xsl:with-param name="maxlength" select="'11'"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="step3">
    <xsl:param name="c"/>
    <xsl:variable name="note" select="/page/form/field[@name = 'payee_note']"/>
    <xsl:variable name="attest" select="/page/form/field[@name = 'attest']"/>
    <xsl:call-template name="step-head">
      <xsl:with-param name="title" select="'请填写补助金收款账户'"/>
      <xsl:with-param name="n" select="3"/>
    </xsl:call-template>
    <xsl:call-template name="account-fields"/>
    <details class="payee-other" id="payee-other">
      <xsl:if test="$note/@value != '' or $note/@error or /page/form/field[@name = 'payee_doc']/@error or $c/materials/file[@kind = 'payee_doc']"><xsl:attribute name="open">open</xsl:attribute></xsl:if>
      <summary>开户人不是<xsl:value-of select="$c/person"/>本人？</summary>
      <p class="hint">开户人须为补助人本人；不是本人时，须填写说明并上传领款人证件及关系证明，否则不予通过。</p>
      <div class="field wide">
        <xsl:if test="$note/@error"><xsl:attribute name="class">field wide has-error</xsl:attribute></xsl:if>
        <label for="f-payee_note">说明</label>
        <textarea id="f-payee_note" name="payee_note" rows="3" maxlength="500"><xsl:value-of select="$note/@value"/></textarea>
        <xsl:if test="$note/@error"><span class="err" id="err-payee_note"><xsl:value-of select="$note/@error"/></span></xsl:if>
      </div>
      <xsl:call-template name="photo-slot"><xsl:with-param name="c" select="$c"/><xsl:with-param name="kind" select="'payee_doc'"/><xsl:with-param name="label" select="'领款人证件及关系证明'"/></xsl:call-template>
    </details>
    <xsl:if test="/page/form/@confirm-card">
      <input type="hidden" name="card_confirmed" value="{/page/form/@confirm-card}"/>
    </xsl:if>
    <div class="field attest">
      <xsl:if test="$attest/@error"><xsl:attribute name="class">field attest has-error</xsl:attribute></xsl:if>
      <label class="check" for="f-attest">
        <input type="checkbox" id="f-attest" name="attest" value="1">
          <xsl:if test="$attest/@value != ''"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <span>我已确认住院信息属实，知晓故意伪造收费票据及结算单据和证明材料属于违法行为，需要承担法律责任。</span>
      </label>
      <xsl:if test="$attest/@error"><span class="err" id="err-attest"><xsl:value-of select="$attest/@error"/></span></xsl:if>
    </div>
    <div class="form-actions two">
      <button type="submit" name="go" value="submit" class="primary" id="submit">确认提交</button>
      <button type="submit" name="go" value="prev" class="secondary" id="prev">上一步</button>
    </div>
  </xsl:template>

  <xsl:template name="correct">
    <xsl:param name="c"/>
    <form method="post" action="/m/claim/correct" class="card claim-form" id="correct-form">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="id" value="{$c/@id}"/>
      <h1>修正收款信息</h1>
      <p class="msg msg-warn" id="fail-reason">补助金打款失败<xsl:if test="$c/remark">：<xsl:value-of select="$c/remark"/></xsl:if>。请核对并修正收款账户后提交，补助金将重新打款。</p>
      <xsl:call-template name="messages"/>
      <p class="muted">申请单号 <xsl:value-of select="$c/no"/> · 补助金额 <xsl:value-of select="$c/amount"/> 元</p>
      <xsl:call-template name="account-fields"/>
      <div class="form-actions">
        <button type="submit" class="primary wide" id="correct-submit">提交修正</button>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
