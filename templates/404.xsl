<?xml version="1.0" encoding="UTF-8"?>
<!--
  404.xsl: the "page not found" page (/404.html).
  It is served at any unknown address, so every link is a site path
  (never relative) and the page asks not to be indexed.
  On a site in several languages (/page/languages, each language's href its
  home) one page serves them all: the message in every language, in
  site.yaml order, each part with its own lang and a link to that language's
  home. The first part has the page's one <h1>, the others an <h2>; the
  part in the page's language also links the glossary, and the topics of
  the page's language follow the parts (the messages come first, so that a
  phone shows every language's before the lists).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="layout.xsl"/>

  <xsl:variable name="parts" select="/page/languages/language[normalize-space(@code)]"/>

  <!-- with several languages, <title> says it in each: "페이지를 찾을 수 없습니다 / Page not found" -->
  <xsl:template name="page-title">
    <xsl:choose>
      <xsl:when test="not(normalize-space(/page/title)) and count($parts) &gt; 1">
        <xsl:for-each select="$parts">
          <xsl:if test="position() &gt; 1"><xsl:text> / </xsl:text></xsl:if>
          <xsl:call-template name="str">
            <xsl:with-param name="id" select="'not-found-title'"/>
            <xsl:with-param name="in-lang" select="@code"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="normalize-space(/page/title)">
        <xsl:value-of select="normalize-space(/page/title)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="str"><xsl:with-param name="id" select="'not-found-title'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="content">
    <xsl:choose>
      <xsl:when test="count($parts) &gt; 1">
        <xsl:for-each select="$parts">
          <xsl:call-template name="part"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
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
          <xsl:call-template name="glossary-link"/>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="topics"/>
  </xsl:template>

  <!-- the topics of the page's language, after the message(s) -->
  <xsl:template name="topics">
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

  <xsl:template name="glossary-link">
    <xsl:if test="normalize-space($site/links/@glossary)">
      <li>
        <a href="{$site/links/@glossary}">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'not-found-glossary'"/></xsl:call-template>
        </a>
      </li>
    </xsl:if>
  </xsl:template>

  <!-- One language's part; the context is its <language>. -->
  <xsl:template name="part">
    <xsl:variable name="code" select="string(@code)"/>
    <xsl:variable name="own" select="translate($code, $upper, $lower) = $lang"/>
    <section class="not-found-part">
      <xsl:choose>
        <xsl:when test="position() = 1">
          <xsl:attribute name="class">not-found-part intro</xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="lang-attrs"><xsl:with-param name="code" select="$code"/></xsl:call-template>
      <xsl:variable name="title">
        <xsl:call-template name="str">
          <xsl:with-param name="id" select="'not-found-title'"/>
          <xsl:with-param name="in-lang" select="$code"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="position() = 1"><h1><xsl:value-of select="$title"/></h1></xsl:when>
        <xsl:otherwise><h2><xsl:value-of select="$title"/></h2></xsl:otherwise>
      </xsl:choose>
      <p>
        <xsl:if test="position() = 1"><xsl:attribute name="class">lead</xsl:attribute></xsl:if>
        <xsl:call-template name="str">
          <xsl:with-param name="id" select="'not-found-text'"/>
          <xsl:with-param name="in-lang" select="$code"/>
        </xsl:call-template>
      </p>
      <ul class="not-found-links" role="list">
        <li>
          <a href="{@href}" hreflang="{$code}">
            <xsl:call-template name="str">
              <xsl:with-param name="id" select="'not-found-home'"/>
              <xsl:with-param name="in-lang" select="$code"/>
            </xsl:call-template>
          </a>
        </li>
        <xsl:if test="$own">
          <xsl:call-template name="glossary-link"/>
        </xsl:if>
      </ul>
    </section>
  </xsl:template>

</xsl:stylesheet>
