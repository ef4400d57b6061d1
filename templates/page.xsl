<?xml version="1.0" encoding="UTF-8"?>
<!--
  page.xsl: a site page of content/pages/ (About this site, Editorial policy, Contact,
  Privacy, Accessibility statement).
  h1 and the summary as a lead, the clinic's details when the page asks for them
  (clinic_details in its front matter: name, address, phone, registration, from
  site.yaml), the body as the generator rendered it, its sources, then when the page
  was last reviewed.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="layout.xsl"/>

  <xsl:template name="content">
    <xsl:variable name="p" select="/page/site-page"/>
    <article class="site-page">
      <div class="intro">
        <h1><xsl:value-of select="normalize-space($p/title)"/></h1>
        <p class="lead"><xsl:value-of select="normalize-space($p/summary)"/></p>
      </div>
      <xsl:apply-templates select="$p/clinic[*]"/>
      <div class="article-body">
        <xsl:copy-of select="$p/body/node()"/>
      </div>
      <xsl:apply-templates select="/page/sources[source]"/>
      <footer class="review-dates">
        <p>
          <xsl:call-template name="str">
            <xsl:with-param name="id" select="'page-last-reviewed'"/>
            <xsl:with-param name="arg1">
              <xsl:call-template name="date"><xsl:with-param name="d" select="$p/reviewed"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </p>
      </footer>
    </article>
  </xsl:template>

  <!-- <clinic><name/><address/><phone/><registration/></clinic>: who publishes the site
       and how to reach it, as a definition list; the phone number is a tel: link. -->
  <xsl:template match="clinic">
    <section class="clinic-details" aria-labelledby="clinic-details">
      <h2 id="clinic-details">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'clinic-details'"/></xsl:call-template>
      </h2>
      <dl>
        <xsl:if test="name">
          <dt><xsl:call-template name="str"><xsl:with-param name="id" select="'clinic-name'"/></xsl:call-template></dt>
          <dd><xsl:value-of select="name"/></dd>
        </xsl:if>
        <xsl:if test="address">
          <dt><xsl:call-template name="str"><xsl:with-param name="id" select="'clinic-address'"/></xsl:call-template></dt>
          <dd><xsl:value-of select="address"/></dd>
        </xsl:if>
        <xsl:if test="phone">
          <dt><xsl:call-template name="str"><xsl:with-param name="id" select="'clinic-phone'"/></xsl:call-template></dt>
          <dd><a href="tel:{translate(phone, ' -()', '')}"><xsl:value-of select="phone"/></a></dd>
        </xsl:if>
        <xsl:if test="registration">
          <dt><xsl:call-template name="str"><xsl:with-param name="id" select="'clinic-registration'"/></xsl:call-template></dt>
          <dd><xsl:value-of select="registration"/></dd>
        </xsl:if>
      </dl>
    </section>
  </xsl:template>

</xsl:stylesheet>
