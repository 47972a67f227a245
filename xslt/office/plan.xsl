<?xml version="1.0" encoding="UTF-8"?>
<!-- 保障计划 (admin): one plan, a version's terms and items, its versions. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:include href="../parts/plan.xsl"/>
  <xsl:template match="/page" mode="title"><xsl:value-of select="plan/terms/name"/></xsl:template>

  <xsl:template match="/page" mode="content">
    <xsl:variable name="p" select="plan"/>
    <xsl:variable name="t" select="plan/terms"/>
    <xsl:variable name="old" select="$t/@version != $p/@current"/>
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'plans'"/></xsl:call-template>
    <section class="card" id="plan" data-plan="{$p/@code}">
      <xsl:call-template name="page-head">
        <xsl:with-param name="title"><xsl:value-of select="$t/name"/></xsl:with-param>
        <xsl:with-param name="sub">
          <span id="plan-code">代码 <xsl:value-of select="$p/@code"/></span> ·
          <span id="plan-version">第<xsl:value-of select="$t/@version"/>版</span><xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="$old"><xsl:call-template name="chip"><xsl:with-param name="text">历史版本</xsl:with-param><xsl:with-param name="kind" select="'muted'"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="chip"><xsl:with-param name="text">现行</xsl:with-param></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:choose>
            <xsl:when test="$p/@active"><xsl:call-template name="chip"><xsl:with-param name="text">在售</xsl:with-param><xsl:with-param name="kind" select="'ok'"/><xsl:with-param name="id" select="'plan-state'"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="chip"><xsl:with-param name="text">已停售</xsl:with-param><xsl:with-param name="kind" select="'muted'"/><xsl:with-param name="id" select="'plan-state'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="actions">
          <a class="button primary" href="/o/plan/edit?id={$p/@id}" id="edit-plan">修改计划</a>
          <form method="post" action="/o/plan/active" class="inline" id="active-form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$p/@id}"/>
            <xsl:choose>
              <xsl:when test="$p/@active"><input type="hidden" name="active" value="0"/><button type="submit" class="secondary" id="withdraw">停售</button></xsl:when>
              <xsl:otherwise><input type="hidden" name="active" value="1"/><button type="submit" class="secondary" id="offer">恢复在售</button></xsl:otherwise>
            </xsl:choose>
          </form>
          <a class="button secondary" href="/o/plans">返回列表</a>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="messages"/>
      <xsl:if test="$old">
        <p class="msg msg-warn" id="old-version">这是第<xsl:value-of select="$t/@version"/>版（历史版本），按此版本参保的记录仍按它计算。现行为第<xsl:value-of select="$p/@current"/>版：<a href="/o/plan?id={$p/@id}">查看现行版本</a></p>
      </xsl:if>
      <h2>计划条款</h2>
      <dl class="data" id="terms">
        <dt>计划名称</dt><dd id="t-name"><xsl:value-of select="$t/name"/></dd>
        <dt>保费</dt><dd id="t-premium"><xsl:value-of select="$t/premium"/> 元/人（每期）</dd>
        <dt>保障期限</dt><dd id="t-months"><xsl:value-of select="$t/@months"/> 个月</dd>
        <dt>集中参保期</dt><dd id="t-window"><xsl:call-template name="plan-window"><xsl:with-param name="from" select="$t/@from"/><xsl:with-param name="to" select="$t/@to"/></xsl:call-template></dd>
        <dt>性别</dt><dd id="t-gender"><xsl:call-template name="plan-gender"><xsl:with-param name="g" select="$t/@gender"/></xsl:call-template></dd>
        <dt>年龄提示</dt><dd id="t-age">参保时年满 <xsl:value-of select="$t/@age-warn"/> 周岁的职工给予提示（不影响参保）</dd>
        <dt>等待期</dt><dd id="t-waiting"><xsl:choose><xsl:when test="$t/@waiting &gt; 0">新参保职工 <xsl:value-of select="$t/@waiting"/> 天（连续续保无等待期）</xsl:when><xsl:otherwise>无</xsl:otherwise></xsl:choose></dd>
        <xsl:if test="$t/note"><dt>备注</dt><dd id="t-note" class="note"><xsl:value-of select="$t/note"/></dd></xsl:if>
      </dl>
    </section>
    <section class="card" id="benefits">
      <h2>保障责任</h2>
      <xsl:for-each select="$p/benefit">
        <xsl:variable name="k" select="/page/kinds/kind[@name = current()/@kind]"/>
        <div class="benefit" id="benefit-{@kind}" data-kind="{@kind}">
          <h3><xsl:value-of select="@name"/><xsl:if test="@name != @label"><span class="muted">（<xsl:value-of select="@label"/>）</span></xsl:if></h3>
          <dl class="data">
            <xsl:for-each select="param">
              <dt><xsl:value-of select="$k/param[@name = current()/@name]/@label"/></dt>
              <dd class="p-{@name}">
                <xsl:choose>
                  <xsl:when test="@name = 'bands'"><xsl:call-template name="bands"><xsl:with-param name="b" select="../bands"/></xsl:call-template></xsl:when>
                  <xsl:when test=". = '' and contains(@name, 'cap')"><span class="muted">不设上限</span></xsl:when>
                  <xsl:when test=". = ''"><span class="muted">—</span></xsl:when>
                  <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                </xsl:choose>
              </dd>
            </xsl:for-each>
            <xsl:if test="$k/param[@name = 'grade']">
              <dt><xsl:value-of select="$k/param[@name = 'grade']/@label"/></dt>
              <dd class="p-grades">
                <xsl:choose>
                  <xsl:when test="grades/grade">
                    <table class="grades"><tr><xsl:for-each select="grades/grade"><th><xsl:value-of select="@n"/>级</th></xsl:for-each></tr>
                      <tr><xsl:for-each select="grades/grade"><td data-grade="{@n}"><xsl:value-of select="."/></td></xsl:for-each></tr></table>
                  </xsl:when>
                  <xsl:otherwise><span class="muted">—</span></xsl:otherwise>
                </xsl:choose>
              </dd>
            </xsl:if>
          </dl>
        </div>
      </xsl:for-each>
    </section>
    <section class="card" id="history">
      <h2>版本记录</h2>
      <p class="hint">每次修改生成一个新版本并立即生效；旧版本保持不变，按旧版本参保的记录仍按它计算补助。</p>
      <xsl:call-template name="data-table">
        <xsl:with-param name="id" select="'versions'"/>
        <xsl:with-param name="count" select="count($p/versions/version)"/>
        <xsl:with-param name="head"><th>版本</th><th>计划名称</th><th class="right">保费（元/人）</th><th>保障期限</th><th>生效时间</th><th>修改人</th><th></th></xsl:with-param>
        <xsl:with-param name="rows">
          <xsl:for-each select="$p/versions/version">
            <tr data-version="{@no}">
              <xsl:if test="@id = $t/@id"><xsl:attribute name="class">shown</xsl:attribute></xsl:if>
              <td>第<xsl:value-of select="@no"/>版</td>
              <td class="wrap"><xsl:value-of select="name"/></td>
              <td class="right"><xsl:value-of select="premium"/></td>
              <td><xsl:value-of select="@months"/> 个月</td>
              <td><xsl:value-of select="@created"/></td>
              <td><xsl:value-of select="@by"/><xsl:if test="not(@by) or @by = ''"><span class="muted">系统</span></xsl:if></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@current"><xsl:call-template name="chip"><xsl:with-param name="text">现行</xsl:with-param></xsl:call-template></xsl:when>
                  <xsl:when test="@id = $t/@id"><span class="muted">正在查看</span></xsl:when>
                  <xsl:otherwise><a href="/o/plan?id={$p/@id}&amp;v={@id}">查看</a></xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- 累进制 in words: each band's part of the amount and its rate. -->
  <xsl:template name="bands">
    <xsl:param name="b"/>
    <ul class="bands">
      <xsl:for-each select="$b/band">
        <li>
          <xsl:choose>
            <xsl:when test="count($b/band) = 1">全部</xsl:when>
            <xsl:when test="@upper and not(@from)"><xsl:value-of select="@upper"/> 元以下的部分</xsl:when>
            <xsl:when test="@upper">超过 <xsl:value-of select="@from"/> 元至 <xsl:value-of select="@upper"/> 元的部分</xsl:when>
            <xsl:otherwise>超过 <xsl:value-of select="@from"/> 元的部分</xsl:otherwise>
          </xsl:choose>
          <xsl:text>：</xsl:text><b><xsl:value-of select="@rate"/></b>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>
</xsl:stylesheet>
