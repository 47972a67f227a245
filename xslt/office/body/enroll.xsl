<?xml version="1.0" encoding="UTF-8"?>
<!-- 参保申请: the application, the money (due and paid side by side for
     finance), the payer accounts and the people with their warnings. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="body[../@type = 'enroll']" mode="body">
    <xsl:variable name="e" select="enroll"/>
    <dl class="data">
      <dt>申请编号</dt><dd id="d-no"><xsl:value-of select="$e/no"/></dd>
      <dt>申请类型</dt><dd><xsl:value-of select="$e/kind-label"/></dd>
      <dt>单位</dt><dd id="d-unit"><xsl:value-of select="$e/unit"/></dd>
      <dt>保障计划</dt><dd><xsl:value-of select="$e/plan"/></dd>
      <dt>保障期</dt><dd><xsl:value-of select="$e/period-start"/> 至 <xsl:value-of select="$e/period-end"/></dd>
      <dt>工会主席</dt><dd><xsl:value-of select="$e/chairman"/></dd>
      <dt>联系人</dt><dd><xsl:value-of select="$e/contact"/>（<xsl:value-of select="$e/contact-phone"/>）</dd>
      <dt>职工人数 / 参保人数</dt><dd><xsl:value-of select="$e/employees"/> / <span id="d-headcount"><xsl:value-of select="$e/headcount"/></span>（<xsl:value-of select="$e/ratio"/>）</dd>
      <dt>每人保费</dt><dd><xsl:value-of select="$e/premium"/> 元</dd>
    </dl>
    <div class="figures" id="money">
      <div class="figure"><span>应缴金额</span><span class="num" id="d-due"><xsl:value-of select="$e/due"/></span></div>
      <div class="figure"><span>实缴金额</span><span class="num" id="d-paid">
        <xsl:choose><xsl:when test="$e/paid"><xsl:value-of select="$e/paid"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose>
      </span><xsl:if test="$e/paid-on != ''"><small>缴费日期 <xsl:value-of select="$e/paid-on"/></small></xsl:if></div>
    </div>
    <xsl:if test="$e/paid and $e/paid/@fen != $e/due/@fen">
      <p class="msg msg-error" id="paid-differs">实缴金额与应缴金额不符。</p>
    </xsl:if>
    <h3>缴费账号</h3>
    <ul class="files" id="d-accounts">
      <xsl:for-each select="$e/accounts/account"><li><xsl:value-of select="holder"/> · <xsl:value-of select="bank"/> · <xsl:value-of select="account"/></li></xsl:for-each>
    </ul>
    <h3>参保人员（共 <xsl:value-of select="$e/members/@total"/> 人<xsl:if test="$e/members/@total &gt; count($e/members/member)">，显示前 <xsl:value-of select="count($e/members/member)"/> 人</xsl:if>）</h3>
    <div class="table-wrap">
      <table class="list" id="d-members">
        <thead><tr><th>姓名</th><th>证件号码</th><th>性别</th><th>出生日期</th><th>提示</th></tr></thead>
        <tbody>
          <xsl:for-each select="$e/members/member">
            <tr><td><xsl:value-of select="name"/></td><td><xsl:value-of select="id-number"/></td>
              <td><xsl:choose><xsl:when test="gender = 'F'">女</xsl:when><xsl:when test="gender = 'M'">男</xsl:when></xsl:choose></td>
              <td><xsl:value-of select="birth"/></td><td class="wrap warn"><xsl:value-of select="warning"/></td></tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
