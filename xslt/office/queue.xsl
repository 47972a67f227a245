<?xml version="1.0" encoding="UTF-8"?>
<!-- 待办审核: one table per queue the user's roles may work. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">待办审核</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'queue'"/></xsl:call-template>
    <section class="card">
      <h1>待办审核</h1>
      <xsl:if test="not(queue)"><p class="empty">您的角色没有需要审核的事项。</p></xsl:if>
      <xsl:for-each select="queue">
        <h2><xsl:value-of select="@title"/> <span class="count">（<xsl:value-of select="count(item)"/>）</span></h2>
        <xsl:choose>
          <xsl:when test="item">
            <table class="list" id="queue-{@name}">
              <thead><tr><th>类型</th><th>名称</th><th>说明</th><th>经办人</th><th>上报/更新时间</th><th>操作</th></tr></thead>
              <tbody>
                <xsl:for-each select="item">
                  <tr data-id="{@id}">
                    <td><xsl:value-of select="@kind"/></td>
                    <td><xsl:value-of select="title"/></td>
                    <td><xsl:value-of select="detail"/></td>
                    <td><xsl:value-of select="by"/></td>
                    <td><xsl:value-of select="at"/></td>
                    <td><a href="{@href}{@id}">审核</a></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:when>
          <xsl:otherwise><p class="empty" id="empty-{@name}">暂无待审核事项。</p></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
