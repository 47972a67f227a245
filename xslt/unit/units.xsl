<?xml version="1.0" encoding="UTF-8"?>
<!-- 单位信息管理: my units, and my registration / edit applications. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">单位信息管理</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'units'"/></xsl:call-template>
    <section class="card">
      <div class="card-head">
        <h1>单位信息管理</h1>
        <span>
          <a class="button primary" href="/u/org/new" id="register">注册单位信息</a>
          <a class="button secondary" href="/u/transfer" id="bind">单位绑定</a>
        </span>
      </div>
      <h2>我服务的单位</h2>
      <xsl:choose>
        <xsl:when test="units/unit">
          <table class="list" id="units">
            <thead><tr><th>单位名称</th><th>统一社会信用代码</th><th>上级工会</th><th>身份</th><th>状态</th><th>操作</th></tr></thead>
            <tbody>
              <xsl:for-each select="units/unit">
                <tr data-unit="{@id}">
                  <td class="unit-name"><xsl:value-of select="name"/></td>
                  <td><xsl:value-of select="credit-code"/></td>
                  <td><xsl:value-of select="parent"/></td>
                  <td><xsl:choose><xsl:when test="@role = 'chairman'">工会主席</xsl:when><xsl:otherwise>工作人员</xsl:otherwise></xsl:choose></td>
                  <td class="unit-state"><xsl:choose>
                    <xsl:when test="@editing"><span class="chip state-1">编辑市总审核中</span></xsl:when>
                    <xsl:otherwise><span class="chip state-4">审核通过</span></xsl:otherwise>
                  </xsl:choose></td>
                  <td>
                    <a href="/u/invoice?unit={@id}">开票信息</a>
                    <xsl:if test="@role = 'chairman'"><xsl:text> </xsl:text><a href="/u/staff?unit={@id}">工作人员</a></xsl:if>
                    <xsl:if test="@role = 'chairman'">
                    <form method="post" action="/u/org/edit" class="inline">
                      <xsl:call-template name="csrf"/>
                      <input type="hidden" name="unit" value="{@id}"/>
                      <button type="submit" class="link">编辑</button>
                    </form>
                  </xsl:if></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p class="empty" id="no-units">您还没有绑定任何单位。</p></xsl:otherwise>
      </xsl:choose>
      <h2>我的申请</h2>
      <xsl:choose>
        <xsl:when test="apps/app">
          <table class="list" id="apps">
            <thead><tr><th>类型</th><th>单位名称</th><th>统一社会信用代码</th><th>上级工会</th><th>状态</th><th>更新时间</th><th>操作</th></tr></thead>
            <tbody>
              <xsl:for-each select="apps/app">
                <tr data-app="{@id}">
                  <td><xsl:choose><xsl:when test="@kind = 'edit'">信息编辑</xsl:when><xsl:otherwise>单位注册</xsl:otherwise></xsl:choose></td>
                  <td><xsl:value-of select="name"/></td>
                  <td><xsl:value-of select="credit-code"/></td>
                  <td><xsl:value-of select="parent"/></td>
                  <td class="app-state"><xsl:call-template name="state-chip">
                    <xsl:with-param name="state" select="@state"/>
                    <xsl:with-param name="label" select="@state-seen"/>
                  </xsl:call-template></td>
                  <td><xsl:value-of select="updated"/></td>
                  <td><a href="/u/org/app?id={@id}">查看</a></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p class="empty" id="no-apps">暂无申请。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
