<?xml version="1.0" encoding="UTF-8"?>
<!-- 保障计划 (admin): the form of a new plan, or of a plan's next version. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/plan.xsl"/>
  <xsl:template match="/page" mode="title">
    <xsl:choose><xsl:when test="plan-form/@id">修改保障计划</xsl:when><xsl:otherwise>新增保障计划</xsl:otherwise></xsl:choose>
  </xsl:template>

  <xsl:template match="/page" mode="content">
    <xsl:variable name="pf" select="plan-form"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'plans'"/></xsl:call-template>
    <section class="card">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title">
          <xsl:choose>
            <xsl:when test="$pf/@id">修改保障计划（<xsl:value-of select="$pf/@code"/>）</xsl:when>
            <xsl:otherwise>新增保障计划</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="sub">
          <xsl:choose>
            <xsl:when test="$pf/@id">现行为第<xsl:value-of select="$pf/@version"/>版。保存后生成第<xsl:value-of select="$pf/@version + 1"/>版并立即生效；按旧版本参保的记录仍按旧版本计算。</xsl:when>
            <xsl:otherwise>填写计划条款，勾选它包含的保障责任并填写补助规则。金额单位为元。</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <form method="post" id="plan-form" novalidate="novalidate">
        <xsl:attribute name="action"><xsl:choose><xsl:when test="$pf/@id">/o/plan/edit</xsl:when><xsl:otherwise>/o/plans/new</xsl:otherwise></xsl:choose></xsl:attribute>
        <xsl:call-template name="csrf"/>
        <xsl:if test="$pf/@id">
          <input type="hidden" name="id" value="{$pf/@id}"/>
          <input type="hidden" name="base" value="{$pf/@base}"/>
        </xsl:if>
        <xsl:call-template name="messages"/>
        <h2>计划条款</h2>
        <div class="grid2">
          <xsl:choose>
            <xsl:when test="$pf/@id">
              <div class="field readonly"><span class="label">计划代码</span><span class="value" id="f-code"><xsl:value-of select="$pf/@code"/></span></div>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="input"><xsl:with-param name="name" select="'code'"/><xsl:with-param name="label">计划代码（字母或数字，如 YL19）</xsl:with-param><xsl:with-param name="maxlength" select="'20'"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="label">计划名称</xsl:with-param><xsl:with-param name="placeholder" select="'如 第十九期职工医疗互助保障活动'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'premium'"/><xsl:with-param name="label">保费（元/人/期）</xsl:with-param><xsl:with-param name="inputmode" select="'decimal'"/><xsl:with-param name="placeholder" select="'如 60.00'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'period_months'"/><xsl:with-param name="label">保障期限（月，1–36）</xsl:with-param><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'window_from'"/><xsl:with-param name="label">集中参保期：开始日期（选填）</xsl:with-param><xsl:with-param name="type" select="'date'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'window_to'"/><xsl:with-param name="label">集中参保期：结束日期（选填）</xsl:with-param><xsl:with-param name="type" select="'date'"/></xsl:call-template>
          <xsl:call-template name="choice-select"><xsl:with-param name="name" select="'gender'"/><xsl:with-param name="label">性别限制</xsl:with-param><xsl:with-param name="choices" select="'any|不限;F|仅限女性;M|仅限男性'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'age_warn'"/><xsl:with-param name="label">年龄提示（参保时年满此周岁提示，不影响参保）</xsl:with-param><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
          <xsl:call-template name="input"><xsl:with-param name="name" select="'waiting_days'"/><xsl:with-param name="label">等待期（天，新参保职工；连续续保无等待期）</xsl:with-param><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
        </div>
        <xsl:call-template name="textarea-field"><xsl:with-param name="name" select="'note'"/><xsl:with-param name="label">备注（选填）</xsl:with-param><xsl:with-param name="rows" select="2"/></xsl:call-template>

        <h2>保障责任</h2>
        <p class="hint">勾选本计划包含的保障责任（至少一项），并填写它的补助规则。</p>
        <xsl:for-each select="kinds/kind">
          <xsl:variable name="on" select="concat(@name, '_on')"/>
          <fieldset class="benefit" id="item-{@name}">
            <legend>
              <label class="check">
                <input type="checkbox" name="{$on}" value="1" id="f-{$on}">
                  <xsl:if test="/page/form/field[@name = $on]/@value = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                </input>
                <xsl:value-of select="@label"/>
              </label>
            </legend>
            <div class="params grid2">
              <xsl:for-each select="param">
                <xsl:call-template name="param-input">
                  <xsl:with-param name="kind" select="../@name"/>
                </xsl:call-template>
              </xsl:for-each>
            </div>
          </fieldset>
        </xsl:for-each>
        <div class="form-actions">
          <button type="submit" class="primary" id="save-plan">
            <xsl:choose>
              <xsl:when test="$pf/@id">保存为第<xsl:value-of select="$pf/@version + 1"/>版</xsl:when>
              <xsl:otherwise>创建计划</xsl:otherwise>
            </xsl:choose>
          </button>
          <a href="/o/plans">
            <xsl:if test="$pf/@id"><xsl:attribute name="href">/o/plan?id=<xsl:value-of select="$pf/@id"/></xsl:attribute></xsl:if>
            取消</a>
        </div>
      </form>
    </section>
  </xsl:template>

  <!-- One parameter of an item (the current <param>), named kind_param. -->
  <xsl:template name="param-input">
    <xsl:param name="kind"/>
    <xsl:variable name="name" select="concat($kind, '_', @name)"/>
    <xsl:choose>
      <xsl:when test="@type = 'bands'">
        <xsl:call-template name="textarea-field">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="label" select="@label"/>
          <xsl:with-param name="placeholder" select="'10,000.00 以下 30%&#10;以上 40%'"/>
          <xsl:with-param name="hint">每行一档，金额从低到高：“10,000.00 以下 30%”，最后一行写“以上 40%”；只有一个比例时直接写“30%”。按扣除起付线后的金额计算。</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@type = 'diseases'">
        <xsl:call-template name="textarea-field">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="label" select="@label"/>
          <xsl:with-param name="rows" select="4"/>
          <xsl:with-param name="hint">病种之间用顿号（、）或换行隔开。</xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@type = 'grades'">
        <xsl:call-template name="grade-inputs">
          <xsl:with-param name="kind" select="$kind"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="input">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="label" select="@label"/>
          <xsl:with-param name="inputmode">
            <xsl:choose><xsl:when test="@type = 'count'">numeric</xsl:when><xsl:when test="@type = 'text'"></xsl:when><xsl:otherwise>decimal</xsl:otherwise></xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="placeholder">
            <xsl:choose>
              <xsl:when test="contains(@name, 'cap')">不设上限请留空</xsl:when>
              <xsl:when test="@type = 'rate'">如 90%</xsl:when>
              <xsl:when test="@type = 'text'"><xsl:value-of select="../@label"/></xsl:when>
              <xsl:when test="@name = 'deductible'">无起付线填 0</xsl:when>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 伤残等级: ten percentages, 1级 (heaviest) to 10级, errors below. -->
  <xsl:template name="grade-inputs">
    <xsl:param name="kind"/>
    <xsl:variable name="pre" select="concat($kind, '_grade')"/>
    <xsl:variable name="bad" select="/page/form/field[starts-with(@name, $pre) and @error]"/>
    <div class="field wide grades-field">
      <span class="label"><xsl:value-of select="@label"/>（%，1级最重；不补助的等级留空）</span>
      <div class="grade-inputs">
        <!-- Any ten nodes count 1..10 (the kinds have more params). -->
        <xsl:for-each select="(/page/kinds/kind/param)[position() &lt;= 10]">
          <xsl:variable name="g" select="position()"/>
          <xsl:variable name="n" select="concat($pre, $g)"/>
          <xsl:variable name="f" select="/page/form/field[@name = $n]"/>
          <label for="f-{$n}">
            <xsl:if test="$f/@error"><xsl:attribute name="class">bad</xsl:attribute></xsl:if>
            <span><xsl:value-of select="$g"/>级</span>
            <input id="f-{$n}" name="{$n}" type="text" inputmode="decimal" autocomplete="off" value="{$f/@value}"/>
          </label>
        </xsl:for-each>
      </div>
      <xsl:for-each select="$bad">
        <span class="err" id="err-{@name}"><xsl:value-of select="substring-after(@name, $pre)"/>级：<xsl:value-of select="@error"/></span>
      </xsl:for-each>
    </div>
  </xsl:template>
</xsl:stylesheet>
