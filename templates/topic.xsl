<?xml version="1.0" encoding="UTF-8"?>
<!--
  topic.xsl: the articles of one topic (/topics/<topic>/).
  h1 = the topic's title, its description, then its articles; a topic
  without articles says so and points to the other topics.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="layout.xsl"/>

  <xsl:template name="content">
    <xsl:variable name="topic" select="/page/topic"/>
    <div class="intro">
      <h1><xsl:call-template name="page-title"/></h1>
      <xsl:if test="normalize-space($topic/description)">
        <p class="lead"><xsl:copy-of select="$topic/description/node()"/></p>
      </xsl:if>
    </div>

    <xsl:choose>
      <xsl:when test="/page/articles/article-ref">
        <section class="topic-articles" aria-labelledby="topic-articles-heading">
          <h2 id="topic-articles-heading">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'topic-articles'"/></xsl:call-template>
          </h2>
          <xsl:call-template name="listing">
            <xsl:with-param name="refs" select="/page/articles/article-ref"/>
            <xsl:with-param name="level" select="3"/>
          </xsl:call-template>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'topic-empty'"/></xsl:call-template>
        </p>
        <xsl:call-template name="other-topics">
          <xsl:with-param name="current" select="string($topic/@id)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="other-topics">
    <xsl:param name="current"/>
    <xsl:variable name="others" select="$site/topics/topic[@id != $current]"/>
    <xsl:if test="$others">
      <nav class="other-topics" aria-labelledby="other-topics-heading">
        <h2 id="other-topics-heading">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'other-topics'"/></xsl:call-template>
        </h2>
        <ul role="list">
          <xsl:for-each select="$others">
            <li><a href="{@href}"><xsl:copy-of select="title/node()"/></a></li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
