<?xml version="1.0" encoding="UTF-8"?>
<!--
  topic.xsl: the articles of one topic (/topics/<topic>/).
  h1 = the topic's title, its description, then its articles; a topic
  without articles says so and points to the other topics. A long list is
  split into pages (/topics/<topic>/page/<n>/): the page XML then has
  <pagination>, and each page links to the newer and older ones.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="layout.xsl"/>

  <xsl:template name="content">
    <xsl:variable name="topic" select="/page/topic"/>
    <xsl:call-template name="breadcrumbs"/>
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
          <xsl:apply-templates select="/page/pagination" mode="status"/>
          <xsl:call-template name="listing">
            <xsl:with-param name="refs" select="/page/articles/article-ref"/>
            <xsl:with-param name="level" select="3"/>
          </xsl:call-template>
          <xsl:apply-templates select="/page/pagination"/>
        </section>
        <xsl:call-template name="reviewed-note">
          <xsl:with-param name="id" select="'topic-reviewed'"/>
          <xsl:with-param name="d" select="$topic/reviewed"/>
        </xsl:call-template>
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

  <!-- "Page 2 of 80", under the list's heading -->
  <xsl:template match="pagination" mode="status">
    <p class="pagination-status">
      <xsl:call-template name="str">
        <xsl:with-param name="id" select="'page-of'"/>
        <xsl:with-param name="arg1" select="string(@current)"/>
        <xsl:with-param name="arg2" select="string(@count)"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <!-- Links to the newest, newer, older and oldest pages of the list -->
  <xsl:template match="pagination">
    <nav class="pagination" aria-labelledby="pagination-heading">
      <h2 id="pagination-heading" class="pagination-heading">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'pagination'"/></xsl:call-template>
      </h2>
      <ul role="list">
        <xsl:if test="@first">
          <li><a class="pill" href="{@first}">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'page-newest'"/></xsl:call-template>
          </a></li>
        </xsl:if>
        <xsl:if test="@prev">
          <li><a class="pill" href="{@prev}" rel="prev">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'page-newer'"/></xsl:call-template>
          </a></li>
        </xsl:if>
        <xsl:if test="@next">
          <li><a class="pill" href="{@next}" rel="next">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'page-older'"/></xsl:call-template>
          </a></li>
        </xsl:if>
        <xsl:if test="@last">
          <li><a class="pill" href="{@last}">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'page-oldest'"/></xsl:call-template>
          </a></li>
        </xsl:if>
      </ul>
    </nav>
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
