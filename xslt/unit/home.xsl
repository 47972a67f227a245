<?xml version="1.0" encoding="UTF-8"?>
<!-- 经办人首页: 我的办件 (what waits for me) first, then the units I
     serve and my messages. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">首页</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="unit-nav"><xsl:with-param name="active" select="'home'"/></xsl:call-template>
    <xsl:for-each select="units/unit[@no-invoice and (@role = 'chairman' or @mutual-aid)]">
      <p class="msg msg-error invoice-reminder">“<xsl:value-of select="name"/>”尚未填写开票信息。<a href="/u/invoice?unit={@id}">去填写</a></p>
    </xsl:for-each>
    <xsl:call-template name="tasks"/>
    <section class="card" id="my-units">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">我服务的单位</xsl:with-param>
        <xsl:with-param name="actions"><a class="button secondary" href="/u/units">单位信息管理</a></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'units'"/>
        <xsl:with-param name="count" select="count(units/unit)"/>
        <xsl:with-param name="head"><th>单位名称</th><th class="opt">统一社会信用代码</th><th class="opt">上级工会</th><th>身份</th><th>医疗互助权限</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="units/unit">
            <tr data-unit="{@id}">
              <td class="unit-name"><xsl:value-of select="name"/></td>
              <td class="opt"><xsl:value-of select="credit-code"/></td>
              <td class="opt"><xsl:value-of select="parent"/></td>
              <td><xsl:choose><xsl:when test="@role = 'chairman'">工会主席</xsl:when><xsl:otherwise>工作人员</xsl:otherwise></xsl:choose></td>
              <td><xsl:call-template name="yes-no"><xsl:with-param name="yes" select="@mutual-aid"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
        <xsl:with-param name="empty-id" select="'no-units'"/>
        <xsl:with-param name="empty">您还没有绑定任何单位。新单位请先 <a href="/u/org/new">注册单位</a>，已有单位请通过“<a href="/u/transfer">单位绑定</a>”申请。</xsl:with-param>
      </xsl:call-template>
    </section>
    <section class="card" id="messages">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">消息 <xsl:if test="messages/@unread &gt; 0"><span class="chip chip-warn" id="unread"><xsl:value-of select="messages/@unread"/> 条未读</span></xsl:if></xsl:with-param>
        <xsl:with-param name="actions"><a class="button secondary" href="/u/messages" id="all-messages">全部消息</a></xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="messages/message">
          <ul class="messages">
            <xsl:for-each select="messages/message">
              <li data-read="{@read}">
                <xsl:choose>
                  <xsl:when test="@link"><a href="/u/message?id={@id}" class="title"><xsl:value-of select="title"/></a></xsl:when>
                  <xsl:otherwise><a href="/u/message?id={@id}" class="title plain"><xsl:value-of select="title"/></a></xsl:otherwise>
                </xsl:choose>
                <time><xsl:value-of select="at"/></time>
                <p><xsl:value-of select="body"/></p>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><div class="empty-state"><p class="empty">暂无消息。</p></div></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- 我的办件: drafts and returned items to act on, the latest import of
       each roster, unread messages. -->
  <xsl:template name="tasks">
    <xsl:variable name="unread" select="number(concat('0', messages/@unread))"/>
    <section class="card" id="tasks">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">我的办件</xsl:with-param>
        <xsl:with-param name="sub">需要您处理的申请、待基层审核的补助申请、名册导入结果和未读消息</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'task-list'"/>
        <xsl:with-param name="count" select="count(tasks/*) + ($unread &gt; 0)"/>
        <xsl:with-param name="head"><th>事项</th><th>内容</th><th>状态</th><th class="opt">时间</th><th>操作</th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="tasks/task">
            <tr class="task" data-type="{@type}" data-id="{@id}">
              <td><xsl:value-of select="@type-label"/></td>
              <td class="wrap"><xsl:value-of select="name"/></td>
              <td><xsl:call-template name="state-chip"><xsl:with-param name="state" select="@state"/><xsl:with-param name="label" select="@state-seen"/></xsl:call-template></td>
              <td class="opt"><xsl:value-of select="updated"/></td>
              <td><a href="{@href}">去办理</a></td>
            </tr>
          </xsl:for-each>
          <xsl:for-each select="tasks/grassroots">
            <tr class="task" data-type="grassroots" data-id="{@id}">
              <td>补助申请</td>
              <td class="wrap"><xsl:value-of select="unit"/> · <xsl:value-of select="person"/> · <xsl:value-of select="no"/></td>
              <td><xsl:call-template name="chip"><xsl:with-param name="text">待基层审核</xsl:with-param><xsl:with-param name="kind" select="'warn'"/></xsl:call-template></td>
              <td class="opt"><xsl:value-of select="at"/></td>
              <td><a href="/u/claim?id={@id}">去审核</a></td>
            </tr>
          </xsl:for-each>
          <xsl:for-each select="tasks/import">
            <tr class="task" data-type="import" data-id="{@id}">
              <td>名册导入</td>
              <td class="wrap"><xsl:value-of select="unit-name"/> · <xsl:value-of select="filename"/></td>
              <td><xsl:choose>
                <xsl:when test="@state = 'queued' or @state = 'running'"><xsl:call-template name="chip"><xsl:with-param name="text">导入中</xsl:with-param></xsl:call-template></xsl:when>
                <xsl:when test="@state = 'failed'"><xsl:call-template name="chip"><xsl:with-param name="text">导入失败</xsl:with-param><xsl:with-param name="kind" select="'err'"/></xsl:call-template></xsl:when>
                <xsl:when test="@failed &gt; 0"><xsl:call-template name="chip"><xsl:with-param name="text" select="concat(@failed, ' 行失败')"/><xsl:with-param name="kind" select="'warn'"/></xsl:call-template></xsl:when>
                <xsl:otherwise><xsl:call-template name="chip"><xsl:with-param name="text">已完成</xsl:with-param><xsl:with-param name="kind" select="'ok'"/></xsl:call-template></xsl:otherwise>
              </xsl:choose></td>
              <td class="opt"><xsl:value-of select="created"/></td>
              <td><a href="/u/roster/import?unit={@unit}&amp;id={@id}">查看导入结果</a></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="$unread &gt; 0">
            <tr class="task" data-type="messages">
              <td>消息</td>
              <td class="wrap"><xsl:value-of select="messages/message[@read = '0'][1]/title"/></td>
              <td><xsl:call-template name="chip"><xsl:with-param name="text" select="concat($unread, ' 条未读')"/><xsl:with-param name="kind" select="'warn'"/></xsl:call-template></td>
              <td class="opt"><xsl:value-of select="messages/message[@read = '0'][1]/at"/></td>
              <td><a href="/u/messages">查看消息</a></td>
            </tr>
          </xsl:if>
        </xsl:with-param>
        <xsl:with-param name="empty-id" select="'no-tasks'"/>
        <xsl:with-param name="empty">暂无需要您处理的事项。</xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
