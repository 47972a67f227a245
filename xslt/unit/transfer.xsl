<?xml version="1.0" encoding="UTF-8"?>
<!-- 单位绑定: my requests and the unit search; or one request. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">单位绑定</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'units'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="transfer"><xsl:call-template name="item"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="list"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="list">
    <section class="card">
      <h1>单位绑定</h1>
      <p class="hint">更换单位代办员时，由新代办员在此申请绑定单位：先下载授权书模板，打印填写并加盖公章后上传，上报市总工会审核。审核通过后原代办员解绑。</p>
      <p><a class="button secondary" href="/u/transfer/letter.xlsx" id="letter">绑定模板下载</a></p>
      <xsl:call-template name="messages"/>
      <form method="get" action="/u/transfer" class="row" id="unit-search">
        <input type="search" name="q" value="{candidates/@q}" placeholder="输入单位名称查找"/>
        <button type="submit" class="secondary">查找单位</button>
      </form>
      <xsl:if test="candidates">
        <ul class="files" id="candidates">
          <xsl:for-each select="candidates/org">
            <li><xsl:value-of select="."/> <span class="muted">（<xsl:value-of select="@parent"/>）</span>
              <form method="post" action="/u/transfer/new" class="inline">
                <xsl:call-template name="csrf"/>
                <input type="hidden" name="unit" value="{@id}"/>
                <button type="submit" class="link">申请绑定</button>
              </form>
            </li>
          </xsl:for-each>
          <xsl:if test="not(candidates/org)"><li class="muted">未找到该单位。新单位请先注册。</li></xsl:if>
        </ul>
      </xsl:if>
      <h2>我的绑定申请</h2>
      <xsl:choose>
        <xsl:when test="transfers/transfer">
          <table class="list" id="transfers">
            <thead><tr><th>单位</th><th>状态</th><th>更新时间</th><th>操作</th></tr></thead>
            <tbody>
              <xsl:for-each select="transfers/transfer">
                <tr data-id="{@id}">
                  <td><xsl:value-of select="unit"/></td>
                  <td><xsl:call-template name="state-chip"><xsl:with-param name="state" select="@state"/><xsl:with-param name="label" select="@state-seen"/></xsl:call-template></td>
                  <td><xsl:value-of select="updated"/></td>
                  <td><a href="/u/transfer?id={@id}">查看</a></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p class="empty">暂无绑定申请。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="item">
    <xsl:variable name="t" select="transfer"/>
    <section class="card">
      <div class="card-head">
        <h1>单位绑定 · <xsl:value-of select="$t/unit"/></h1>
        <span id="transfer-state"><xsl:call-template name="state-chip"><xsl:with-param name="state" select="$t/@state"/><xsl:with-param name="label" select="$t/@state-seen"/></xsl:call-template></span>
      </div>
      <xsl:call-template name="messages"/>
      <xsl:if test="$t/@state = 'returned' and $t/timeline/step[last()]/reason">
        <p class="msg msg-error" id="return-reason">退回原因：<xsl:value-of select="$t/timeline/step[last()]/reason"/></p>
      </xsl:if>
      <xsl:if test="$t/previous != ''"><p>原经办人：<xsl:value-of select="$t/previous"/>（已解绑）</p></xsl:if>
      <h2>单位绑定授权书</h2>
      <xsl:call-template name="materials">
        <xsl:with-param name="files" select="$t/materials"/>
        <xsl:with-param name="href" select="concat('/u/transfer/file?id=', $t/@id, '&amp;file=')"/>
      </xsl:call-template>
      <xsl:if test="$t/@editable">
        <form method="post" action="/u/transfer/upload" enctype="multipart/form-data" class="row" id="upload-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$t/@id}"/>
          <input type="file" name="file" accept=".jpg,.jpeg,.png,.pdf"/>
          <button type="submit" class="secondary">上传</button>
          <a href="/u/transfer/letter.xlsx">绑定模板下载</a>
        </form>
        <div class="actions" id="actions">
          <form method="post" action="/u/transfer/submit" class="inline">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$t/@id}"/>
            <button type="submit" class="primary" id="submit">上报</button>
          </form>
          <form method="post" action="/u/transfer/cancel" class="inline">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$t/@id}"/>
            <button type="submit" class="danger">删除申请</button>
          </form>
        </div>
      </xsl:if>
    </section>
    <xsl:call-template name="timeline"><xsl:with-param name="steps" select="$t/timeline"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
