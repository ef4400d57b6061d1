<?xml version="1.0" encoding="UTF-8"?>
<!--
  home.xsl: the home page (/).
  h1 = the string home-heading (the site title is in the header), the site description as introduction, the topics as
  cards (description and article count), then the newest articles.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="layout.xsl"/>

  <xsl:template name="content">
    <div class="intro">
      <!-- the site's title is the header's first line: the heading says what is here -->
      <h1><xsl:call-template name="str"><xsl:with-param name="id" select="'home-heading'"/></xsl:call-template></h1>
      <xsl:if test="normalize-space($site/description)">
        <p class="lead"><xsl:value-of select="normalize-space($site/description)"/></p>
      </xsl:if>
    </div>

    <xsl:if test="$site/topics/topic">
      <section class="topics" aria-labelledby="topics-heading">
        <h2 id="topics-heading">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'topics'"/></xsl:call-template>
        </h2>
        <ul class="cards" role="list">
          <xsl:for-each select="$site/topics/topic">
            <li class="card">
              <h3 class="card-title"><a href="{@href}"><xsl:copy-of select="title/node()"/></a></h3>
              <xsl:if test="normalize-space(description)">
                <p class="card-description"><xsl:copy-of select="description/node()"/></p>
              </xsl:if>
              <p class="card-count">
                <xsl:call-template name="article-count">
                  <xsl:with-param name="n" select="number(concat('0', @count))"/>
                </xsl:call-template>
              </p>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>

    <section class="newest" aria-labelledby="newest-heading">
      <h2 id="newest-heading">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'newest'"/></xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="/page/articles/article-ref">
          <xsl:call-template name="listing">
            <xsl:with-param name="refs" select="/page/articles/article-ref"/>
            <xsl:with-param name="level" select="3"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'home-empty'"/></xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
