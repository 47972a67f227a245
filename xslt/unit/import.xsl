<?xml version="1.0" encoding="UTF-8"?>
<!-- 查看导入结果: progress while the job runs, then the counts and the
     result workbook of the rows to fix. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">导入结果</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="j" select="import"/>
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'roster'"/></xsl:call-template>
    <section class="card" id="import" data-state="{$j/@state}">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">导入职工信息</xsl:with-param>
        <xsl:with-param name="sub">文件：<xsl:value-of select="$j/filename"/> · 上传于 <xsl:value-of select="$j/created"/></xsl:with-param>
        <xsl:with-param name="actions"><a class="button secondary" href="/u/roster?unit={/page/@unit}">返回职工名册</a></xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$j/@state = 'queued'">
          <p class="progress" id="progress">排队中，即将开始……</p>
        </xsl:when>
        <xsl:when test="$j/@state = 'running'">
          <p class="progress" id="progress">正在导入：已读取 <b><xsl:value-of select="$j/@rows-read"/></b> 行……</p>
        </xsl:when>
        <xsl:when test="$j/@state = 'failed'">
          <p class="msg msg-error" id="import-error">导入失败：<xsl:value-of select="$j/error"/></p>
          <p>名册未做任何改动。请修改文件后重新导入。</p>
        </xsl:when>
        <xsl:otherwise>
          <p class="msg msg-ok" id="import-done">导入完成，用时 <xsl:value-of select="$j/@seconds"/> 秒。</p>
          <div class="figures" id="counts">
            <div class="figure"><span class="num" id="n-read"><xsl:value-of select="$j/@read"/></span><span>读取</span></div>
            <div class="figure"><span class="num" id="n-added"><xsl:value-of select="$j/@added"/></span><span>新增</span></div>
            <div class="figure"><span class="num" id="n-updated"><xsl:value-of select="$j/@updated"/></span><span>更新</span></div>
            <div class="figure"><span class="num" id="n-failed"><xsl:value-of select="$j/@failed"/></span><span>失败</span></div>
            <div class="figure"><span class="num" id="n-warned"><xsl:value-of select="$j/@warned"/></span><span>提示</span></div>
          </div>
          <xsl:if test="$j/@result">
            <p><a class="button secondary" id="result" href="/u/roster/import/result.xlsx?unit={/page/@unit}&amp;id={$j/@id}">下载导入结果（失败及提示的行和原因）</a></p>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <p><a href="/u/roster?unit={/page/@unit}">返回职工名册</a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
