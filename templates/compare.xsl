<?xml version="1.0" encoding="UTF-8"?>
<!--
  compare.xsl: every procedure on every attribute (/compare/).
  h1, a short introduction from strings.xml, then the comparison table(s)
  as the generator rendered them, with a heading over
  their notes (layout.xsl, mode comparison).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="layout.xsl"/>

  <xsl:template name="content">
    <div class="intro">
      <h1><xsl:call-template name="page-title"/></h1>
      <p class="lead">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'compare-intro'"/></xsl:call-template>
      </p>
    </div>
    <xsl:apply-templates select="/page/comparison/node()" mode="comparison">
      <xsl:with-param name="level" select="2"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="/page/sources[source]"/>
    <xsl:call-template name="reviewed-note">
      <xsl:with-param name="id" select="'compare-reviewed'"/>
      <xsl:with-param name="d" select="/page/reviewed"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
