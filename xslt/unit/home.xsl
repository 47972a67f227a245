<?xml version="1.0" encoding="UTF-8"?>
<!-- 经办人首页: the units I serve -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">首页</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'home'"/></xsl:call-template>
    <xsl:for-each select="units/unit[@no-invoice and (@role = 'chairman' or @mutual-aid)]">
      <p class="msg msg-error invoice-reminder">“<xsl:value-of select="name"/>”尚未填写开票信息。<a href="/u/invoice?unit={@id}">去填写</a></p>
    </xsl:for-each>
    <section class="card">
      <h1>我服务的单位</h1>
      <xsl:choose>
        <xsl:when test="units/unit">
          <table class="list" id="units">
            <thead><tr><th>单位名称</th><th>统一社会信用代码</th><th>上级工会</th><th>身份</th><th>医疗互助权限</th></tr></thead>
            <tbody>
              <xsl:for-each select="units/unit">
                <tr data-unit="{@id}">
                  <td class="unit-name"><xsl:value-of select="name"/></td>
                  <td><xsl:value-of select="credit-code"/></td>
                  <td><xsl:value-of select="parent"/></td>
                  <td><xsl:choose><xsl:when test="@role = 'chairman'">工会主席</xsl:when><xsl:otherwise>工作人员</xsl:otherwise></xsl:choose></td>
                  <td><xsl:choose><xsl:when test="@mutual-aid">有</xsl:when><xsl:otherwise><span class="muted">无</span></xsl:otherwise></xsl:choose></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty" id="no-units">您还没有绑定任何单位。新单位请先 <a href="/u/org/new">注册单位</a>，已有单位请通过“单位绑定”申请。</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <section class="card" id="messages">
      <h2>消息 <xsl:if test="messages/@unread &gt; 0"><span class="chip state-3" id="unread"><xsl:value-of select="messages/@unread"/> 条未读</span></xsl:if></h2>
      <xsl:choose>
        <xsl:when test="messages/message">
          <ul class="messages">
            <xsl:for-each select="messages/message">
              <li data-read="{@read}">
                <xsl:choose>
                  <xsl:when test="@link"><a href="{@link}" class="title"><xsl:value-of select="title"/></a></xsl:when>
                  <xsl:otherwise><span class="title"><xsl:value-of select="title"/></span></xsl:otherwise>
                </xsl:choose>
                <time><xsl:value-of select="at"/></time>
                <p><xsl:value-of select="body"/></p>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="empty">暂无消息。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
