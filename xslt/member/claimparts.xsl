<?xml version="1.0" encoding="UTF-8"?>
<!-- The member's claim pages' shared parts: the four steps' progress, the
     photos, one photo slot of the form, the four ID photo examples. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- 申请补助 → 补助审核 → 审核通过 → 办结 (seed 001). -->
  <xsl:template name="claim-progress">
    <xsl:param name="c"/>
    <xsl:variable name="at">
      <xsl:choose>
        <xsl:when test="$c/@state = 'draft' or $c/@state = 'cancelled'">1</xsl:when>
        <xsl:when test="$c/@state = 'approved' or $c/@state = 'paying' or $c/@state = 'failed'">3</xsl:when>
        <xsl:when test="$c/@state = 'done'">4</xsl:when>
        <xsl:otherwise>2</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <ol class="progress claim-progress" id="claim-progress" data-at="{$at}">
      <xsl:call-template name="progress-step"><xsl:with-param name="n" select="1"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label" select="'申请补助'"/></xsl:call-template>
      <xsl:call-template name="progress-step"><xsl:with-param name="n" select="2"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label" select="'补助审核'"/></xsl:call-template>
      <xsl:call-template name="progress-step"><xsl:with-param name="n" select="3"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label" select="'审核通过'"/></xsl:call-template>
      <xsl:call-template name="progress-step"><xsl:with-param name="n" select="4"/><xsl:with-param name="at" select="$at"/><xsl:with-param name="label" select="'办结'"/></xsl:call-template>
    </ol>
  </xsl:template>

  <xsl:template name="progress-step">
    <xsl:param name="n"/>
    <xsl:param name="at"/>
    <xsl:param name="label"/>
    <li>
      <xsl:choose>
        <xsl:when test="$n &lt; $at or $at = 4"><xsl:attribute name="class">done</xsl:attribute></xsl:when>
        <xsl:when test="$n = $at"><xsl:attribute name="class">current</xsl:attribute></xsl:when>
      </xsl:choose>
      <span class="n"><xsl:value-of select="$n"/></span><xsl:value-of select="$label"/>
    </li>
  </xsl:template>

  <!-- The photos the claim holds, newest of each kind, as thumbnails. -->
  <xsl:template name="claim-photos">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c/materials/file">
        <ul class="photos" id="claim-photos">
          <xsl:for-each select="$c/materials/file[not(@kind = following-sibling::file/@kind)]">
            <li data-kind="{@kind}">
              <a href="/m/claim/file?id={$c/@id}&amp;file={@id}">
                <img src="/m/claim/file?id={$c/@id}&amp;file={@id}&amp;inline=1" alt="{@label}" loading="lazy"/>
              </a>
              <span class="muted"><xsl:value-of select="@label"/></span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p class="muted" id="no-photos">尚未上传照片。</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One photo of the form: its label, what is kept, the picker, the
       browser's note (huzhu.js: compressed, too small, too dark). -->
  <xsl:template name="photo-slot">
    <xsl:param name="c"/>
    <xsl:param name="kind"/>
    <xsl:param name="label"/>
    <xsl:param name="hint" select="''"/>
    <xsl:variable name="f" select="/page/form/field[@name = $kind]"/>
    <xsl:variable name="kept" select="$c/materials/file[@kind = $kind][last()]"/>
    <div class="field photo-slot" id="slot-{$kind}" data-kind="{$kind}">
      <xsl:if test="$f/@error"><xsl:attribute name="class">field photo-slot has-error</xsl:attribute></xsl:if>
      <span class="label"><xsl:value-of select="$label"/></span>
      <xsl:if test="$hint != ''"><p class="hint"><xsl:value-of select="$hint"/></p></xsl:if>
      <div class="photo-row">
        <xsl:choose>
          <xsl:when test="$kept">
            <img class="thumb" id="kept-{$kind}" src="/m/claim/file?id={$c/@id}&amp;file={$kept/@id}&amp;inline=1" alt="已上传的{$label}"/>
          </xsl:when>
          <xsl:otherwise><span class="thumb none" id="kept-{$kind}">未上传</span></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="file-picker">
          <xsl:with-param name="name" select="$kind"/>
          <xsl:with-param name="label"><xsl:choose><xsl:when test="$kept">重新上传</xsl:when><xsl:otherwise>拍照或选择照片</xsl:otherwise></xsl:choose></xsl:with-param>
          <xsl:with-param name="title" select="$label"/>
          <xsl:with-param name="accept" select="'image/jpeg,image/png'"/>
        </xsl:call-template>
      </div>
      <p class="photo-note" id="note-{$kind}" aria-live="polite"></p>
      <xsl:if test="$f/@error"><span class="err" id="err-{$kind}"><xsl:value-of select="$f/@error"/></span></xsl:if>
    </div>
  </xsl:template>

  <!-- 拍摄示例: 标准 / 边框缺失 / 照片模糊 / 曝光过度, drawn in CSS. -->
  <xsl:template name="id-examples">
    <div class="id-examples" id="id-examples">
      <p class="hint">拍摄示例</p>
      <ul>
        <li class="ex ex-ok"><span class="frame"><span class="idcard"><i class="face"></i><i class="ln l1"></i><i class="ln l2"></i><i class="ln l3"></i></span></span><span class="cap good">标准</span></li>
        <li class="ex ex-cut"><span class="frame"><span class="idcard"><i class="face"></i><i class="ln l1"></i><i class="ln l2"></i><i class="ln l3"></i></span></span><span class="cap bad">边框缺失</span></li>
        <li class="ex ex-blur"><span class="frame"><span class="idcard"><i class="face"></i><i class="ln l1"></i><i class="ln l2"></i><i class="ln l3"></i></span></span><span class="cap bad">照片模糊</span></li>
        <li class="ex ex-bright"><span class="frame"><span class="idcard"><i class="face"></i><i class="ln l1"></i><i class="ln l2"></i><i class="ln l3"></i></span></span><span class="cap bad">曝光过度</span></li>
      </ul>
    </div>
  </xsl:template>

  <!-- 要求大小1M以内的jpg、png格式 -->
  <xsl:template name="photo-limit">
    <xsl:param name="kb"/>
    <xsl:text>要求大小</xsl:text>
    <xsl:choose>
      <xsl:when test="$kb mod 1024 = 0"><xsl:value-of select="$kb div 1024"/>M</xsl:when>
      <xsl:otherwise><xsl:value-of select="$kb"/>KB</xsl:otherwise>
    </xsl:choose>
    <xsl:text>以内的jpg、png格式，最多可传1张</xsl:text>
  </xsl:template>
</xsl:stylesheet>
