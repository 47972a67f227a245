<?xml version="1.0" encoding="UTF-8"?>
<!-- 用户与角色 (admin) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">用户与角色</xsl:template>

  <!-- Role checkboxes; $bits are the roles to show checked. -->
  <xsl:template name="role-boxes">
    <xsl:param name="bits" select="0"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:for-each select="/page/role-defs/role">
      <label class="check">
        <input type="checkbox" name="role_{@name}" value="1" id="{$prefix}role_{@name}">
          <xsl:if test="floor($bits div @bit) mod 2 = 1"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <xsl:value-of select="."/>
      </label>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="/page" mode="content">
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'users'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">用户与角色</xsl:with-param>
        <xsl:with-param name="sub">协会工作人员的账号和角色</xsl:with-param>
        <xsl:with-param name="actions"><a class="button primary" href="#user-form">新增工作人员</a></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'users'"/>
        <xsl:with-param name="count" select="count(users/user)"/>
        <xsl:with-param name="head"><th>用户名</th><th>姓名</th><th>角色</th><th>创建时间</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="users/user">
            <tr data-user="{@username}">
              <td><xsl:value-of select="@username"/><xsl:if test="@disabled"><xsl:text> </xsl:text><xsl:call-template name="chip"><xsl:with-param name="text">已停用</xsl:with-param><xsl:with-param name="kind" select="'muted'"/></xsl:call-template></xsl:if></td>
              <td><xsl:value-of select="@name"/></td>
              <td>
                <form method="post" action="/o/users/roles" class="inline roles">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="id" value="{@id}"/>
                  <xsl:call-template name="role-boxes">
                    <xsl:with-param name="bits" select="@roles"/>
                    <xsl:with-param name="prefix" select="concat('u', @id, '-')"/>
                  </xsl:call-template>
                  <button type="submit" class="secondary small">保存角色</button>
                </form>
              </td>
              <td><xsl:value-of select="@created"/></td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
    <section class="card">
      <h2>新增工作人员</h2>
      <form method="post" action="/o/users" id="user-form" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="messages"/>
        <div class="grid2">
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'username'"/>
          <xsl:with-param name="label">用户名</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="label">姓名</xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'phone'"/>
          <xsl:with-param name="label">手机号码（选填）</xsl:with-param>
          <xsl:with-param name="type" select="'tel'"/>
        </xsl:call-template>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="'password'"/>
          <xsl:with-param name="label">初始密码（8位以上，含字母和数字）</xsl:with-param>
          <xsl:with-param name="type" select="'password'"/>
          <xsl:with-param name="autocomplete" select="'new-password'"/>
        </xsl:call-template>
        </div>
        <div class="field">
          <xsl:if test="form/field[@name = 'roles']/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <span class="label">角色</span>
          <xsl:call-template name="role-boxes">
            <xsl:with-param name="bits" select="number(concat('0', form/@roles))"/>
            <xsl:with-param name="prefix" select="'new-'"/>
          </xsl:call-template>
          <xsl:if test="form/field[@name = 'roles']/@error"><span class="err" id="err-roles"><xsl:value-of select="form/field[@name = 'roles']/@error"/></span></xsl:if>
        </div>
        <div class="form-actions"><button type="submit" class="primary">创建用户</button></div>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
