<?xml version="1.0" encoding="UTF-8"?>
<!--
  404.xsl: the "page not found" page (/404.html).
  It is served at any unknown address, so every link is a site path
  (never relative) and the page asks not to be indexed.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="layout.xsl"/>

  <xsl:template name="content">
    <div class="intro">
      <h1><xsl:call-template name="page-title"/></h1>
      <p class="lead">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'not-found-text'"/></xsl:call-template>
      </p>
    </div>
    <ul class="not-found-links" role="list">
      <li>
        <a href="{$site/root}">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'not-found-home'"/></xsl:call-template>
        </a>
      </li>
      <xsl:if test="normalize-space($site/links/@glossary)">
        <li>
          <a href="{$site/links/@glossary}">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'not-found-glossary'"/></xsl:call-template>
          </a>
        </li>
      </xsl:if>
    </ul>
    <xsl:if test="$site/topics/topic">
      <h2 id="not-found-topics-heading">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'not-found-topics'"/></xsl:call-template>
      </h2>
      <ul class="not-found-topics" role="list" aria-labelledby="not-found-topics-heading">
        <xsl:for-each select="$site/topics/topic">
          <li><a href="{@href}"><xsl:copy-of select="title/node()"/></a></li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
