<?xml version="1.0" encoding="UTF-8"?>
<!--
  article.xsl: one article (/articles/<slug>/).
  h1 title, the summary as lead paragraph, the review byline, topic and
  procedure links, a table of contents when the page XML has <toc>, the body
  as the generator rendered it, the sources it cites, the review dates (last
  reviewed, next review due), then related articles. A translation older than its source
  (<stale>) says so right under the h1, with a link to the source.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="layout.xsl"/>

  <!-- toc items below level 2, grouped under the level-2 item before them
       (items before the first level-2 item get the key '') -->
  <xsl:key name="toc-children"
           match="/page/article/toc/item[not(@level = '2')]"
           use="generate-id(preceding-sibling::item[@level = '2'][1])"/>

  <xsl:template name="content">
    <xsl:variable name="a" select="/page/article"/>
    <article class="article">
      <header class="article-header">
        <xsl:call-template name="breadcrumbs">
          <xsl:with-param name="parent" select="$a/topics/topic[1]"/>
        </xsl:call-template>
        <h1>
          <xsl:choose>
            <xsl:when test="normalize-space($a/title)"><xsl:copy-of select="$a/title/node()"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="page-title"/></xsl:otherwise>
          </xsl:choose>
        </h1>
        <xsl:apply-templates select="$a/stale"/>
        <xsl:if test="normalize-space($a/summary)">
          <p class="lead"><xsl:copy-of select="$a/summary/node()"/></p>
        </xsl:if>
        <!-- Who reviewed it and when, when it was published, and its topics and
             procedures: small print, two or three short lines, so that the text itself
             starts on a phone's first screen. -->
        <div class="article-meta">
          <xsl:if test="$a/reviewed or normalize-space($a/reviewer) or $a/date">
            <p class="byline">
              <xsl:if test="$a/reviewed or normalize-space($a/reviewer)">
                <span class="byline-review">
                  <xsl:choose>
                    <!-- A reviewer site.yaml declares: name and credentials. -->
                    <xsl:when test="$a/reviewer/name">
                      <xsl:call-template name="str">
                        <xsl:with-param name="id" select="'byline-named'"/>
                        <xsl:with-param name="arg1">
                          <span class="reviewer"><xsl:copy-of select="$a/reviewer/name/node()"/></span>
                        </xsl:with-param>
                        <xsl:with-param name="arg2">
                          <span class="credentials"><xsl:copy-of select="$a/reviewer/credentials/node()"/></span>
                        </xsl:with-param>
                        <xsl:with-param name="arg3">
                          <xsl:call-template name="date"><xsl:with-param name="d" select="$a/reviewed"/></xsl:call-template>
                        </xsl:with-param>
                      </xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="str">
                        <xsl:with-param name="id" select="'byline'"/>
                        <xsl:with-param name="arg1">
                          <span class="reviewer"><xsl:copy-of select="$a/reviewer/node()"/></span>
                        </xsl:with-param>
                        <xsl:with-param name="arg2">
                          <xsl:call-template name="date"><xsl:with-param name="d" select="$a/reviewed"/></xsl:call-template>
                        </xsl:with-param>
                      </xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </span>
              </xsl:if>
              <xsl:if test="$a/date">
                <xsl:if test="$a/reviewed or normalize-space($a/reviewer)">
                  <xsl:text> </xsl:text><span aria-hidden="true" class="sep">·</span><xsl:text> </xsl:text>
                </xsl:if>
                <span class="published">
                  <xsl:call-template name="str">
                    <xsl:with-param name="id" select="'published'"/>
                    <xsl:with-param name="arg1">
                      <xsl:call-template name="date"><xsl:with-param name="d" select="$a/date"/></xsl:call-template>
                    </xsl:with-param>
                  </xsl:call-template>
                </span>
              </xsl:if>
            </p>
          </xsl:if>
          <xsl:if test="$a/topics/topic or $a/procedures/procedure">
            <p class="article-tags">
              <xsl:if test="$a/topics/topic">
                <span class="article-topics">
                  <span class="meta-label">
                    <xsl:call-template name="str"><xsl:with-param name="id" select="'topics-label'"/></xsl:call-template>
                  </span>
                  <xsl:for-each select="$a/topics/topic">
                    <xsl:text> </xsl:text>
                    <a href="{@href}"><xsl:call-template name="lang-attrs"/><xsl:copy-of select="node()"/></a>
                    <xsl:if test="position() != last()"><xsl:text>,</xsl:text></xsl:if>
                  </xsl:for-each>
                </span>
              </xsl:if>
              <xsl:if test="$a/procedures/procedure">
                <xsl:if test="$a/topics/topic">
                  <xsl:text> </xsl:text><span aria-hidden="true" class="sep">·</span><xsl:text> </xsl:text>
                </xsl:if>
                <span class="article-procedures">
                  <span class="meta-label">
                    <xsl:call-template name="str"><xsl:with-param name="id" select="'procedures-label'"/></xsl:call-template>
                  </span>
                  <xsl:for-each select="$a/procedures/procedure">
                    <xsl:text> </xsl:text>
                    <a href="{@href}"><xsl:call-template name="lang-attrs"/><xsl:copy-of select="node()"/></a>
                    <xsl:if test="position() != last()"><xsl:text>,</xsl:text></xsl:if>
                  </xsl:for-each>
                </span>
              </xsl:if>
            </p>
          </xsl:if>
        </div>
      </header>

      <xsl:apply-templates select="$a/toc[item]" mode="toc"/>

      <div class="article-body">
        <!-- Copied as it is, but for its comparison tables, which need their notes'
             words (layout.xsl, mode comparison). -->
        <xsl:for-each select="$a/body/node()">
          <xsl:choose>
            <xsl:when test="self::div[@class='comparison-wrap'][ol]">
              <xsl:apply-templates select="." mode="comparison"/>
            </xsl:when>
            <xsl:otherwise><xsl:copy-of select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </div>
      <xsl:apply-templates select="$a/glossary-terms[term]"/>

      <xsl:apply-templates select="$a/sources[source]"/>

      <!-- When the page was last checked and when it will be again, as
           patient-information sites (the NHS) show it under every page. -->
      <xsl:if test="$a/reviewed">
        <footer class="review-dates">
          <p>
            <xsl:call-template name="str">
              <xsl:with-param name="id" select="'page-last-reviewed'"/>
              <xsl:with-param name="arg1">
                <xsl:call-template name="date"><xsl:with-param name="d" select="$a/reviewed"/></xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </p>
          <xsl:if test="$a/next-review">
            <p>
              <xsl:call-template name="str">
                <xsl:with-param name="id" select="'next-review-due'"/>
                <xsl:with-param name="arg1">
                  <xsl:call-template name="date"><xsl:with-param name="d" select="$a/next-review"/></xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </p>
          </xsl:if>
        </footer>
      </xsl:if>
    </article>

    <xsl:if test="$a/related/article-ref">
      <aside class="related" aria-labelledby="related">
        <h2 id="related">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'related'"/></xsl:call-template>
        </h2>
        <xsl:call-template name="listing">
          <xsl:with-param name="refs" select="$a/related/article-ref"/>
          <xsl:with-param name="level" select="3"/>
        </xsl:call-template>
      </aside>
    </xsl:if>
  </xsl:template>


  <!-- <stale source-lang="en" source-name="English" source-href="/en/articles/x/">
       <reviewed iso="…" text="…"/></stale>: this translation follows an older
       review of its source. A note in the page's language, read right after
       the title; no id (article pages reserve theirs, see README.md). -->
  <xsl:template match="stale">
    <xsl:variable name="source-lang">
      <xsl:call-template name="lang-name"><xsl:with-param name="code" select="@source-lang"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="source-lang-text">
      <xsl:choose>
        <xsl:when test="normalize-space($source-lang)"><xsl:value-of select="$source-lang"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(@source-name)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="title">
      <xsl:call-template name="str"><xsl:with-param name="id" select="'stale-title'"/></xsl:call-template>
    </xsl:variable>
    <div class="stale-notice" role="note" aria-label="{normalize-space($title)}">
      <p>
        <strong class="stale-title"><xsl:value-of select="$title"/></strong>
        <xsl:text> </xsl:text>
        <xsl:call-template name="str">
          <xsl:with-param name="id" select="'stale-text'"/>
          <xsl:with-param name="arg1" select="string($source-lang-text)"/>
          <xsl:with-param name="arg2">
            <xsl:call-template name="date"><xsl:with-param name="d" select="reviewed"/></xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="arg3">
            <a href="{@source-href}">
              <xsl:if test="normalize-space(@source-lang)">
                <xsl:attribute name="hreflang"><xsl:value-of select="normalize-space(@source-lang)"/></xsl:attribute>
              </xsl:if>
              <xsl:call-template name="str">
                <xsl:with-param name="id" select="'stale-source'"/>
                <xsl:with-param name="arg1" select="string($source-lang-text)"/>
              </xsl:call-template>
            </a>
          </xsl:with-param>
        </xsl:call-template>
      </p>
    </div>
  </xsl:template>

  <xsl:template match="toc" mode="toc">
    <!-- closed on a phone (a <details>: the text comes first); site.js opens it on a
         wide screen, where site.css puts it beside the article, following the reader -->
    <nav class="toc" aria-labelledby="toc">
      <details class="toc-details">
      <summary class="toc-summary">
        <h2 id="toc">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'contents'"/></xsl:call-template>
        </h2>
      </summary>
      <ol>
        <!-- sub-items that come before any level-2 item stay at the top -->
        <xsl:apply-templates select="key('toc-children', '')" mode="toc-item"/>
        <xsl:for-each select="item[@level = '2']">
          <li>
            <a href="{@href}"><xsl:copy-of select="node()"/></a>
            <xsl:variable name="children" select="key('toc-children', generate-id())"/>
            <xsl:if test="$children">
              <ol>
                <xsl:apply-templates select="$children" mode="toc-item"/>
              </ol>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
      </details>
    </nav>
  </xsl:template>

  <xsl:template match="item" mode="toc-item">
    <li><a href="{@href}"><xsl:copy-of select="node()"/></a></li>
  </xsl:template>

  <!-- The explanation of each glossary term the body links, once, opened in place by
       the term's <button popovertarget> (templates/README.md, "Glossary popovers"). -->
  <xsl:template match="glossary-terms">
    <div class="glossary-popovers">
      <xsl:for-each select="term">
        <div class="glossary-popover" id="{@popover}" popover="auto" role="dialog"
             aria-labelledby="{@popover}-term">
          <button type="button" class="glossary-popover-close" popovertarget="{@popover}"
                  popovertargetaction="hide">
            <xsl:attribute name="aria-label">
              <xsl:call-template name="str"><xsl:with-param name="id" select="'glossary-popover-close-label'"/></xsl:call-template>
            </xsl:attribute>
            <xsl:call-template name="str"><xsl:with-param name="id" select="'glossary-popover-close'"/></xsl:call-template>
          </button>
          <p class="glossary-popover-term" id="{@popover}-term"><xsl:copy-of select="name/node()"/></p>
          <xsl:copy-of select="definition/node()"/>
          <p class="glossary-popover-more">
            <a href="{@href}">
              <xsl:call-template name="str"><xsl:with-param name="id" select="'glossary-popover-more'"/></xsl:call-template>
            </a>
          </p>
        </div>
      </xsl:for-each>
    </div>
  </xsl:template>

</xsl:stylesheet>
