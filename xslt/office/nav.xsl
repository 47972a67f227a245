<?xml version="1.0" encoding="UTF-8"?>
<!-- The office side menu, shown by role. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="office-nav">
    <xsl:param name="active"/>
    <!-- the roles that work on business; the editor (32) has its own pages -->
    <xsl:variable name="roles" select="/page/user/@roles mod 32"/>
    <xsl:variable name="editor" select="floor(/page/user/@roles div 32) mod 2 = 1"/>
    <nav class="side">
      <a href="/o/"><xsl:if test="$active = 'home'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>工作台</a>
      <!-- everyone reviews something: reviewers (1, 2), medical (4),
           finance (8), admin (16) -->
      <xsl:if test="$roles != 0">
        <a href="/o/queue" id="nav-queue"><xsl:if test="$active = 'queue'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>待办审核</a>
      </xsl:if>
      <!-- 参保记录: everyone but a medical-only reviewer; 发票: finance (8) -->
      <xsl:if test="$roles != 4 and $roles != 0">
        <a href="/o/coverage" id="nav-coverage"><xsl:if test="$active = 'coverage'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>参保记录</a>
        <a href="/o/claims" id="nav-claims"><xsl:if test="$active = 'claims'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>补助记录</a>
      </xsl:if>
      <xsl:if test="floor($roles div 8) mod 2 = 1">
        <a href="/o/invoices" id="nav-invoices"><xsl:if test="$active = 'invoices'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>发票</a>
      </xsl:if>
      <!-- 打款管理: finance (8) pays, admin (16) reads -->
      <xsl:if test="floor($roles div 8) mod 4 != 0">
        <a href="/o/payout" id="nav-payout"><xsl:if test="$active = 'payout'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>打款管理</a>
      </xsl:if>
      <xsl:if test="$roles != 0">
        <a href="/o/search" id="nav-search"><xsl:if test="$active = 'search'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>单位与职工查询</a>
      </xsl:if>
      <!-- ROLE_ADMIN is bit 16 -->
      <xsl:if test="floor($roles div 16) mod 2 = 1">
        <a href="/o/plans" id="nav-plans"><xsl:if test="$active = 'plans'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>保障计划</a>
        <a href="/o/orgs" id="nav-orgs"><xsl:if test="$active = 'orgs'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>组织架构</a>
        <a href="/o/users" id="nav-users"><xsl:if test="$active = 'users'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>用户与角色</a>
        <a href="/o/reasons" id="nav-reasons"><xsl:if test="$active = 'reasons'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>常用退回意见</a>
        <a href="/o/claim-regions" id="nav-claim-regions"><xsl:if test="$active = 'claim-regions'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>补助申请设置</a>
      </xsl:if>
      <!-- 编辑 (32): 公告资讯, 协议文本, 宣传手册 -->
      <xsl:if test="$editor">
        <a href="/o/articles" id="nav-articles"><xsl:if test="$active = 'articles'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>公告与资讯</a>
        <a href="/o/texts" id="nav-texts"><xsl:if test="$active = 'texts'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>隐私协议与服务声明</a>
        <a href="/o/brochure" id="nav-brochure"><xsl:if test="$active = 'brochure'"><xsl:attribute name="class">active</xsl:attribute></xsl:if>宣传手册</a>
      </xsl:if>
      <!-- everyone but a medical-only reviewer may export -->
      <xsl:if test="$roles != 4 and $roles != 0">
        <a href="/x/members.xlsx" id="nav-export">导出职工名单</a>
      </xsl:if>
    </nav>
  </xsl:template>
</xsl:stylesheet>
