<?xml version="1.0" encoding="UTF-8"?>
<!--
  kit.xsl: the small UI kit every page builds with (included by
  layout.xsl): the page header with its actions, the filter bar, the data
  table with paging and an empty state, status chips, the file picker and
  two-column forms.  Pieces that take markup (actions, table heads and
  rows) take it as a parameter built at the call and copied in, so a page
  still writes its own rows and ids.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!--
    page-head: <h1>$title</h1>, an optional line under it ($sub) and the
    page's actions on the right ($actions: links styled .button, small
    forms).  On a phone the actions wrap under the title.
  -->
  <xsl:template name="page-head">
    <xsl:param name="title"/>
    <xsl:param name="sub" select="''"/>
    <xsl:param name="actions" select="''"/>
    <div class="page-head">
      <div class="page-title">
        <h1><xsl:copy-of select="$title"/></h1>
        <xsl:if test="string($sub) != ''"><p class="sub"><xsl:copy-of select="$sub"/></p></xsl:if>
      </div>
      <xsl:if test="string($actions) != ''">
        <div class="actions"><xsl:copy-of select="$actions"/></div>
      </xsl:if>
    </div>
  </xsl:template>

  <!--
    filter-bar: a GET search form over a list: ?q= with the value shown,
    $hidden inputs carried along (the unit), 清除 when something is
    searched ($clear: the list without q).
  -->
  <xsl:template name="filter-bar">
    <xsl:param name="action"/>
    <xsl:param name="q" select="''"/>
    <xsl:param name="placeholder"/>
    <xsl:param name="hidden" select="''"/>
    <xsl:param name="clear" select="$action"/>
    <xsl:param name="id" select="'search'"/>
    <xsl:param name="button" select="'查询'"/>
    <form method="get" action="{$action}" class="filter-bar" id="{$id}" role="search">
      <xsl:copy-of select="$hidden"/>
      <input type="search" name="q" value="{$q}" placeholder="{$placeholder}" aria-label="{$placeholder}"/>
      <button type="submit" class="secondary"><xsl:value-of select="$button"/></button>
      <xsl:if test="$q != ''"><a class="clear" href="{$clear}">清除</a></xsl:if>
    </form>
  </xsl:template>

  <!--
    data-table: <table class="list" id="$id"> with $head (the <th>s) and
    $rows (the <tr>s) in a box that scrolls sideways on a narrow screen
    (the page itself never does), the pager when $list (an element with
    view_rows' paging attributes) has more than one page, and the empty
    state ($empty, id $empty-id) when $count is 0.
  -->
  <xsl:template name="data-table">
    <xsl:param name="id"/>
    <xsl:param name="head"/>
    <xsl:param name="rows"/>
    <xsl:param name="count"/>
    <xsl:param name="empty" select="'暂无数据。'"/>
    <xsl:param name="empty-id" select="concat($id, '-empty')"/>
    <xsl:param name="list" select="/.."/>
    <xsl:param name="href" select="''"/>
    <xsl:choose>
      <xsl:when test="$count &gt; 0">
        <div class="table-wrap">
          <table class="list" id="{$id}">
            <thead><tr><xsl:copy-of select="$head"/></tr></thead>
            <tbody><xsl:copy-of select="$rows"/></tbody>
          </table>
        </div>
        <xsl:if test="$list/@pages &gt; 1">
          <xsl:call-template name="pager">
            <xsl:with-param name="list" select="$list"/>
            <xsl:with-param name="href" select="$href"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <div class="empty-state"><p class="empty" id="{$empty-id}"><xsl:copy-of select="$empty"/></p></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- pager: 上一页 / 第 p / n 页 / 下一页; $href ends in ? or &amp;. -->
  <xsl:template name="pager">
    <xsl:param name="list"/>
    <xsl:param name="href"/>
    <nav class="pager" id="pager" aria-label="分页">
      <span class="muted">第 <xsl:value-of select="$list/@from"/>–<xsl:value-of select="$list/@to"/> 条，共 <xsl:value-of select="$list/@total"/> 条</span>
      <xsl:if test="$list/@page &gt; 1"><a href="{$href}page={$list/@page - 1}" id="prev">上一页</a></xsl:if>
      <span>第 <xsl:value-of select="$list/@page"/> / <xsl:value-of select="$list/@pages"/> 页</span>
      <xsl:if test="$list/@page &lt; $list/@pages"><a href="{$href}page={$list/@page + 1}" id="next">下一页</a></xsl:if>
    </nav>
  </xsl:template>

  <!-- chip: a status word; $kind is ok, warn, err, info or muted. -->
  <xsl:template name="chip">
    <xsl:param name="text"/>
    <xsl:param name="kind" select="'info'"/>
    <xsl:param name="id" select="''"/>
    <span class="chip chip-{$kind}">
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:value-of select="$text"/>
    </span>
  </xsl:template>

  <!-- yes-no: 有 as an ok chip, 无 muted (a right someone holds or not). -->
  <xsl:template name="yes-no">
    <xsl:param name="yes"/>
    <xsl:choose>
      <xsl:when test="$yes"><span class="chip chip-ok">有</span></xsl:when>
      <xsl:otherwise><span class="chip chip-muted">无</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    file-picker: a labelled button that opens the file dialog and the
    chosen file's name beside it (huzhu.js writes it).  Without scripts
    the browser's own input shows instead (.js on <html> switches).
  -->
  <xsl:template name="file-picker">
    <xsl:param name="name"/>
    <xsl:param name="label" select="'选择文件'"/>
    <xsl:param name="accept" select="''"/>
    <xsl:param name="title" select="$label"/>
    <xsl:param name="id" select="concat('file-', $name)"/>
    <span class="file-picker">
      <input type="file" id="{$id}" name="{$name}" aria-label="{$title}">
        <xsl:if test="$accept != ''"><xsl:attribute name="accept"><xsl:value-of select="$accept"/></xsl:attribute></xsl:if>
      </input>
      <label for="{$id}" class="button secondary file-button"><xsl:value-of select="$label"/></label>
      <span class="file-name" id="{$id}-name" aria-live="polite">未选择文件</span>
    </span>
  </xsl:template>
</xsl:stylesheet>
