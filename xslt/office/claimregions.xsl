<?xml version="1.0" encoding="UTF-8"?>
<!-- 补助申请设置 (admin): per district, 基层审核 first or not, the proof of
     the stay a member's claim asks, the largest photo; a district without
     its own follows 全部地区（默认）. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../layout.xsl"/>
  <xsl:include href="nav.xsl"/>
  <xsl:template match="/page" mode="title">补助申请设置</xsl:template>
  <xsl:template match="/page" mode="content">
    <xsl:call-template name="office-nav"><xsl:with-param name="active" select="'claim-regions'"/></xsl:call-template>
    <section class="card">
      <h1>补助申请设置</h1>
      <p class="hint">职工在手机上申请住院补助时：是否先经单位基层审核，须上传费用结算单还是收费票据（如柳州须上传收费票据），以及每张照片的大小上限。未单独设置的地区按“全部地区（默认）”执行。</p>
      <xsl:call-template name="messages"/>
      <div class="table-wrap">
        <table class="list" id="regions">
          <thead><tr><th>地区</th><th>基层审核</th><th>住院证明</th><th>照片上限（KB）</th><th></th></tr></thead>
          <tbody>
            <xsl:for-each select="regions/region">
              <xsl:variable name="mine" select="/page/form/@district = @id"/>
              <xsl:variable name="f" select="/page/form/field"/>
              <tr data-region="{@id}">
                <td><xsl:value-of select="@name"/><xsl:if test="@id != '0' and not(@own)"><br/><span class="muted">（按默认）</span></xsl:if></td>
                <td>
                  <xsl:variable name="ur"><xsl:choose><xsl:when test="$mine"><xsl:value-of select="$f[@name='unit_review']/@value"/></xsl:when><xsl:otherwise><xsl:value-of select="@unit-review"/></xsl:otherwise></xsl:choose></xsl:variable>
                  <select name="unit_review" form="region-{@id}" id="unit_review-{@id}" aria-label="基层审核">
                    <option value="0"><xsl:if test="$ur = '0'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>不需要</option>
                    <option value="1"><xsl:if test="$ur = '1'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>先经单位审核</option>
                  </select>
                </td>
                <td>
                  <xsl:variable name="pf"><xsl:choose><xsl:when test="$mine"><xsl:value-of select="$f[@name='proof']/@value"/></xsl:when><xsl:otherwise><xsl:value-of select="@proof"/></xsl:otherwise></xsl:choose></xsl:variable>
                  <select name="proof" form="region-{@id}" id="proof-{@id}" aria-label="住院证明">
                    <option value="settlement"><xsl:if test="$pf = 'settlement'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>费用结算单</option>
                    <option value="invoice"><xsl:if test="$pf = 'invoice'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>收费票据</option>
                    <option value="both"><xsl:if test="$pf = 'both'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>两者都要</option>
                  </select>
                </td>
                <td>
                  <input type="text" inputmode="numeric" name="photo_kb" form="region-{@id}" id="photo_kb-{@id}" aria-label="照片上限（KB）" size="6">
                    <xsl:attribute name="value"><xsl:choose><xsl:when test="$mine"><xsl:value-of select="$f[@name='photo_kb']/@value"/></xsl:when><xsl:otherwise><xsl:value-of select="@photo-kb"/></xsl:otherwise></xsl:choose></xsl:attribute>
                  </input>
                  <xsl:if test="$mine and $f[@name='photo_kb']/@error"><br/><span class="err" id="err-photo_kb"><xsl:value-of select="$f[@name='photo_kb']/@error"/></span></xsl:if>
                </td>
                <td>
                  <form method="post" action="/o/claim-regions" class="inline" id="region-{@id}">
                    <xsl:call-template name="csrf"/>
                    <input type="hidden" name="district" value="{@id}"/>
                    <button type="submit" class="secondary small" id="save-{@id}">保存</button>
                  </form>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>
</xsl:stylesheet>
