<?xml version="1.0" encoding="UTF-8"?>
<!-- The unit portal's side menu.  Mutual-aid menus only for agents who
     hold 医疗互助 in some unit (Xiamen §二). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="unit-nav">
    <xsl:param name="active"/>
    <nav class="side">
      <a href="/u/" id="nav-home"><xsl:if test="$active = 'home'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>首页</a>
      <a href="/u/units" id="nav-units"><xsl:if test="$active = 'units'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>单位信息管理</a>
      <xsl:if test="/page/user/@roles = 1">
        <a href="/u/roster" id="nav-roster"><xsl:if test="$active = 'roster'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>职工名册</a>
        <a href="/u/renewal" id="nav-renewal"><xsl:if test="$active = 'renewal'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>续保提醒</a>
      </xsl:if>
      <a href="/u/password" id="nav-password"><xsl:if test="$active = 'password'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>修改密码</a>
    </nav>
  </xsl:template>
</xsl:stylesheet>
