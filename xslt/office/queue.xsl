<?xml version="1.0" encoding="UTF-8"?>
<!--
  待办审核: the one queue across every business type: what the user's roles
  may act on now, oldest 上报 first, with counts per queue, filters and
  paging.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">待办审核</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:variable name="q" select="queue"/>
    <xsl:variable name="f" select="form"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'queue'"/></xsl:call-template>
    <section class="card">
      <div class="card-head">
        <h1>待办审核</h1>
        <span class="muted" id="queue-total">共 <xsl:value-of select="$q/@total"/> 件</span>
      </div>
      <xsl:if test="$q/counts/count">
        <ul class="counts" id="queue-counts">
          <xsl:for-each select="$q/counts/count">
            <li><a href="/o/queue?type={@type}" data-type="{@type}" data-state="{@state}"><xsl:value-of select="@label"/> <b><xsl:value-of select="@n"/></b></a></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <form method="get" action="/o/queue" class="filters" id="queue-filter">
        <label>业务类型
          <select name="type">
            <option value="">全部</option>
            <xsl:for-each select="types/type">
              <option value="{@name}"><xsl:if test="$f/@type = @name"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
            </xsl:for-each>
          </select>
        </label>
        <label>区/产业工会
          <select name="district">
            <option value="">全部</option>
            <xsl:for-each select="districts/district">
              <option value="{@id}"><xsl:if test="$f/@district = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
            </xsl:for-each>
          </select>
        </label>
        <label>上报日期 <input type="date" name="from" value="{$f/@from}"/></label>
        <label>至 <input type="date" name="to" value="{$f/@to}"/></label>
        <xsl:if test="$f/@unit != '0'"><input type="hidden" name="unit" value="{$f/@unit}"/></xsl:if>
        <button type="submit" class="secondary">筛选</button>
      </form>
      <xsl:choose>
        <xsl:when test="$q/item">
          <table class="list" id="queue">
            <thead><tr><th>业务类型</th><th>名称</th><th>状态</th><th>经办人</th><th>上报时间</th><th>操作</th></tr></thead>
            <tbody>
              <xsl:for-each select="$q/item">
                <tr data-type="{@type}" data-id="{@item}" data-state="{@state}" data-flow="{@flow}">
                  <td><xsl:value-of select="@type-label"/></td>
                  <td><xsl:value-of select="title"/></td>
                  <td><xsl:call-template name="state-chip"><xsl:with-param name="state" select="@state"/><xsl:with-param name="label" select="@state-label"/></xsl:call-template></td>
                  <td><xsl:value-of select="by"/></td>
                  <td><xsl:value-of select="at"/></td>
                  <td><a href="/o/review?type={@type}&amp;id={@item}">审核</a></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          <xsl:if test="$q/@pages &gt; 1">
            <nav class="pager" id="pager">
              <xsl:if test="$q/@page &gt; 1"><a href="/o/queue?type={$f/@type}&amp;district={$f/@district}&amp;from={$f/@from}&amp;to={$f/@to}&amp;page={$q/@page - 1}">上一页</a></xsl:if>
              <span>第 <xsl:value-of select="$q/@page"/> / <xsl:value-of select="$q/@pages"/> 页</span>
              <xsl:if test="$q/@page &lt; $q/@pages"><a href="/o/queue?type={$f/@type}&amp;district={$f/@district}&amp;from={$f/@from}&amp;to={$f/@to}&amp;page={$q/@page + 1}">下一页</a></xsl:if>
            </nav>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><p class="empty" id="queue-empty">暂无待审核事项。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
