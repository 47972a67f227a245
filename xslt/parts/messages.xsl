<?xml version="1.0" encoding="UTF-8"?>
<!--
  messages.xsl: 站内信, the same on the member's phone and the agent's
  portal (included by layout.xsl).  message-list: the heading with the
  unread count and 全部已读, one row per message (unread mark, title,
  time, a line of the body), 共N条 and the pager; message-one: a message
  without a link, shown whole.  $portal is "/m/" or "/u/".
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="message-list">
    <xsl:param name="list" select="/page/messages"/>
    <xsl:param name="portal" select="/page/@portal"/>
    <section class="card msg-box" id="messages">
      <div class="msg-head">
        <h1>消息
          <xsl:if test="$list/@unread &gt; 0">
            <span class="chip chip-warn" id="unread-count"><xsl:value-of select="$list/@unread"/> 条未读</span>
          </xsl:if>
        </h1>
        <xsl:if test="$list/@unread &gt; 0">
          <form method="post" action="{$portal}messages/read-all" class="inline" id="read-all">
            <xsl:call-template name="csrf"/>
            <button type="submit" class="secondary small">全部已读</button>
          </form>
        </xsl:if>
      </div>
      <xsl:choose>
        <xsl:when test="$list/message">
          <ul class="msg-list" id="message-list">
            <xsl:for-each select="$list/message">
              <li class="msg-item" data-id="{@id}" data-read="{@read}">
                <a href="{$portal}message?id={@id}">
                  <span class="msg-line">
                    <xsl:if test="@read = '0'"><span class="dot" title="未读"><span class="sr">未读</span></span></xsl:if>
                    <span class="msg-title"><xsl:value-of select="title"/></span>
                    <time><xsl:value-of select="at"/></time>
                  </span>
                  <span class="excerpt">
                    <xsl:value-of select="substring(body, 1, 60)"/>
                    <xsl:if test="string-length(body) &gt; 60">…</xsl:if>
                  </span>
                </a>
              </li>
            </xsl:for-each>
          </ul>
          <xsl:if test="$list/@page &gt;= $list/@pages">
            <p class="msg-end muted">没有更多了</p>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <div class="empty-state"><p class="empty" id="no-messages">暂无消息</p></div>
        </xsl:otherwise>
      </xsl:choose>
      <nav class="pager msg-pager" id="pager" aria-label="分页">
        <span class="muted" id="msg-total">共 <xsl:value-of select="$list/@total"/> 条</span>
        <xsl:if test="$list/@pages &gt; 1">
          <xsl:if test="$list/@page &gt; 1"><a href="{$portal}messages?page={$list/@page - 1}" id="prev">上一页</a></xsl:if>
          <span>第 <xsl:value-of select="$list/@page"/> / <xsl:value-of select="$list/@pages"/> 页</span>
          <xsl:if test="$list/@page &lt; $list/@pages"><a href="{$portal}messages?page={$list/@page + 1}" id="next">下一页</a></xsl:if>
        </xsl:if>
      </nav>
    </section>
  </xsl:template>

  <xsl:template name="message-one">
    <xsl:param name="m" select="/page/message"/>
    <xsl:param name="portal" select="/page/@portal"/>
    <article class="card msg-one" id="message" data-id="{$m/@id}">
      <h1 id="message-title"><xsl:value-of select="$m/title"/></h1>
      <p class="muted"><time><xsl:value-of select="$m/at"/></time></p>
      <p class="msg-body" id="message-body"><xsl:value-of select="$m/body"/></p>
      <p><a class="button secondary" href="{$portal}messages" id="back-list">返回消息列表</a></p>
    </article>
  </xsl:template>
</xsl:stylesheet>
