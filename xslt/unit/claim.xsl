<?xml version="1.0" encoding="UTF-8"?>
<!--
  补助申请 in the unit portal (Xiamen §四/§五, Qingdao §3): the unit's
  claims and 代他人办理 of any kind for a member covered through the unit;
  one claim: its detail, what happened, the payout account, the materials
  its kind needs, 提交 / 删除; 修正信息 after 打款失败; 基层审核 of a
  member's claim.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/claim.xsl"/>
  <xsl:template match="/page" mode="title">补助申请</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'claims'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="claim"><xsl:call-template name="item"/></xsl:when>
      <xsl:when test="records"><xsl:call-template name="records"/></xsl:when>
      <xsl:when test="not(@unit)">
        <xsl:call-template name="aid-units"><xsl:with-param name="title" select="'补助申请'"/><xsl:with-param name="href" select="'/u/claims?unit='"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="list"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="kind-options">
    <option value="">请选择补助类型</option>
    <option value="inpatient">住院医疗补助</option>
    <option value="days">住院天数补助</option>
    <option value="critical">重大疾病补助</option>
    <option value="female">女职工特殊疾病补助</option>
    <option value="accident">意外伤害补助</option>
    <option value="death">亡故慰问金</option>
    <option value="disability">工伤致残慰问金</option>
  </xsl:template>

  <!-- 补助记录 of the unit, with its filter and 导出. -->
  <xsl:template name="records">
    <xsl:variable name="l" select="records"/>
    <section class="card">
      <xsl:call-template name="page-head"><xsl:with-param name="title">补助记录</xsl:with-param><xsl:with-param name="sub">本单位已提交的补助申请</xsl:with-param></xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:call-template name="claim-records-filter">
        <xsl:with-param name="action" select="'/u/claim-records'"/>
        <xsl:with-param name="export" select="'/x/claims.xlsx'"/>
        <xsl:with-param name="reset" select="concat('/u/claim-records?unit=', /page/@unit)"/>
      </xsl:call-template>
      <xsl:call-template name="claim-records-table">
        <xsl:with-param name="href" select="'/u/claim?id='"/>
        <xsl:with-param name="more" select="concat('/u/claim-records?unit=', /page/@unit, '&amp;kind=', $l/@kind, '&amp;person=', $l/@person, '&amp;phone=', $l/@phone, '&amp;from=', $l/@from, '&amp;to=', $l/@to, '&amp;')"/>
      </xsl:call-template>
      <p><a href="/u/claims?unit={/page/@unit}">返回补助申请</a></p>
    </section>
  </xsl:template>

  <xsl:template name="list">
    <section class="card">
      <xsl:call-template name="page-head"><xsl:with-param name="title">补助申请</xsl:with-param><xsl:with-param name="sub">代他人办理：为本单位参保职工申请补助</xsl:with-param></xsl:call-template>
      <xsl:call-template name="messages"/>
      <form method="get" action="/u/claims" class="filters" id="people-search" role="search">
        <input type="hidden" name="unit" value="{/page/@unit}"/>
        <label>补助人姓名或证件号码 <input type="search" name="q" value="{people/@q}" id="f-q"/></label>
        <button type="submit" class="secondary">查找参保职工</button>
      </form>
      <xsl:if test="people">
        <xsl:choose>
          <xsl:when test="people/person">
            <div class="table-wrap">
              <table class="list" id="people">
                <thead><tr><th>姓名</th><th>证件号码</th><th>性别</th><th>新建补助申请</th></tr></thead>
                <tbody>
                  <xsl:for-each select="people/person">
                    <tr data-id="{@id}">
                      <td><xsl:value-of select="name"/></td><td><xsl:value-of select="id-number"/></td><td><xsl:value-of select="gender"/></td>
                      <td>
                        <form method="post" action="/u/claims/new" class="inline" id="new-{@id}">
                          <xsl:call-template name="csrf"/>
                          <input type="hidden" name="unit" value="{/page/@unit}"/>
                          <input type="hidden" name="member" value="{@id}"/>
                          <select name="kind" aria-label="补助类型"><xsl:call-template name="kind-options"/></select>
                          <xsl:if test="contains(@kinds, 'critical') and contains(@kinds, 'female')">
                            <label class="check"><input type="checkbox" name="with_female" value="1"/>重疾+女工合并申请</label>
                          </xsl:if>
                          <button type="submit" class="secondary">新建</button>
                        </form>
                      </td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise><div class="empty-state"><p class="empty" id="no-people">本单位没有符合条件的参保职工。</p></div></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </section>
    <section class="card">
      <h2>本单位的补助申请（共 <span id="claims-total"><xsl:value-of select="claims/@total"/></span> 件） <a href="/u/claim-records?unit={/page/@unit}" id="to-records" class="button secondary">补助记录与导出</a></h2>
      <xsl:choose>
        <xsl:when test="claims/claim">
          <xsl:call-template name="claim-rows"><xsl:with-param name="list" select="claims"/><xsl:with-param name="href" select="'/u/claim?id='"/></xsl:call-template>
          <xsl:if test="claims/@pages &gt; 1">
            <xsl:call-template name="pager"><xsl:with-param name="list" select="claims"/><xsl:with-param name="href" select="concat('/u/claims?unit=', /page/@unit, '&amp;')"/></xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><div class="empty-state"><p class="empty">还没有补助申请。</p></div></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- The material kinds a claim of its kind takes, for the upload. -->
  <xsl:template name="doc-options">
    <xsl:param name="c"/>
    <xsl:variable name="k" select="$c/@kind"/>
    <xsl:if test="$k = 'inpatient' or $k = 'days'"><option value="receipt">收费票据</option><option value="discharge">出院记录</option></xsl:if>
    <xsl:if test="$k = 'inpatient'"><option value="settlement">费用结算单</option></xsl:if>
    <xsl:if test="$k = 'critical' or $k = 'female'"><option value="admission">入院记录</option><option value="surgery">手术记录</option><option value="pathology">病理报告</option><option value="discharge">出院记录</option></xsl:if>
    <xsl:if test="$k = 'accident'"><option value="accident">事故证明及医疗材料</option></xsl:if>
    <xsl:if test="$k = 'accident' or $k = 'disability'"><option value="appraisal">伤残等级鉴定</option></xsl:if>
    <xsl:if test="$k = 'disability'"><option value="injury">工伤认定书</option></xsl:if>
    <xsl:if test="$k = 'death'"><option value="death_proof">死亡证明或户口注销证明</option></xsl:if>
    <option value="bank_card">银行卡</option>
    <option value="payee_doc">领款人证件及说明</option>
  </xsl:template>

  <!-- A stored value on an edit form when nothing was typed. -->
  <xsl:template name="val">
    <xsl:param name="name"/>
    <xsl:param name="stored"/>
    <xsl:variable name="f" select="/page/form/field[@name = $name]"/>
    <xsl:choose><xsl:when test="$f"><xsl:value-of select="$f/@value"/></xsl:when><xsl:otherwise><xsl:value-of select="$stored"/></xsl:otherwise></xsl:choose>
  </xsl:template>

  <xsl:template name="text-field">
    <xsl:param name="name"/><xsl:param name="label"/><xsl:param name="stored"/><xsl:param name="type" select="'text'"/><xsl:param name="hint" select="''"/>
    <xsl:variable name="f" select="/page/form/field[@name = $name]"/>
    <div class="field">
      <xsl:if test="$f/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <xsl:if test="$f/@warning"><xsl:attribute name="class">field has-warning</xsl:attribute></xsl:if>
      <label for="f-{$name}"><xsl:value-of select="$label"/></label>
      <input id="f-{$name}" name="{$name}" type="{$type}" autocomplete="off">
        <xsl:attribute name="value"><xsl:call-template name="val"><xsl:with-param name="name" select="$name"/><xsl:with-param name="stored" select="$stored"/></xsl:call-template></xsl:attribute>
      </input>
      <xsl:choose>
        <xsl:when test="$f/@error"><span class="err" id="err-{$name}"><xsl:value-of select="$f/@error"/></span></xsl:when>
        <xsl:when test="$f/@warning"><span class="warn" id="warn-{$name}"><xsl:value-of select="$f/@warning"/></span></xsl:when>
        <xsl:when test="$hint != ''"><span class="hint"><xsl:value-of select="$hint"/></span></xsl:when>
      </xsl:choose>
    </div>
  </xsl:template>

  <xsl:template name="item">
    <xsl:variable name="c" select="claim"/>
    <xsl:variable name="edit" select="$c/@editable and $c/@channel = 'unit'"/>
    <section class="card" id="claim">
      <div class="card-head">
        <h1>补助申请 · <xsl:value-of select="$c/person"/></h1>
        <xsl:call-template name="state-chip"><xsl:with-param name="state" select="$c/@state"/><xsl:with-param name="label" select="$c/@state-seen"/></xsl:call-template>
      </div>
      <xsl:call-template name="messages"/>
      <xsl:call-template name="claim-remark"><xsl:with-param name="c" select="$c"/></xsl:call-template>
      <xsl:call-template name="claim-data"><xsl:with-param name="c" select="$c"/></xsl:call-template>
      <xsl:if test="$c/explanation/line">
        <h3>计算说明</h3>
        <xsl:call-template name="claim-explanation"><xsl:with-param name="lines" select="$c/explanation"/></xsl:call-template>
      </xsl:if>
      <p><a href="/u/claims?unit={/page/@unit}">返回补助申请列表</a></p>
    </section>

    <xsl:if test="$edit">
      <section class="card" id="event-card">
        <h2><xsl:choose><xsl:when test="$c/@kind = 'inpatient' or $c/@kind = 'days'">就诊信息</xsl:when><xsl:otherwise>出险信息</xsl:otherwise></xsl:choose></h2>
        <form method="post" action="/u/claim/event" class="grid2" id="event-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$c/@id}"/>
          <xsl:if test="$c/@kind != 'death'">
            <xsl:call-template name="text-field"><xsl:with-param name="name" select="'hospital'"/><xsl:with-param name="label" select="'就诊医院'"/><xsl:with-param name="stored" select="$c/hospital"/></xsl:call-template>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$c/@kind = 'inpatient' or $c/@kind = 'days'">
              <xsl:call-template name="text-field"><xsl:with-param name="name" select="'admitted'"/><xsl:with-param name="label" select="'入院日期'"/><xsl:with-param name="type" select="'date'"/><xsl:with-param name="stored" select="$c/admitted"/></xsl:call-template>
              <xsl:call-template name="text-field"><xsl:with-param name="name" select="'discharged'"/><xsl:with-param name="label" select="'出院日期'"/><xsl:with-param name="type" select="'date'"/><xsl:with-param name="stored" select="$c/discharged"/></xsl:call-template>
              <xsl:call-template name="text-field"><xsl:with-param name="name" select="'invoice_no'"/><xsl:with-param name="label" select="'收费票据号'"/><xsl:with-param name="stored" select="$c/invoice-no"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="text-field"><xsl:with-param name="name" select="'event_on'"/><xsl:with-param name="type" select="'date'"/><xsl:with-param name="stored" select="$c/event-on"/>
                <xsl:with-param name="label"><xsl:choose><xsl:when test="$c/@kind = 'death'">亡故日期</xsl:when><xsl:when test="$c/@kind = 'accident'">出险日期</xsl:when><xsl:when test="$c/@kind = 'disability'">工伤认定日期</xsl:when><xsl:otherwise>确诊日期</xsl:otherwise></xsl:choose></xsl:with-param></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$c/@kind = 'inpatient' or $c/@kind = 'critical' or $c/@kind = 'female' or $c/@kind = 'days'">
            <xsl:call-template name="text-field"><xsl:with-param name="name" select="'disease'"/><xsl:with-param name="label" select="'疾病名称'"/><xsl:with-param name="stored" select="$c/disease"/></xsl:call-template>
          </xsl:if>
          <xsl:if test="$c/@kind = 'accident' or $c/@kind = 'disability'">
            <xsl:call-template name="text-field"><xsl:with-param name="name" select="'grade'"/><xsl:with-param name="label" select="'伤残等级（1-10，无则留空）'"/><xsl:with-param name="stored" select="$c/grade"/></xsl:call-template>
          </xsl:if>
          <xsl:if test="$c/@kind = 'accident'">
            <div class="field wide"><label for="f-story">事故经过</label><textarea id="f-story" name="story" rows="3"><xsl:call-template name="val"><xsl:with-param name="name" select="'story'"/><xsl:with-param name="stored" select="$c/story"/></xsl:call-template></textarea></div>
            <label class="check"><input type="checkbox" name="died" value="1"><xsl:if test="$c/died"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input>意外身故</label>
          </xsl:if>
          <div class="form-actions"><button type="submit" class="secondary" id="save-event">保存</button></div>
        </form>
      </section>
    </xsl:if>

    <xsl:if test="$edit or ($c/@state = 'failed' and $c/@channel = 'unit')">
      <section class="card" id="payee-card">
        <h2>收款账户<xsl:if test="$c/@state = 'failed'">（修正信息）</xsl:if></h2>
        <form method="post" class="grid2" id="payee-form">
          <xsl:attribute name="action"><xsl:choose><xsl:when test="$c/@state = 'failed'">/u/claim/correct</xsl:when><xsl:otherwise>/u/claim/payee</xsl:otherwise></xsl:choose></xsl:attribute>
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$c/@id}"/>
          <xsl:call-template name="text-field"><xsl:with-param name="name" select="'payee'"/><xsl:with-param name="label" select="'开户人'"/><xsl:with-param name="stored" select="$c/payee"/><xsl:with-param name="hint" select="'须为补助人本人；亡故等由家属领取的，请填写说明并上传领款人证件'"/></xsl:call-template>
          <xsl:call-template name="text-field"><xsl:with-param name="name" select="'card'"/><xsl:with-param name="label" select="'银行卡号'"/><xsl:with-param name="stored" select="''"/><xsl:with-param name="hint" select="'为保护隐私，已保存的卡号不再显示，修改时请重新输入'"/></xsl:call-template>
          <xsl:call-template name="text-field"><xsl:with-param name="name" select="'bank'"/><xsl:with-param name="label" select="'开户银行'"/><xsl:with-param name="stored" select="$c/bank"/></xsl:call-template>
          <xsl:call-template name="text-field"><xsl:with-param name="name" select="'branch'"/><xsl:with-param name="label" select="'开户网点'"/><xsl:with-param name="stored" select="$c/branch"/><xsl:with-param name="hint" select="'请准确输入分行或支行名称'"/></xsl:call-template>
          <xsl:call-template name="text-field"><xsl:with-param name="name" select="'bank_phone'"/><xsl:with-param name="label" select="'预留手机号（选填）'"/><xsl:with-param name="stored" select="''"/></xsl:call-template>
          <div class="field wide"><label for="f-payee_note">开户人说明（开户人不是补助人本人时填写）</label><textarea id="f-payee_note" name="payee_note" rows="2"><xsl:call-template name="val"><xsl:with-param name="name" select="'payee_note'"/><xsl:with-param name="stored" select="$c/payee-note"/></xsl:call-template></textarea></div>
          <div class="form-actions"><button type="submit" class="secondary" id="save-payee"><xsl:choose><xsl:when test="$c/@state = 'failed'">提交修正信息</xsl:when><xsl:otherwise>保存</xsl:otherwise></xsl:choose></button></div>
        </form>
      </section>
    </xsl:if>

    <section class="card" id="materials-card">
      <h2>申请材料</h2>
      <xsl:call-template name="materials">
        <xsl:with-param name="files" select="$c/materials"/>
        <xsl:with-param name="href" select="concat('/u/claim/file?id=', $c/@id, '&amp;file=')"/>
      </xsl:call-template>
      <xsl:if test="$edit">
        <form method="post" action="/u/claim/upload" enctype="multipart/form-data" class="import-form" id="upload-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$c/@id}"/>
          <select name="kind" id="f-doc-kind" aria-label="材料类型"><xsl:call-template name="doc-options"><xsl:with-param name="c" select="$c"/></xsl:call-template></select>
          <xsl:call-template name="file-picker"><xsl:with-param name="name" select="'file'"/><xsl:with-param name="id" select="'file-material'"/><xsl:with-param name="accept" select="'.jpg,.jpeg,.png,.pdf'"/></xsl:call-template>
          <button type="submit" class="secondary" id="upload">上传材料</button>
        </form>
        <div class="form-actions">
          <xsl:if test="$c/@mine">
            <form method="post" action="/u/claim/step" class="inline" id="submit-form">
              <xsl:call-template name="csrf"/>
              <input type="hidden" name="id" value="{$c/@id}"/>
              <button type="submit" name="action" value="submit" id="submit">提交</button>
            </form>
            <form method="post" action="/u/claim/step" class="inline" id="cancel-form">
              <xsl:call-template name="csrf"/>
              <input type="hidden" name="id" value="{$c/@id}"/>
              <button type="submit" name="action" value="cancel" class="danger" id="cancel">删除</button>
            </form>
          </xsl:if>
        </div>
      </xsl:if>
    </section>

    <xsl:if test="$c/@grassroots">
      <section class="card" id="grassroots">
        <h2>基层审核</h2>
        <form method="post" action="/u/claim/step" class="grid2" id="grassroots-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$c/@id}"/>
          <div class="field wide"><label for="f-reason">退回原因（退回时必填）</label><textarea id="f-reason" name="reason" rows="2"></textarea></div>
          <div class="form-actions">
            <button type="submit" name="action" value="approve" id="agree">同意</button>
            <button type="submit" name="action" value="return" class="danger" id="return">退回</button>
          </div>
        </form>
      </section>
    </xsl:if>
    <xsl:call-template name="timeline"><xsl:with-param name="steps" select="$c/timeline"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
