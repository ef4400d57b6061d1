<?xml version="1.0" encoding="UTF-8"?>
<!--
  search.xsl: the search page (/search/).

  Without JavaScript: h1, a search form (a GET form to this page), and every
  published article by title, in groups by first letter (/page/articles/group,
  made by the generator), each with its summary.
  With JavaScript, assets/search.js (loaded with <script src defer>: no code in
  the page) reads ?q=, loads the index named by data-index, and lists the
  matches in #search-results as the reader types, with the count in the polite
  live region #search-status; the full list is hidden while there is a query.
  Then it searches the other languages' indexes (data-other-indexes) and lists
  their matches apart, below, in #search-other, each with its own lang.
  The words the script shows come from strings.xml, in the page's language, as
  data-* attributes of the form ({1} is what was typed, {2} a count).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="layout.xsl"/>

  <xsl:template name="page-title">
    <xsl:choose>
      <xsl:when test="normalize-space(/page/title)">
        <xsl:value-of select="normalize-space(/page/title)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="str"><xsl:with-param name="id" select="'search-title'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="meta-description">
    <xsl:call-template name="str"><xsl:with-param name="id" select="'search-intro'"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="head-extra">
    <script src="{$site/assets}search.js" defer="defer"></script>
  </xsl:template>

  <!-- data-{$name}: the string $id for search.js, its slots as {1} and {2}. -->
  <xsl:template name="data-string">
    <xsl:param name="name"/>
    <xsl:param name="id"/>
    <xsl:attribute name="data-{$name}">
      <xsl:call-template name="str">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="arg1" select="'{1}'"/>
        <xsl:with-param name="arg2" select="'{2}'"/>
      </xsl:call-template>
    </xsl:attribute>
  </xsl:template>

  <xsl:template name="content">
    <xsl:variable name="groups" select="/page/articles/group"/>
    <div class="intro">
      <h1><xsl:call-template name="page-title"/></h1>
      <p class="lead">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'search-intro'"/></xsl:call-template>
      </p>
    </div>

    <form class="search-form" id="search-form" role="search" method="get" action="{/page/url}"
          data-index="{/page/search/@index}">
      <!-- the other languages' indexes, "code=url" pairs separated by spaces: searched
           after this page's own, their matches listed apart in #search-other -->
      <xsl:if test="/page/search/other-index">
        <xsl:attribute name="data-other-indexes">
          <xsl:for-each select="/page/search/other-index">
            <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="concat(@code, '=', @href)"/>
          </xsl:for-each>
        </xsl:attribute>
      </xsl:if>
      <xsl:attribute name="aria-label">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'search-label'"/></xsl:call-template>
      </xsl:attribute>
      <xsl:call-template name="data-string">
        <xsl:with-param name="name" select="'results-1'"/>
        <xsl:with-param name="id" select="'search-results-1'"/>
      </xsl:call-template>
      <xsl:call-template name="data-string">
        <xsl:with-param name="name" select="'results-n'"/>
        <xsl:with-param name="id" select="'search-results-n'"/>
      </xsl:call-template>
      <xsl:call-template name="data-string">
        <xsl:with-param name="name" select="'no-results'"/>
        <xsl:with-param name="id" select="'search-no-results'"/>
      </xsl:call-template>
      <xsl:call-template name="data-string">
        <xsl:with-param name="name" select="'loading'"/>
        <xsl:with-param name="id" select="'search-loading'"/>
      </xsl:call-template>
      <xsl:call-template name="data-string">
        <xsl:with-param name="name" select="'unavailable'"/>
        <xsl:with-param name="id" select="'search-unavailable'"/>
      </xsl:call-template>
      <xsl:call-template name="data-string">
        <xsl:with-param name="name" select="'in-section'"/>
        <xsl:with-param name="id" select="'search-in-section'"/>
      </xsl:call-template>
      <xsl:call-template name="data-string">
        <xsl:with-param name="name" select="'term'"/>
        <xsl:with-param name="id" select="'search-term'"/>
      </xsl:call-template>
      <label class="search-label" for="search-q">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'search-label'"/></xsl:call-template>
      </label>
      <div class="search-field">
        <input class="search-input" id="search-q" type="search" name="q" autocomplete="off"
               spellcheck="false" enterkeyhint="search" aria-describedby="search-hint"/>
        <button class="search-button" type="submit">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'search-submit'"/></xsl:call-template>
        </button>
      </div>
      <!-- shown by search.js: without it nothing appears as you type -->
      <p class="search-hint" id="search-hint" hidden="hidden">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'search-hint'"/></xsl:call-template>
      </p>
    </form>

    <div class="search-live">
      <p class="search-status" id="search-status" role="status" aria-live="polite" aria-atomic="true"></p>
      <ol class="search-results" id="search-results" hidden="hidden">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'search-results-label'"/></xsl:call-template>
        </xsl:attribute>
      </ol>
      <button class="search-more" id="search-more" type="button" hidden="hidden">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'search-more'"/></xsl:call-template>
      </button>
      <xsl:if test="/page/search/other-index">
        <!-- shown by search.js when another language's index has matches; never mixed
             into the results above -->
        <section class="search-other" id="search-other" aria-labelledby="search-other-heading"
                 hidden="hidden">
          <h2 id="search-other-heading">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'search-other'"/></xsl:call-template>
          </h2>
          <ol class="search-results" id="search-other-results"></ol>
        </section>
      </xsl:if>
    </div>

    <section class="search-all" id="search-all" aria-labelledby="search-all-heading">
      <h2 id="search-all-heading">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'search-all'"/></xsl:call-template>
      </h2>
      <p class="search-all-count">
        <xsl:call-template name="article-count">
          <xsl:with-param name="n" select="count(/page/articles/group/article-ref)"/>
        </xsl:call-template>
      </p>
      <xsl:if test="count($groups) &gt; 1">
        <nav class="search-initials">
          <xsl:attribute name="aria-label">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'search-jump'"/></xsl:call-template>
          </xsl:attribute>
          <ul role="list">
            <xsl:for-each select="$groups">
              <li><a href="#initial-{position()}"><xsl:value-of select="@initial"/></a></li>
            </xsl:for-each>
          </ul>
        </nav>
      </xsl:if>
      <!-- One item per article, as light as it can be: a site of 10,000 articles has
           10,000 of them on this page. The letters are the headings; the items are not. -->
      <xsl:for-each select="$groups">
        <h3 class="search-initial" id="initial-{position()}"><xsl:value-of select="@initial"/></h3>
        <ul class="search-listing" role="list">
          <xsl:for-each select="article-ref">
            <li>
              <xsl:call-template name="lang-attrs"/>
              <a href="{@href}"><xsl:copy-of select="title/node()"/></a>
              <xsl:if test="normalize-space(summary)">
                <p><xsl:copy-of select="summary/node()"/></p>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:for-each>
      <xsl:if test="not($groups)">
        <p class="empty">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'home-empty'"/></xsl:call-template>
        </p>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>
