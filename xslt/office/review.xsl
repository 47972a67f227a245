<?xml version="1.0" encoding="UTF-8"?>
<!--
  审核: the review desk's one page shell for every business type: what it
  is, who filed it, the type's body, the materials with a preview, the
  timeline and the decision form.  A type adds only its body template
  (xslt/office/body/<type>.xsl, mode "body").
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/orgapp.xsl"/>
  <xsl:include href="body/org_app.xsl"/>
  <xsl:include href="body/transfer.xsl"/>
  <xsl:include href="body/membership_change.xsl"/>
  <xsl:include href="body/enroll.xsl"/>
  <xsl:include href="../parts/claim.xsl"/>
  <xsl:include href="body/claim.xsl"/>
  <xsl:include href="../parts/change.xsl"/>
  <xsl:include href="body/change.xsl"/>
  <xsl:include href="body/appeal.xsl"/>
  <xsl:template match="/page" mode="title"><xsl:value-of select="item/@type-label"/>审核</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="it" select="item"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'queue'"/></xsl:call-template>
    <div class="desk">
    <section class="card" id="review" data-type="{$it/@type}">
      <div class="card-head">
        <h1><xsl:value-of select="$it/@type-label"/>审核 · <xsl:value-of select="$it/title"/></h1>
        <span id="item-state"><xsl:call-template name="state-chip">
          <xsl:with-param name="state" select="$it/@state"/>
          <xsl:with-param name="label" select="$it/@state-label"/>
        </xsl:call-template></span>
      </div>
      <xsl:call-template name="messages"/>
      <dl class="data" id="item-head">
        <dt>业务类型</dt><dd><xsl:value-of select="$it/@type-label"/></dd>
        <dt>经办人</dt><dd id="d-filer"><xsl:value-of select="$it/filer"/></dd>
        <dt>上报时间</dt><dd><xsl:value-of select="$it/submitted"/></dd>
      </dl>
      <xsl:apply-templates select="$it/body" mode="body"/>
    </section>
    <section class="card" id="item-materials">
      <h2>材料</h2>
      <xsl:call-template name="materials">
        <xsl:with-param name="files" select="$it/materials"/>
        <xsl:with-param name="href" select="'/o/file?id='"/>
      </xsl:call-template>
      <!-- Images and PDFs are shown here; nothing else is. -->
      <xsl:for-each select="$it/materials/file[@mime = 'image/jpeg' or @mime = 'image/png']">
        <figure class="preview"><img src="/o/file?id={@id}&amp;inline=1" alt="{@label}" loading="lazy"/>
          <figcaption><xsl:value-of select="@label"/>：<xsl:value-of select="."/></figcaption></figure>
      </xsl:for-each>
      <xsl:for-each select="$it/materials/file[@mime = 'application/pdf']">
        <figure class="preview pdf"><iframe src="/o/file?id={@id}&amp;inline=1" title="{@label}"></iframe>
          <figcaption><xsl:value-of select="@label"/>：<xsl:value-of select="."/>
            · <a href="/o/file?id={@id}&amp;inline=1" target="_blank" rel="noopener">在新窗口打开</a></figcaption></figure>
      </xsl:for-each>
    </section>
    <xsl:if test="$it/@decide">
      <xsl:call-template name="decision-form"><xsl:with-param name="it" select="$it"/></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="timeline"><xsl:with-param name="steps" select="$it/timeline"/></xsl:call-template>
    </div>
  </xsl:template>

  <!-- The body of a type without a template of its own. -->
  <xsl:template match="body" mode="body"/>

  <!--
    审核意见: 通过 / 退回; a return needs a reason, picked from the type's
    常用退回意见 (still editable) or typed.  @decide holds 1 << action
    for each action the user may take (2 通过, 4 退回).
  -->
  <xsl:template name="decision-form">
    <xsl:param name="it"/>
    <xsl:variable name="f" select="/page/form/field[@name = 'reason']"/>
    <section class="card" id="decide">
      <h2><xsl:value-of select="$it/@state-label"/> · 审核意见</h2>
      <form method="post" action="/o/review" id="decide-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="type" value="{$it/@type}"/>
        <input type="hidden" name="id" value="{$it/@id}"/>
        <xsl:if test="floor($it/@decide div 4) mod 2 = 1 and $it/reasons/reason">
          <div class="field">
            <label for="f-pick">常用退回意见</label>
            <select id="f-pick" name="pick" class="reason-pick" data-target="f-reason">
              <option value="">请选择（可再修改）</option>
              <xsl:for-each select="$it/reasons/reason">
                <option value="{.}"><xsl:value-of select="."/></option>
              </xsl:for-each>
            </select>
          </div>
        </xsl:if>
        <div class="field">
          <xsl:if test="$f/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="f-reason">审核意见（退回时必填）</label>
          <textarea id="f-reason" name="reason" rows="3" maxlength="500"><xsl:value-of select="$f/@value"/></textarea>
          <xsl:if test="$f/@error"><span class="err" id="err-reason"><xsl:value-of select="$f/@error"/></span></xsl:if>
        </div>
        <xsl:if test="floor($it/@decide div 2) mod 2 = 1">
          <button type="submit" name="decision" value="approve" class="primary" id="approve">审核通过</button>
        </xsl:if>
        <xsl:if test="floor($it/@decide div 4) mod 2 = 1">
          <button type="submit" name="decision" value="return" class="danger" id="return">退回</button>
        </xsl:if>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
