<?xml version="1.0" encoding="UTF-8"?>
<!-- 协议更新: the texts in force the member has not agreed to, with
     同意 and 不同意 (不同意 keeps the portal closed; 撤回同意 unbinds). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">协议更新</xsl:template>
  <xsl:template match="/page" mode="content">
    <section class="card consent">
      <h1>协议更新</h1>
      <p class="hint">为继续使用职工互助保障服务，请阅读并同意以下更新后的协议。</p>
      <xsl:call-template name="messages"/>
      <xsl:for-each select="pending/text">
        <article class="consent-doc" data-kind="{@kind}" data-version="{@version}">
          <h2>《<xsl:value-of select="@label"/>》<small class="muted">版本 <xsl:value-of select="@version"/> · <xsl:value-of select="@at"/></small></h2>
          <div class="article-body scroll"><xsl:copy-of select="body/node()"/></div>
        </article>
      </xsl:for-each>
      <form method="post" action="/m/consent" id="consent-form" class="form-actions two">
        <xsl:call-template name="csrf"/>
        <button type="submit" name="decision" value="disagree" class="secondary" id="disagree">不同意</button>
        <button type="submit" name="decision" value="agree" class="primary" id="agree">同意</button>
      </form>
      <p class="muted withdraw-link">不想继续使用？<a href="/m/consent/withdraw" id="withdraw">撤回同意并解除绑定</a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
