<?xml version="1.0" encoding="UTF-8"?>
<!-- 工作人员: the chairman adds staff and grants 医疗互助. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">工作人员</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="u" select="@unit"/>
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'units'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">工作人员 · <xsl:value-of select="units/unit[@id = $u]/name"/></xsl:with-param>
        <xsl:with-param name="sub">工会主席可添加工作人员并授予“医疗互助”权限</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'staff'"/>
        <xsl:with-param name="count" select="count(staff/agent)"/>
        <xsl:with-param name="head"><th>姓名</th><th>手机号码</th><th>身份</th><th>医疗互助权限</th><th>操作</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="staff/agent">
            <tr data-agent="{@id}">
              <td><xsl:value-of select="name"/><xsl:if test="name = ''"><span class="muted">（尚未登录）</span></xsl:if></td>
              <td><xsl:value-of select="phone"/></td>
              <td><xsl:choose><xsl:when test="@role = 'chairman'">工会主席</xsl:when><xsl:otherwise>工作人员</xsl:otherwise></xsl:choose></td>
              <td><xsl:call-template name="yes-no"><xsl:with-param name="yes" select="@mutual-aid"/></xsl:call-template></td>
              <td class="row-actions"><xsl:if test="@role = 'staff'">
                <form method="post" action="/u/staff/grant" class="inline">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="unit" value="{$u}"/>
                  <input type="hidden" name="agent" value="{@id}"/>
                  <xsl:choose>
                    <xsl:when test="@mutual-aid"><input type="hidden" name="mutual_aid" value="0"/><button type="submit" class="link">收回医疗互助</button></xsl:when>
                    <xsl:otherwise><input type="hidden" name="mutual_aid" value="1"/><button type="submit" class="link">授予医疗互助</button></xsl:otherwise>
                  </xsl:choose>
                </form>
                <form method="post" action="/u/staff/remove" class="inline">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="unit" value="{$u}"/>
                  <input type="hidden" name="agent" value="{@id}"/>
                  <button type="submit" class="link">移除</button>
                </form>
              </xsl:if></td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <h2>新增工作人员</h2>
      <form method="post" action="/u/staff" id="staff-form" class="row">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="unit" value="{$u}"/>
        <xsl:call-template name="input"><xsl:with-param name="name" select="'phone'"/><xsl:with-param name="label">手机号码</xsl:with-param><xsl:with-param name="inputmode" select="'tel'"/><xsl:with-param name="maxlength" select="'11'"/></xsl:call-template>
        <div class="form-actions">
          <label class="check"><input type="checkbox" name="mutual_aid" value="1"/> 授予医疗互助权限</label>
          <button type="submit" class="primary">添加</button>
        </div>
      </form>
      <p class="hint">工作人员用该手机号以短信验证码登录并完善个人信息后即可办理业务；权限变更后请其退出重新登录。</p>
    </section>
  </xsl:template>
</xsl:stylesheet>
