<?xml version="1.0" encoding="UTF-8"?>
<!-- 承诺书: read for 15 s before the confirm button unlocks (Wuxi).  The
     server keeps the time too, so the rule holds without the script. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:template match="/page" mode="title">承诺书</xsl:template>
  <xsl:template match="/page" mode="content">
    <section class="card narrow">
      <xsl:call-template name="page-head"><xsl:with-param name="title">承诺书</xsl:with-param></xsl:call-template>
      <xsl:call-template name="messages"/>
      <div class="promise" id="promise-text">
        <p>本单位（<xsl:value-of select="app/name"/>）自愿参加职工互助保障活动，现郑重承诺：</p>
        <ol>
          <li>所填报的单位信息、经办人信息及上传的证明材料真实、准确、完整，如有虚假，愿承担相应责任；</li>
          <li>严格按照互助保障活动的有关规定为职工办理参保、补助申请等业务，不弄虚作假、不冒领补助；</li>
          <li>妥善保管并仅为办理互助保障业务使用职工的身份证号、银行卡号、病历等个人信息，不泄露、不挪作他用；</li>
          <li>单位信息或经办人发生变化时，及时通过本系统办理变更。</li>
        </ol>
      </div>
      <form method="post" action="/u/org/submit" id="promise-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{app/@id}"/>
        <label class="check"><input type="checkbox" name="agree" value="1" required="required"/> 我已阅读并同意以上承诺</label>
        <button type="submit" class="primary wide" id="promise-confirm" data-unlock="15">我已阅读完成，确认上报</button>
      </form>
      <p><a href="/u/org/app?id={app/@id}">返回申请</a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
