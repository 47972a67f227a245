<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl: the page shell and the shared furniture (form fields,
  messages, status chips).  Every page stylesheet imports this file and
  provides two templates: match="/page" mode="title" and mode="content".
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="parts/kit.xsl"/>
  <xsl:include href="parts/messages.xsl"/>
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

  <xsl:template match="/page">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:if test="@refresh"><meta http-equiv="refresh" content="{@refresh}"/></xsl:if>
        <title><xsl:apply-templates select="." mode="title"/> - <xsl:value-of select="@portal-title"/></title>
        <link rel="stylesheet" href="/static/huzhu.css"/>
        <script src="/static/huzhu.js" defer="defer"></script>
      </head>
      <body class="portal-{translate(@portal, '/', '')}">
        <header class="top">
          <span class="brand"><xsl:value-of select="@portal-title"/></span>
          <xsl:if test="user">
            <span class="who"><xsl:value-of select="user/@name"/></span>
            <!-- 站内信: the member's and agent's unread count (lib/core/http.c). -->
            <xsl:if test="user/@unread">
              <a class="hdr-msg" id="hdr-messages" href="{user/@portal}messages" title="消息">
                <span class="hdr-msg-word">消息</span>
                <xsl:if test="user/@unread &gt; 0">
                  <span class="badge" id="hdr-unread"><xsl:choose><xsl:when test="user/@unread &gt; 99">99+</xsl:when><xsl:otherwise><xsl:value-of select="user/@unread"/></xsl:otherwise></xsl:choose></span>
                </xsl:if>
              </a>
            </xsl:if>
            <!-- Out of the portal the session belongs to (/x/ serves several). -->
            <form method="post" class="inline" action="{user/@portal}logout">
              <xsl:call-template name="csrf"/>
              <button type="submit" class="link" id="logout">退出</button>
            </form>
          </xsl:if>
        </header>
        <main>
          <xsl:if test="@demo = '1'">
            <p class="demo">演示环境：短信验证码可在 <a href="/_sink/">短信记录</a> 中查看。</p>
          </xsl:if>
          <xsl:apply-templates select="." mode="content"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="/page" mode="title">职工互助保障</xsl:template>

  <!-- The CSRF token every POST form carries. -->
  <xsl:template name="csrf">
    <input type="hidden" name="_csrf" value="{/page/csrf}"/>
  </xsl:template>

  <!-- Messages for the whole form: <form><message kind="ok|error">. -->
  <xsl:template name="messages">
    <xsl:for-each select="/page/form/message">
      <p class="msg msg-{@kind}" role="alert"><xsl:value-of select="."/></p>
    </xsl:for-each>
  </xsl:template>

  <!-- One labelled input with the user's value and its message. -->
  <xsl:template name="input">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="placeholder" select="''"/>
    <xsl:param name="autocomplete" select="'off'"/>
    <xsl:param name="inputmode" select="''"/>
    <xsl:param name="maxlength" select="''"/>
    <xsl:variable name="f" select="/page/form/field[@name = $name]"/>
    <div class="field">
      <xsl:choose>
        <xsl:when test="$f/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:when>
        <xsl:when test="$f/@warning"><xsl:attribute name="class">field has-warning</xsl:attribute></xsl:when>
      </xsl:choose>
      <label for="f-{$name}"><xsl:value-of select="$label"/></label>
      <input id="f-{$name}" name="{$name}" type="{$type}" autocomplete="{$autocomplete}">
        <xsl:if test="$type != 'password'"><xsl:attribute name="value"><xsl:value-of select="$f/@value"/></xsl:attribute></xsl:if>
        <xsl:if test="$placeholder != ''"><xsl:attribute name="placeholder"><xsl:value-of select="$placeholder"/></xsl:attribute></xsl:if>
        <xsl:if test="$inputmode != ''"><xsl:attribute name="inputmode"><xsl:value-of select="$inputmode"/></xsl:attribute></xsl:if>
        <xsl:if test="$maxlength != ''"><xsl:attribute name="maxlength"><xsl:value-of select="$maxlength"/></xsl:attribute></xsl:if>
      </input>
      <xsl:choose>
        <xsl:when test="$f/@error"><span class="err" id="err-{$name}"><xsl:value-of select="$f/@error"/></span></xsl:when>
        <!-- A doubt that did not refuse the value (a bank card failing Luhn). -->
        <xsl:when test="$f/@warning"><span class="warn" id="warn-{$name}"><xsl:value-of select="$f/@warning"/></span></xsl:when>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- The SMS code input with its 获取验证码 button and 60 s countdown. -->
  <xsl:template name="code-input">
    <xsl:variable name="f" select="/page/form/field[@name = 'code']"/>
    <!-- 图形验证码: asked once this client has had its quiet quota of codes. -->
    <xsl:if test="/page/form/@captcha = '1'">
      <xsl:variable name="c" select="/page/form/field[@name = 'captcha']"/>
      <div class="field captcha">
        <xsl:if test="$c/@error"><xsl:attribute name="class">field captcha has-error</xsl:attribute></xsl:if>
        <label for="f-captcha">图形验证码</label>
        <span class="code-row">
          <input id="f-captcha" name="captcha" type="text" maxlength="4" autocomplete="off" autocapitalize="characters" placeholder="请输入图中字符"/>
          <img class="captcha-img" id="captcha-img" src="{/page/@portal}captcha" alt="图形验证码" width="132" height="44" title="看不清？点击换一张"/>
        </span>
        <xsl:choose>
          <xsl:when test="$c/@error"><span class="err" id="err-captcha"><xsl:value-of select="$c/@error"/></span></xsl:when>
          <xsl:otherwise><span class="hint">看不清？点击图片换一张</span></xsl:otherwise>
        </xsl:choose>
      </div>
    </xsl:if>
    <div class="field code">
      <xsl:if test="$f/@error"><xsl:attribute name="class">field code has-error</xsl:attribute></xsl:if>
      <label for="f-code">验证码</label>
      <span class="code-row">
        <input id="f-code" name="code" type="text" inputmode="numeric" maxlength="6" autocomplete="one-time-code" placeholder="请输入验证码" value="{$f/@value}"/>
        <button type="submit" name="send_code" value="1" class="secondary send-code" formnovalidate="formnovalidate" data-wait="{/page/form/@wait}">获取验证码</button>
      </span>
      <xsl:if test="$f/@error"><span class="err" id="err-code"><xsl:value-of select="$f/@error"/></span></xsl:if>
    </div>
  </xsl:template>

  <!--
    办理进度: the steps of an item (lib/flow.c flow_timeline), each with its
    node, decision, handler, time and reason; the same on every portal.
  -->
  <xsl:template name="timeline">
    <xsl:param name="steps"/>
    <section class="timeline" id="timeline">
      <h2>办理进度</h2>
      <xsl:choose>
        <xsl:when test="$steps/step">
          <ol>
            <xsl:for-each select="$steps/step">
              <li class="step step-{@decision}">
                <span class="node"><xsl:value-of select="node"/></span>
                <span class="decision">
                  <xsl:choose>
                    <xsl:when test="@decision = 'ok'">同意</xsl:when>
                    <xsl:when test="@decision = 'return'">退回</xsl:when>
                    <xsl:when test="@decision = 'submit'">已上报</xsl:when>
                    <xsl:otherwise><xsl:value-of select="action"/></xsl:otherwise>
                  </xsl:choose>
                </span>
                <span class="by">处理人：<xsl:value-of select="by"/></span>
                <time><xsl:value-of select="at"/></time>
                <xsl:if test="reason">
                  <p class="reason">原因：<xsl:value-of select="reason"/></p>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:when>
        <xsl:otherwise><p class="muted">尚未上报。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- A state chip: <span class="chip state-N">label</span>, coloured by
       state in huzhu.css (returned amber, approved green, ...). -->
  <xsl:template name="state-chip">
    <xsl:param name="state"/>
    <xsl:param name="label"/>
    <span class="chip state-{$state}"><xsl:value-of select="$label"/></span>
  </xsl:template>

  <!-- 材料: the files of an item, each a download link. -->
  <xsl:template name="materials">
    <xsl:param name="files"/>
    <xsl:param name="href"/>
    <xsl:choose>
      <xsl:when test="$files/file">
        <ul class="files" id="materials">
          <xsl:for-each select="$files/file">
            <li data-kind="{@kind}"><span class="muted"><xsl:value-of select="@label"/>：</span>
              <a href="{$href}{@id}"><xsl:value-of select="."/></a>
              <span class="muted"><xsl:text> </xsl:text><xsl:value-of select="@kb"/> KB · <xsl:value-of select="@at"/></span></li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p class="muted" id="no-materials">尚未上传材料。</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A select whose options are the page's <org> nodes under $orgs. -->
  <xsl:template name="org-select">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="orgs"/>
    <xsl:variable name="f" select="/page/form/field[@name = $name]"/>
    <div class="field">
      <xsl:if test="$f/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-{$name}"><xsl:value-of select="$label"/></label>
      <select id="f-{$name}" name="{$name}">
        <option value="">请选择</option>
        <xsl:for-each select="$orgs/org">
          <option value="{@id}">
            <xsl:if test="$f/@value = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:if test="@depth = '1'">　</xsl:if><xsl:value-of select="."/>
          </option>
        </xsl:for-each>
      </select>
      <xsl:if test="$f/@error"><span class="err" id="err-{$name}"><xsl:value-of select="$f/@error"/></span></xsl:if>
    </div>
  </xsl:template>

  <!-- A select over fixed choices: $choices is "value|label;value|label". -->
  <xsl:template name="choice-select">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="choices"/>
    <xsl:variable name="f" select="/page/form/field[@name = $name]"/>
    <div class="field">
      <xsl:if test="$f/@error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-{$name}"><xsl:value-of select="$label"/></label>
      <select id="f-{$name}" name="{$name}">
        <xsl:call-template name="choice-options">
          <xsl:with-param name="rest" select="$choices"/>
          <xsl:with-param name="value" select="$f/@value"/>
        </xsl:call-template>
      </select>
      <xsl:if test="$f/@error"><span class="err" id="err-{$name}"><xsl:value-of select="$f/@error"/></span></xsl:if>
    </div>
  </xsl:template>

  <xsl:template name="choice-options">
    <xsl:param name="rest"/>
    <xsl:param name="value"/>
    <xsl:if test="$rest != ''">
      <xsl:variable name="one" select="substring-before(concat($rest, ';'), ';')"/>
      <xsl:variable name="v" select="substring-before($one, '|')"/>
      <option value="{$v}">
        <xsl:if test="$v = $value"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:value-of select="substring-after($one, '|')"/>
      </option>
      <xsl:call-template name="choice-options">
        <xsl:with-param name="rest" select="substring-after($rest, ';')"/>
        <xsl:with-param name="value" select="$value"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- 证件类型 -->
  <xsl:template name="id-type-select">
    <xsl:variable name="v" select="/page/form/field[@name = 'id_type']/@value"/>
    <div class="field">
      <label for="f-id_type">证件类型</label>
      <select id="f-id_type" name="id_type">
        <option value="1"><xsl:if test="$v = '1' or not($v)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>居民身份证</option>
        <option value="2"><xsl:if test="$v = '2'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>护照</option>
        <option value="3"><xsl:if test="$v = '3'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>港澳居民来往内地通行证</option>
        <option value="4"><xsl:if test="$v = '4'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>台湾居民来往大陆通行证</option>
        <option value="5"><xsl:if test="$v = '5'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>外国人永久居留身份证</option>
      </select>
    </div>
  </xsl:template>
</xsl:stylesheet>
