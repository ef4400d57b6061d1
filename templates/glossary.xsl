<?xml version="1.0" encoding="UTF-8"?>
<!--
  glossary.xsl: the glossary (/glossary/).
  h1, a short introduction, an index of the initials (A–Z, then ㄱ–ㅎ), then
  per initial an <h2 id="initial-N"> and a list with one <dt id="term-…"> per
  term (the target of the article's glossary links), its headword as written,
  with its other names and definition.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="layout.xsl"/>

  <xsl:template name="content">
    <div class="intro">
      <h1><xsl:call-template name="page-title"/></h1>
      <p class="lead">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'glossary-intro'"/></xsl:call-template>
      </p>
    </div>
    <xsl:variable name="groups" select="/page/glossary/group[term]"/>
    <xsl:if test="count($groups) &gt; 1">
      <nav class="glossary-index">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'glossary-index'"/></xsl:call-template>
        </xsl:attribute>
        <ul role="list">
          <xsl:for-each select="$groups">
            <li><a href="#initial-{position()}"><xsl:value-of select="@initial"/></a></li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
    <xsl:for-each select="$groups">
      <h2 class="glossary-initial" id="initial-{position()}"><xsl:value-of select="@initial"/></h2>
      <dl class="glossary">
        <xsl:apply-templates select="term"/>
      </dl>
    </xsl:for-each>
    <xsl:apply-templates select="/page/sources[source]"/>
    <xsl:call-template name="reviewed-note">
      <xsl:with-param name="id" select="'glossary-reviewed'"/>
      <xsl:with-param name="d" select="/page/glossary/reviewed"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Aliases that only inflect the term ("threads" for "thread") help matching in
       articles but are not other names: they are not shown as "Also called". Nor is
       an alias the definition already spells out ("Short for superficial
       musculoaponeurotic system: ..."): the reader would read it twice. -->
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:template match="term">
    <xsl:variable name="name" select="translate(name, $upper, $lower)"/>
    <xsl:variable name="definition" select="translate(definition, $upper, $lower)"/>
    <xsl:variable name="other-names"
        select="aliases/alias[not(starts-with(translate(., $upper, $lower), $name)
                                   or starts-with($name, translate(., $upper, $lower))
                                   or contains($definition, translate(., $upper, $lower)))]"/>
    <div class="glossary-entry">
      <dt id="{@id}"><xsl:copy-of select="name/node()"/></dt>
      <dd>
        <xsl:if test="$other-names">
          <p class="aliases">
            <xsl:call-template name="str">
              <xsl:with-param name="id" select="'also-called'"/>
              <xsl:with-param name="arg1">
                <xsl:for-each select="$other-names">
                  <xsl:if test="position() &gt; 1">
                    <xsl:call-template name="str"><xsl:with-param name="id" select="'list-separator'"/></xsl:call-template>
                  </xsl:if>
                  <span class="alias"><xsl:copy-of select="node()"/></span>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
          </p>
        </xsl:if>
        <xsl:copy-of select="definition/node()"/>
      </dd>
    </div>
  </xsl:template>

</xsl:stylesheet>
