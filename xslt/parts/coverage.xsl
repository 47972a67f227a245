<?xml version="1.0" encoding="UTF-8"?>
<!--
  参保记录, as the unit and the office see it: the filter (申请编号, 证件号码,
  参保项目, 参保年份; the office also 区/产业工会 and 单位) with 查询, 重置
  and 导出 (the same filter sent to hz-export), and the records table with
  its pager.  The page gives /page/coverage (lib/domain/coverage.c
  coverage_view), /page/plans, /page/years and, for the office,
  /page/districts.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- A status chip: 保障中 green, 已到期 grey, 未生效 blue. -->
  <xsl:template name="coverage-status">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'active'"><span class="chip chip-ok status" data-status="active">保障中</span></xsl:when>
      <xsl:when test="$status = 'expired'"><span class="chip chip-muted status" data-status="expired">已到期</span></xsl:when>
      <xsl:otherwise><span class="chip status" data-status="pending">未生效</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The plan and year selects, with 全部; the member's page uses them too. -->
  <xsl:template name="coverage-plan-year">
    <xsl:variable name="c" select="/page/coverage"/>
    <label>参保项目
      <select name="plan" id="f-plan">
        <option value="">全部项目</option>
        <xsl:for-each select="/page/plans/plan">
          <option value="{@id}"><xsl:if test="$c/@plan = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
        </xsl:for-each>
      </select>
    </label>
    <label>参保年份
      <select name="year" id="f-year">
        <xsl:for-each select="/page/years/year">
          <option value="{.}"><xsl:if test="$c/@year = ."><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/>年</option>
        </xsl:for-each>
        <option value="all"><xsl:if test="$c/@year = 'all'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>全部年份</option>
      </select>
    </label>
  </xsl:template>

  <!--
    coverage-filter: the GET form.  $action the list, $export hz-export's
    address (导出 sends the form there), $hidden the unit, $office adds
    区/产业工会 and 单位名称.
  -->
  <xsl:template name="coverage-filter">
    <xsl:param name="action"/>
    <xsl:param name="export"/>
    <xsl:param name="hidden" select="''"/>
    <xsl:param name="reset"/>
    <xsl:param name="office" select="false()"/>
    <xsl:variable name="c" select="/page/coverage"/>
    <form method="get" action="{$action}" class="filters" id="coverage-filter" role="search">
      <xsl:copy-of select="$hidden"/>
      <label>申请编号
        <input type="text" name="no" id="f-no" value="{$c/@no}" placeholder="如 CB2026110001" maxlength="20" autocomplete="off"/>
        <xsl:if test="/page/form/field[@name = 'no']/@error"><span class="err" id="err-no"><xsl:value-of select="/page/form/field[@name = 'no']/@error"/></span></xsl:if>
      </label>
      <label>证件号码
        <input type="text" name="id" id="f-id" value="{$c/@id}" maxlength="32" autocomplete="off"/>
        <xsl:if test="/page/form/field[@name = 'id']/@error"><span class="err" id="err-id"><xsl:value-of select="/page/form/field[@name = 'id']/@error"/></span></xsl:if>
      </label>
      <xsl:call-template name="coverage-plan-year"/>
      <xsl:if test="$office">
        <label>区/产业工会
          <select name="district" id="f-district">
            <option value="">全部</option>
            <xsl:for-each select="/page/districts/district">
              <option value="{@id}"><xsl:if test="$c/@district = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
            </xsl:for-each>
          </select>
        </label>
        <label>单位名称
          <input type="text" name="unit_name" id="f-unit_name" value="{$c/@unit-name}" maxlength="60" autocomplete="off"/>
        </label>
      </xsl:if>
      <span class="form-actions">
        <button type="submit" class="primary" id="search">查询</button>
        <a href="{$reset}" id="reset">重置</a>
        <button type="submit" class="secondary" formaction="{$export}" id="export">导出</button>
      </span>
    </form>
  </xsl:template>

  <!-- coverage-table: the records; $office adds 单位 and 区/产业工会 (证件类型
       then only as the number's title and 保费 in the export, for width);
       $href the list with the filter, ending in & (the pager's). -->
  <xsl:template name="coverage-table">
    <xsl:param name="office" select="false()"/>
    <xsl:param name="href"/>
    <xsl:variable name="c" select="/page/coverage"/>
    <xsl:call-template name="data-table">
      <xsl:with-param name="id" select="'coverage'"/>
      <xsl:with-param name="count" select="count($c/record)"/>
      <xsl:with-param name="list" select="$c"/>
      <xsl:with-param name="href" select="$href"/>
      <xsl:with-param name="empty">没有符合条件的参保记录。</xsl:with-param>
      <xsl:with-param name="head">
        <th>申请编号</th><th>姓名</th><xsl:if test="not($office)"><th class="opt">证件类型</th></xsl:if><th>证件号码</th><th>参保项目</th>
        <xsl:if test="$office"><th>单位</th><th class="opt">区/产业工会</th></xsl:if>
        <th>保障期间</th><th>状态</th><xsl:if test="not($office)"><th class="right opt">保费（元）</th></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="rows">
        <xsl:for-each select="$c/record">
          <tr data-coverage="{@id}" data-status="{@status}" data-plan="{@plan}">
            <td class="no"><xsl:value-of select="no"/></td>
            <td class="name"><xsl:value-of select="name"/></td>
            <xsl:if test="not($office)"><td class="opt"><xsl:value-of select="id-type"/></td></xsl:if>
            <td class="id-number" title="{id-type}"><xsl:value-of select="id-number"/></td>
            <td class="plan wrap"><xsl:value-of select="plan"/></td>
            <xsl:if test="$office">
              <td class="unit-name"><xsl:value-of select="unit"/></td>
              <td class="opt"><xsl:value-of select="district"/></td>
            </xsl:if>
            <td class="period"><xsl:value-of select="starts"/> 至 <xsl:value-of select="ends"/></td>
            <td><xsl:call-template name="coverage-status"><xsl:with-param name="status" select="@status"/></xsl:call-template></td>
            <xsl:if test="not($office)"><td class="right opt"><xsl:value-of select="premium"/></td></xsl:if>
          </tr>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
