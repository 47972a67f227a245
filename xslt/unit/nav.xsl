<?xml version="1.0" encoding="UTF-8"?>
<!-- The unit portal's side menu.  Mutual-aid menus only for agents who
     hold 医疗互助 in some unit (Xiamen §二). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="unit-nav">
    <xsl:param name="active"/>
    <nav class="side">
      <a href="/u/" id="nav-home"><xsl:if test="$active = 'home'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>首页</a>
      <a href="/u/messages" id="nav-messages"><xsl:if test="$active = 'messages'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>消息<xsl:if test="/page/user/@unread &gt; 0"> <span class="badge"><xsl:value-of select="/page/user/@unread"/></span></xsl:if></a>
      <a href="/u/units" id="nav-units"><xsl:if test="$active = 'units'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>单位信息管理</a>
      <xsl:if test="/page/user/@roles = 1">
        <a href="/u/roster" id="nav-roster"><xsl:if test="$active = 'roster'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>职工名册</a>
        <a href="/u/changes" id="nav-changes" class="sub"><xsl:if test="$active = 'changes'"><xsl:attribute name="class">sub active</xsl:attribute></xsl:if>信息变更</a>
        <span class="nav-group" id="nav-enrol">参保业务</span>
        <a href="/u/enroll" id="nav-enroll" class="sub"><xsl:if test="$active = 'enroll'"><xsl:attribute name="class">sub active</xsl:attribute></xsl:if>参保申请</a>
        <a href="/u/coverage" id="nav-coverage" class="sub"><xsl:if test="$active = 'coverage'"><xsl:attribute name="class">sub active</xsl:attribute></xsl:if>参保记录</a>
        <a href="/u/renewal" id="nav-renewal" class="sub"><xsl:if test="$active = 'renewal'"><xsl:attribute name="class">sub active</xsl:attribute></xsl:if>续保提醒</a>
        <span class="nav-group" id="nav-claim-group">补助业务</span>
        <a href="/u/claims" id="nav-claims" class="sub"><xsl:if test="$active = 'claims'"><xsl:attribute name="class">sub active</xsl:attribute></xsl:if>补助申请</a>
        <a href="/u/invoices" id="nav-invoices" class="sub"><xsl:if test="$active = 'invoices'"><xsl:attribute name="class">sub active</xsl:attribute></xsl:if>发票管理</a>
      </xsl:if>
      <a href="/u/password" id="nav-password"><xsl:if test="$active = 'password'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>修改密码</a>
    </nav>
  </xsl:template>

  <!-- aid-units: a page's first step when no unit is named: the units
       where the agent holds 医疗互助, each a link ($href and its id). -->
  <xsl:template name="aid-units">
    <xsl:param name="title"/>
    <xsl:param name="href"/>
    <section class="card">
      <xsl:call-template name="page-head"><xsl:with-param name="title" select="$title"/><xsl:with-param name="sub">请选择单位</xsl:with-param></xsl:call-template>
      <ul class="files" id="aid-units">
        <xsl:for-each select="/page/units/unit[@mutual-aid]">
          <li><a href="{$href}{@id}"><xsl:value-of select="name"/></a></li>
        </xsl:for-each>
      </ul>
      <xsl:if test="not(/page/units/unit[@mutual-aid])"><div class="empty-state"><p class="empty">您没有任何单位的医疗互助权限。</p></div></xsl:if>
    </section>
  </xsl:template>
</xsl:stylesheet>
