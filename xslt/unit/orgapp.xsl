<?xml version="1.0" encoding="UTF-8"?>
<!-- 注册单位信息 / 单位信息编辑: the form while it may change, then the
     data, materials, 合并/拆分 history and the progress timeline. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/orgapp.xsl"/>
  <xsl:template match="/page" mode="title">
    <xsl:choose><xsl:when test="app/@kind = 'edit'">单位信息编辑</xsl:when><xsl:otherwise>注册单位信息</xsl:otherwise></xsl:choose>
  </xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'units'"/></xsl:call-template>
    <section class="card">
      <div class="card-head">
        <h1><xsl:apply-templates select="." mode="title"/></h1>
        <xsl:if test="app">
          <span id="app-state"><xsl:call-template name="state-chip">
            <xsl:with-param name="state" select="app/@state"/>
            <xsl:with-param name="label" select="app/@state-seen"/>
          </xsl:call-template></span>
        </xsl:if>
      </div>
      <xsl:if test="not(form/@upload)"><xsl:call-template name="messages"/></xsl:if>
      <xsl:if test="app/@state = 'returned' and app/timeline/step[last()]/reason">
        <p class="msg msg-error" id="return-reason">退回原因：<xsl:value-of select="app/timeline/step[last()]/reason"/></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="new or app/@editable"><xsl:call-template name="app-form"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="orgapp-data"><xsl:with-param name="a" select="app"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="app">
      <xsl:if test="app/lineage != 'none'"><xsl:call-template name="lineage-section"/></xsl:if>
      <section class="card" id="materials-section">
        <h2>材料信息</h2>
        <xsl:call-template name="materials">
          <xsl:with-param name="files" select="app/materials"/>
          <xsl:with-param name="href" select="'/u/org/file?id='"/>
        </xsl:call-template>
        <xsl:if test="app/@editable">
          <xsl:if test="form/@upload"><xsl:call-template name="messages"/></xsl:if>
          <form method="post" action="/u/org/upload" enctype="multipart/form-data" id="upload-form" class="row">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{app/@id}"/>
            <select name="kind" aria-label="材料类型">
              <option value="license">工会法人资格证书 / 营业执照（必传）</option>
              <option value="approval">批复文件</option>
            </select>
            <input type="file" name="file" accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"/>
            <button type="submit" class="secondary">上传</button>
          </form>
          <p class="hint">支持 jpg、png、pdf 格式，单个文件不超过 10 MB，图片偏大请压缩后上传。</p>
        </xsl:if>
      </section>
      <xsl:if test="app/@editable">
        <section class="card actions" id="actions">
          <a class="button primary" href="/u/org/submit?id={app/@id}" id="submit">上报</a>
          <form method="post" action="/u/org/cancel" class="inline">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{app/@id}"/>
            <button type="submit" class="danger" id="cancel">删除申请</button>
          </form>
        </section>
      </xsl:if>
      <xsl:call-template name="timeline"><xsl:with-param name="steps" select="app/timeline"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="app-form">
    <form method="post" action="/u/org/app" id="app-form" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:if test="app"><input type="hidden" name="id" value="{app/@id}"/></xsl:if>
      <div class="grid2">
        <xsl:call-template name="input"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="label">单位全称</xsl:with-param></xsl:call-template>
        <xsl:call-template name="input"><xsl:with-param name="name" select="'credit_code'"/><xsl:with-param name="label">统一社会信用代码</xsl:with-param><xsl:with-param name="maxlength" select="'18'"/><xsl:with-param name="placeholder" select="'基层工会填工会的代码，未成立工会填单位的代码'"/></xsl:call-template>
        <xsl:call-template name="org-select"><xsl:with-param name="name" select="'parent_id'"/><xsl:with-param name="label">上级工会</xsl:with-param><xsl:with-param name="orgs" select="parents"/></xsl:call-template>
        <xsl:call-template name="choice-select"><xsl:with-param name="name" select="'nature'"/><xsl:with-param name="label">单位性质</xsl:with-param><xsl:with-param name="choices" select="'|请选择;机关|机关;事业|事业;国企|国企;其他|其他'"/></xsl:call-template>
        <xsl:call-template name="input"><xsl:with-param name="name" select="'district'"/><xsl:with-param name="label">所属区县（选填）</xsl:with-param></xsl:call-template>
        <xsl:call-template name="input"><xsl:with-param name="name" select="'medins_code'"/><xsl:with-param name="label">医保代码（6位或8位，选填）</xsl:with-param><xsl:with-param name="inputmode" select="'numeric'"/><xsl:with-param name="maxlength" select="'8'"/></xsl:call-template>
        <xsl:call-template name="input"><xsl:with-param name="name" select="'employees'"/><xsl:with-param name="label">职工人数（选填）</xsl:with-param><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
        <xsl:call-template name="input"><xsl:with-param name="name" select="'chairman'"/><xsl:with-param name="label">工会主席（选填）</xsl:with-param></xsl:call-template>
        <xsl:call-template name="input"><xsl:with-param name="name" select="'contact'"/><xsl:with-param name="label">联系人</xsl:with-param></xsl:call-template>
        <xsl:call-template name="input"><xsl:with-param name="name" select="'contact_phone'"/><xsl:with-param name="label">联系电话（手机）</xsl:with-param><xsl:with-param name="inputmode" select="'tel'"/><xsl:with-param name="maxlength" select="'11'"/></xsl:call-template>
        <xsl:call-template name="choice-select"><xsl:with-param name="name" select="'lineage'"/><xsl:with-param name="label">是否有过单位合并或拆分</xsl:with-param><xsl:with-param name="choices" select="'none|否;merge|是，由其他单位合并而来;split|是，由其他单位拆分而来'"/></xsl:call-template>
      </div>
      <button type="submit" class="primary" id="save">保存</button>
      <xsl:if test="new"><p class="hint">保存后可上传材料、填写合并/拆分的原单位，然后上报市总工会审核。</p></xsl:if>
    </form>
  </xsl:template>

  <xsl:template name="lineage-section">
    <section class="card" id="lineage-section">
      <h2>由哪些单位<xsl:choose><xsl:when test="app/lineage = 'merge'">合并</xsl:when><xsl:otherwise>拆分</xsl:otherwise></xsl:choose>而来</h2>
      <ul class="files" id="lineage">
        <xsl:for-each select="app/lineage-orgs/org">
          <li data-org="{@id}"><xsl:value-of select="."/>
            <xsl:if test="/page/app/@editable">
              <form method="post" action="/u/org/lineage" class="inline">
                <xsl:call-template name="csrf"/>
                <input type="hidden" name="id" value="{/page/app/@id}"/>
                <input type="hidden" name="org" value="{@id}"/>
                <input type="hidden" name="op" value="remove"/>
                <button type="submit" class="link">移除</button>
              </form>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
      <xsl:if test="app/@editable">
        <form method="get" action="/u/org/app" class="row" id="lineage-search">
          <input type="hidden" name="id" value="{app/@id}"/>
          <input type="search" name="q" value="{candidates/@q}" placeholder="输入单位名称查找"/>
          <button type="submit" class="secondary">查找</button>
        </form>
        <xsl:if test="candidates">
          <ul class="files" id="candidates">
            <xsl:for-each select="candidates/org">
              <li><xsl:value-of select="."/> <span class="muted">（<xsl:value-of select="@parent"/>）</span>
                <form method="post" action="/u/org/lineage" class="inline">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="id" value="{/page/app/@id}"/>
                  <input type="hidden" name="org" value="{@id}"/>
                  <button type="submit" class="link">选择</button>
                </form>
              </li>
            </xsl:for-each>
            <xsl:if test="not(candidates/org)"><li class="muted">未找到名称包含“<xsl:value-of select="candidates/@q"/>”的单位。</li></xsl:if>
          </ul>
        </xsl:if>
      </xsl:if>
    </section>
  </xsl:template>
</xsl:stylesheet>
