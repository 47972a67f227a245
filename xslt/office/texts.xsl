<?xml version="1.0" encoding="UTF-8"?>
<!-- 隐私协议与服务声明 (editor): each text in force, a new version, the
     versions published.  A new version asks every member again. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">隐私协议与服务声明</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="f" select="form"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'texts'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">隐私协议与服务声明</xsl:with-param>
        <xsl:with-param name="sub">职工绑定时须勾选同意。发布新版本后，已绑定的职工下次访问时须重新同意，不同意则无法使用职工端。</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <div class="grid2 texts">
        <xsl:for-each select="texts/text">
          <article class="panel text-current" id="current-{@kind}">
            <h2><xsl:value-of select="@label"/>
              <xsl:choose>
                <xsl:when test="@version"> <span class="chip chip-ok">版本 <span class="version"><xsl:value-of select="@version"/></span></span></xsl:when>
                <xsl:otherwise> <span class="chip chip-muted">尚未发布</span></xsl:otherwise>
              </xsl:choose>
            </h2>
            <xsl:if test="@at"><p class="muted"><xsl:value-of select="@at"/> 发布</p></xsl:if>
            <div class="article-body scroll"><xsl:copy-of select="body/node()"/></div>
          </article>
        </xsl:for-each>
      </div>
    </section>
    <section class="card" id="publish">
      <h2>发布新版本</h2>
      <form method="post" action="/o/texts" id="text-form">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="choice-select">
          <xsl:with-param name="name" select="'kind'"/>
          <xsl:with-param name="label">文本</xsl:with-param>
          <xsl:with-param name="choices" select="'privacy|隐私协议;terms|服务声明'"/>
        </xsl:call-template>
        <div class="field wide">
          <xsl:if test="$f/field[@name = 'body']/@error"><xsl:attribute name="class">field wide has-error</xsl:attribute></xsl:if>
          <label for="f-body">正文</label>
          <div class="editor-toolbar" role="toolbar" aria-label="格式" data-for="f-body">
            <button type="button" class="small secondary" data-wrap="p">段落</button>
            <button type="button" class="small secondary" data-wrap="b"><b>加粗</b></button>
            <button type="button" class="small secondary" data-list="ul">• 列表</button>
            <button type="button" class="small secondary" data-list="ol">1. 列表</button>
            <button type="button" class="small secondary" data-link="1">链接</button>
          </div>
          <textarea id="f-body" name="body" rows="12"><xsl:value-of select="$f/field[@name = 'body']/@value"/></textarea>
          <span class="hint">每行一段；可加粗、列表和链接。发布后立即生效，版本号自动加一。</span>
          <xsl:if test="$f/field[@name = 'body']/@error"><span class="err" id="err-body"><xsl:value-of select="$f/field[@name = 'body']/@error"/></span></xsl:if>
        </div>
        <div class="form-actions"><button type="submit" class="primary" id="publish-text">发布新版本</button></div>
      </form>
    </section>
    <section class="card" id="versions">
      <h2>历史版本</h2>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'history'"/>
        <xsl:with-param name="count" select="count(history/version)"/>
        <xsl:with-param name="empty">尚未发布任何版本。</xsl:with-param>
        <xsl:with-param name="head"><th>文本</th><th>版本</th><th>发布时间</th><th>发布人</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="history/version">
            <tr data-kind="{@kind}" data-version="{@version}">
              <td><xsl:choose><xsl:when test="@kind = 'privacy'">隐私协议</xsl:when><xsl:otherwise>服务声明</xsl:otherwise></xsl:choose></td>
              <td><xsl:value-of select="@version"/></td>
              <td><xsl:value-of select="@at"/></td>
              <td><xsl:value-of select="@by"/></td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
