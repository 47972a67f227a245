<?xml version="1.0" encoding="UTF-8"?>
<!--
  个人信息变更, the pieces every portal shows (seed 000's 变更申请详情):
  the progress (提交申请 → 初审 → 复核 → 办结), the before / after table
  of every field with the changed rows marked, the evidence, the actions
  the state allows (修改 / 删除 / 提交), and the form's fields.
  Links are built from the page's portal (/m/ or /u/).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="change-progress">
    <xsl:param name="c"/>
    <xsl:variable name="at">
      <xsl:choose>
        <xsl:when test="$c/@state = 'review1'">2</xsl:when>
        <xsl:when test="$c/@state = 'review2'">3</xsl:when>
        <xsl:when test="$c/@state = 'done'">4</xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <ol class="progress claim-progress change-progress" id="change-progress" data-at="{$at}">
      <xsl:call-template name="change-step"><xsl:with-param name="n" select="1"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label" select="'提交申请'"/></xsl:call-template>
      <xsl:call-template name="change-step"><xsl:with-param name="n" select="2"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label" select="'初审'"/></xsl:call-template>
      <xsl:call-template name="change-step"><xsl:with-param name="n" select="3"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label" select="'复核'"/></xsl:call-template>
      <xsl:call-template name="change-step"><xsl:with-param name="n" select="4"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label" select="'办结'"/></xsl:call-template>
    </ol>
  </xsl:template>

  <xsl:template name="change-step">
    <xsl:param name="n"/>
    <xsl:param name="at"/>
    <xsl:param name="label"/>
    <li>
      <xsl:choose>
        <xsl:when test="$n &lt; $at or $at = 4"><xsl:attribute name="class">done</xsl:attribute></xsl:when>
        <xsl:when test="$n = $at"><xsl:attribute name="class">current</xsl:attribute></xsl:when>
      </xsl:choose>
      <span class="n"><xsl:value-of select="$n"/></span><xsl:value-of select="$label"/>
    </li>
  </xsl:template>

  <!-- 变更详情: 字段 / 变更前 / 变更后, changed rows marked. -->
  <xsl:template name="change-table">
    <xsl:param name="c"/>
    <div class="table-wrap">
      <table class="change-table" id="change-table">
        <thead><tr><th scope="col">字段</th><th scope="col">变更前</th><th scope="col">变更后</th></tr></thead>
        <tbody>
          <xsl:for-each select="$c/fields/row">
            <tr data-field="{@field}" id="row-{@field}">
              <xsl:if test="@changed"><xsl:attribute name="class">changed</xsl:attribute></xsl:if>
              <th scope="row"><xsl:value-of select="@label"/>
                <xsl:if test="@changed"><span class="chip state-returned change-mark">已变更</span></xsl:if></th>
              <td class="before"><xsl:value-of select="before"/></td>
              <td class="after"><xsl:value-of select="after"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- 变更凭证: the request's files, each through the portal's check. -->
  <xsl:template name="change-proofs">
    <xsl:param name="c"/>
    <xsl:param name="href"/>
    <xsl:choose>
      <xsl:when test="$c/materials/file">
        <ul class="files change-proofs" id="change-proofs">
          <xsl:for-each select="$c/materials/file">
            <li data-kind="{@kind}"><a href="{$href}{@id}"><xsl:value-of select="."/></a>
              <span class="muted"><xsl:text> </xsl:text><xsl:value-of select="@kb"/> KB · <xsl:value-of select="@at"/></span></li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p class="muted" id="no-proofs">尚未上传变更凭证。</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 修改 / 删除 / 提交: what change_view says the viewer may do now. -->
  <xsl:template name="change-actions">
    <xsl:param name="c"/>
    <xsl:variable name="base" select="$c/@base"/>
    <xsl:if test="$c/actions/action">
      <div class="form-actions change-actions" id="actions">
        <xsl:if test="$c/actions/action = 'delete'">
          <form method="post" action="{$base}/delete" class="inline">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$c/@id}"/>
            <button type="submit" class="secondary danger" id="delete">删除</button>
          </form>
        </xsl:if>
        <xsl:if test="$c/actions/action = 'edit'">
          <a class="button secondary" id="edit" href="{$base}/edit?id={$c/@id}">修改</a>
        </xsl:if>
        <xsl:if test="$c/actions/action = 'submit'">
          <form method="post" action="{$base}/submit" class="inline">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$c/@id}"/>
            <button type="submit" class="primary" id="submit">提交</button>
          </form>
        </xsl:if>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The done messages of the detail (?done=). -->
  <xsl:template name="change-done">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c/@done = 'submitted' and $c/@state = 'review1'">
        <section class="card done-card" id="submitted">
          <p class="done-mark" aria-hidden="true">✓</p>
          <h2>变更申请已提交</h2>
          <p>请等待审核通知</p>
        </section>
      </xsl:when>
      <xsl:when test="$c/@done = 'saved'">
        <p class="msg msg-ok" id="saved">已保存为草稿，确认无误后请点击“提交”。</p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The form's fields (changeform pages); $f is <change-form>. -->
  <xsl:template name="change-fields">
    <xsl:param name="f"/>
    <xsl:variable name="g" select="/page/form/field[@name = 'gender']"/>
    <xsl:variable name="u" select="/page/form/field[@name = 'unit_id']"/>
    <div class="field" id="unit-field">
      <xsl:if test="$u/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-unit">参保单位</label>
      <input id="f-unit" type="text" readonly="readonly" value="{$f/current/unit}"/>
      <input type="hidden" name="unit_id" value="{$f/current/unit/@id}"/>
      <xsl:choose>
        <xsl:when test="$u/@error"><span class="err" id="err-unit_id"><xsl:value-of select="$u/@error"/></span></xsl:when>
        <xsl:otherwise><span class="hint">调入其他单位请由新单位经办人办理会籍变更</span></xsl:otherwise>
      </xsl:choose>
    </div>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="label" select="'姓名'"/></xsl:call-template>
    <xsl:call-template name="id-type-select"/>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'id_number'"/><xsl:with-param name="label" select="'证件号码'"/><xsl:with-param name="maxlength" select="'32'"/></xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'birth_date'"/><xsl:with-param name="label" select="'出生日期'"/><xsl:with-param name="placeholder" select="'居民身份证可不填，按证件号码'"/></xsl:call-template>
    <div class="field">
      <xsl:if test="$g/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-gender">性别</label>
      <select id="f-gender" name="gender">
        <option value="">按证件号码</option>
        <option value="M"><xsl:if test="$g/@value = 'M'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>男</option>
        <option value="F"><xsl:if test="$g/@value = 'F'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>女</option>
      </select>
      <xsl:if test="$g/@error"><span class="err" id="err-gender"><xsl:value-of select="$g/@error"/></span></xsl:if>
    </div>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'si_type'"/><xsl:with-param name="label" select="'社保类型'"/><xsl:with-param name="placeholder" select="'请填写社保类型(选填)'"/></xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'si_card'"/><xsl:with-param name="label" select="'社保卡号'"/><xsl:with-param name="placeholder" select="'选填'"/></xsl:call-template>
    <xsl:call-template name="input"><xsl:with-param name="name" select="'phone'"/><xsl:with-param name="label" select="'手机号码'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="inputmode" select="'numeric'"/><xsl:with-param name="maxlength" select="'11'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$f/@phone-only = '1'">
        <p class="msg msg-warn" id="phone-only">仅修改手机号码无需审核：请获取新手机号码 <b><xsl:value-of select="/page/form/field[@name = 'phone']/@value"/></b> 收到的验证码，确认后立即生效。</p>
        <xsl:call-template name="code-input"/>
        <div class="form-actions">
          <button type="submit" name="go" value="phone" class="primary wide" id="confirm-phone">确认修改手机号码</button>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="p" select="/page/form/field[@name = 'proof']"/>
        <div class="field" id="proof-field">
          <xsl:if test="$p/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="file-proof">变更凭证</label>
          <xsl:call-template name="file-picker">
            <xsl:with-param name="name" select="'proof'"/>
            <xsl:with-param name="label" select="'上传凭证'"/>
            <xsl:with-param name="accept" select="'image/jpeg,image/png,application/pdf'"/>
            <xsl:with-param name="title" select="'变更凭证'"/>
          </xsl:call-template>
          <xsl:choose>
            <xsl:when test="$p/@error"><span class="err" id="err-proof"><xsl:value-of select="$p/@error"/></span></xsl:when>
            <xsl:otherwise><span class="hint">证件或证明材料的照片或PDF，不超过5MB；仅修改手机号码无需凭证</span></xsl:otherwise>
          </xsl:choose>
        </div>
        <xsl:if test="$f/change/materials/file">
          <xsl:call-template name="change-proofs">
            <xsl:with-param name="c" select="$f/change"/>
            <xsl:with-param name="href" select="concat($f/@base, '/file?id=', $f/@id, '&amp;file=')"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="input"><xsl:with-param name="name" select="'remark'"/><xsl:with-param name="label" select="'备注'"/><xsl:with-param name="placeholder" select="'选填'"/></xsl:call-template>
        <div class="form-actions">
          <button type="submit" name="go" value="save" class="secondary" id="save">保存草稿</button>
          <button type="submit" name="go" value="submit" class="primary" id="confirm">确认提交</button>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
