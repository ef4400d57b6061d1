<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl: the page skeleton shared by every page kind.

  Each kind's stylesheet imports this file and overrides the named template
  "content", which fills <main>. See README.md for the page XML and for the
  templates a kind may call or override here:

    content          (required)  the page's own content, with its single <h1>
    page-title       (optional)  the page title as text, for <title> and <h1>
    str              look up an interface string in strings.xml
    date             format a <date>-like element as <time>
    article-count    "3 articles" in the page's language
    listing          a <ul> of <article-ref> elements

  No language, URL or site name is fixed here: all of them come from the
  page XML or from strings.xml.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:suture="urn:suture:xslt"
    exclude-result-prefixes="suture">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- ===================================================================
       Globals
       =================================================================== -->

  <xsl:variable name="page" select="/page"/>
  <xsl:variable name="kind" select="string(/page/@kind)"/>
  <xsl:variable name="site" select="/page/site"/>

  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ_'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz-'"/>

  <!-- the page's language, lower case ("ko-KR" becomes "ko-kr"), and its
       primary subtag ("ko") for the fallback in the string look-up -->
  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="normalize-space(/page/@lang)">
        <xsl:value-of select="translate(normalize-space(/page/@lang), $upper, $lower)"/>
      </xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="lang-primary" select="substring-before(concat($lang, '-'), '-')"/>

  <!-- resolved against this stylesheet's own location: templates/strings.xml -->
  <xsl:variable name="strings" select="document('strings.xml')/strings"/>

  <!-- ===================================================================
       Interface strings
       =================================================================== -->

  <!-- Writes the string $id in the page's language (falling back to the
       primary subtag, then to "en"), with <slot n="1|2|3"/> replaced by
       $arg1..$arg3. An argument may be a string, a node-set (its nodes are
       copied: pass reviewer/node(), not reviewer) or a result tree fragment.
       $in-lang asks for another language than the page's (the language
       switch, the 404 page's parts); the caller then marks the text's lang. -->
  <!-- The look-up: suture:string(), which suture provides (templates/
       README.md), or the same in plain XPath for other processors (xsltproc
       in examples/render.sh): the <t> of <str id="$id"> in the page's
       language (or $in-lang), else its primary subtag, else "en". -->
  <xsl:template name="str">
    <xsl:param name="id"/>
    <xsl:param name="arg1" select="''"/>
    <xsl:param name="arg2" select="''"/>
    <xsl:param name="arg3" select="''"/>
    <!-- in another language than the page's: a language code (any case) -->
    <xsl:param name="in-lang" select="$lang"/>
    <xsl:variable name="want" select="translate(normalize-space($in-lang), $upper, $lower)"/>
    <xsl:variable name="want-primary" select="substring-before(concat($want, '-'), '-')"/>
    <xsl:choose>
      <xsl:when test="function-available('suture:string')">
        <xsl:call-template name="str-write">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="t" select="suture:string($strings, $id, $want)"/>
          <xsl:with-param name="arg1" select="$arg1"/>
          <xsl:with-param name="arg2" select="$arg2"/>
          <xsl:with-param name="arg3" select="$arg3"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="str" select="$strings/str[@id = $id]"/>
        <xsl:variable name="t-exact" select="$str/t[translate(@lang, $upper, $lower) = $want]"/>
        <xsl:variable name="t-primary" select="$str/t[translate(@lang, $upper, $lower) = $want-primary]"/>
        <xsl:variable name="t-en" select="$str/t[@lang = 'en']"/>
        <xsl:call-template name="str-write">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="t" select="($t-exact | $t-primary[not($t-exact)] | $t-en[not($t-exact | $t-primary)])[1]"/>
          <xsl:with-param name="arg1" select="$arg1"/>
          <xsl:with-param name="arg2" select="$arg2"/>
          <xsl:with-param name="arg3" select="$arg3"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Writes the string $t found for $id, its slots filled. -->
  <xsl:template name="str-write">
    <xsl:param name="id"/>
    <xsl:param name="t"/>
    <xsl:param name="arg1"/>
    <xsl:param name="arg2"/>
    <xsl:param name="arg3"/>
    <xsl:if test="not($t) and not($strings/str[@id = $id])">
      <xsl:message terminate="yes">
        <xsl:text>templates/strings.xml: no string with id '</xsl:text>
        <xsl:value-of select="$id"/>
        <xsl:text>'</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$t/node()" mode="str">
      <xsl:with-param name="arg1" select="$arg1"/>
      <xsl:with-param name="arg2" select="$arg2"/>
      <xsl:with-param name="arg3" select="$arg3"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="text()" mode="str">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="str"/>

  <xsl:template match="slot" mode="str">
    <xsl:param name="arg1"/>
    <xsl:param name="arg2"/>
    <xsl:param name="arg3"/>
    <xsl:choose>
      <xsl:when test="@n = 1"><xsl:copy-of select="$arg1"/></xsl:when>
      <xsl:when test="@n = 2"><xsl:copy-of select="$arg2"/></xsl:when>
      <xsl:when test="@n = 3"><xsl:copy-of select="$arg3"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================================
       Dates, counts, listings
       =================================================================== -->

  <!-- <date iso="2026-11-20" year="2026" month="11" day="20"/> becomes
       <time datetime="2026-11-20">20 November 2026</time> (en) or
       <time datetime="2026-11-20">2026년 11월 20일</time> (ko).
       When the generator gives @text (the date formatted with the language's
       date_format from site.yaml), that text is used as it is; otherwise the
       string "date" formats it, missing year/month/day attributes taken from @iso. -->
  <xsl:template name="date">
    <xsl:param name="d" select="."/>
    <xsl:if test="$d">
      <xsl:variable name="iso" select="normalize-space($d/@iso)"/>
      <xsl:variable name="year">
        <xsl:choose>
          <xsl:when test="$d/@year"><xsl:value-of select="number($d/@year)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="number(substring($iso, 1, 4))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="month">
        <xsl:choose>
          <xsl:when test="$d/@month"><xsl:value-of select="number($d/@month)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="number(substring($iso, 6, 2))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="day">
        <xsl:choose>
          <xsl:when test="$d/@day"><xsl:value-of select="number($d/@day)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="number(substring($iso, 9, 2))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <time datetime="{$iso}">
        <xsl:choose>
          <xsl:when test="normalize-space($d/@text)">
            <xsl:value-of select="normalize-space($d/@text)"/>
          </xsl:when>
          <xsl:when test="$month &gt;= 1 and $month &lt;= 12 and $day &gt;= 1 and $day &lt;= 31 and number($year) = number($year)">
            <xsl:call-template name="str">
              <xsl:with-param name="id" select="'date'"/>
              <xsl:with-param name="arg1" select="$day"/>
              <xsl:with-param name="arg2">
                <xsl:call-template name="str">
                  <xsl:with-param name="id" select="concat('month-', $month)"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="arg3" select="$year"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
        </xsl:choose>
      </time>
    </xsl:if>
  </xsl:template>

  <!-- "No articles yet" / "1 article" / "3 articles" -->
  <xsl:template name="article-count">
    <xsl:param name="n" select="0"/>
    <xsl:choose>
      <xsl:when test="number($n) = 1">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'article-count-1'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="number($n) &gt; 1">
        <xsl:call-template name="str">
          <xsl:with-param name="id" select="'article-count-n'"/>
          <xsl:with-param name="arg1" select="number($n)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="str"><xsl:with-param name="id" select="'article-count-0'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A list of <article-ref> elements (home, topic, related articles).
       $level is the heading level of each item's title. -->
  <xsl:template name="listing">
    <xsl:param name="refs"/>
    <xsl:param name="level" select="3"/>
    <ul class="listing" role="list">
      <xsl:for-each select="$refs">
        <li class="listing-item">
          <xsl:call-template name="lang-attrs"/>
          <xsl:element name="h{$level}">
            <xsl:attribute name="class">listing-title</xsl:attribute>
            <a href="{@href}"><xsl:copy-of select="title/node()"/></a>
          </xsl:element>
          <xsl:if test="normalize-space(summary)">
            <p class="listing-summary"><xsl:copy-of select="summary/node()"/></p>
          </xsl:if>
          <xsl:if test="date or reviewed">
            <p class="listing-meta">
              <!-- the dates' words are the page's, in an item in another language -->
              <xsl:if test="normalize-space(@lang) and translate(normalize-space(@lang), $upper, $lower) != $lang">
                <xsl:attribute name="lang"><xsl:value-of select="/page/@lang"/></xsl:attribute>
                <xsl:attribute name="dir">
                  <xsl:choose>
                    <xsl:when test="/page/@dir = 'rtl'">rtl</xsl:when>
                    <xsl:otherwise>ltr</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
              </xsl:if>
              <xsl:if test="date">
                <span>
                  <xsl:call-template name="str">
                    <xsl:with-param name="id" select="'published'"/>
                    <xsl:with-param name="arg1">
                      <xsl:call-template name="date"><xsl:with-param name="d" select="date"/></xsl:call-template>
                    </xsl:with-param>
                  </xsl:call-template>
                </span>
              </xsl:if>
              <xsl:if test="reviewed and not(reviewed/@iso = date/@iso)">
                <xsl:if test="date"><xsl:text> </xsl:text><span aria-hidden="true" class="sep">·</span><xsl:text> </xsl:text></xsl:if>
                <span>
                  <xsl:call-template name="str">
                    <xsl:with-param name="id" select="'last-reviewed'"/>
                    <xsl:with-param name="arg1">
                      <xsl:call-template name="date"><xsl:with-param name="d" select="reviewed"/></xsl:call-template>
                    </xsl:with-param>
                  </xsl:call-template>
                </span>
              </xsl:if>
            </p>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ===================================================================
       Languages (/page/languages, /page/x-default; absent on a site in one
       language, and then nothing here writes anything)
       =================================================================== -->

  <!-- lang and dir on the element being written, for text in another
       language than the page's (an English title in a Korean list): nothing
       when $code is empty or the page's language. dir is $dir when given,
       else the @dir of that language in /page/languages, else rtl for a
       language written right to left, else ltr. -->
  <xsl:template name="lang-attrs">
    <xsl:param name="code" select="@lang"/>
    <xsl:param name="dir" select="@dir"/>
    <xsl:variable name="c" select="translate(normalize-space($code), $upper, $lower)"/>
    <xsl:if test="$c != '' and $c != $lang">
      <xsl:variable name="declared"
                    select="/page/languages/language[translate(@code, $upper, $lower) = $c]/@dir"/>
      <xsl:variable name="primary" select="substring-before(concat($c, '-'), '-')"/>
      <xsl:attribute name="lang"><xsl:value-of select="normalize-space($code)"/></xsl:attribute>
      <xsl:attribute name="dir">
        <xsl:choose>
          <xsl:when test="$dir = 'rtl' or $dir = 'ltr'"><xsl:value-of select="$dir"/></xsl:when>
          <xsl:when test="$declared = 'rtl' or $declared = 'ltr'"><xsl:value-of select="$declared"/></xsl:when>
          <xsl:when test="contains(' ar he fa ur yi ps dv ckb sd ug syr ', concat(' ', $primary, ' '))">rtl</xsl:when>
          <xsl:otherwise>ltr</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The name of the language $code in the language $in-lang (the page's
       by default): the string lang-name-<code> when strings.xml has one
       ("영어" on a Korean page, "Korean" on an English one), else the
       language's own name from /page/languages ("English"), else $code. -->
  <xsl:template name="lang-name">
    <xsl:param name="code"/>
    <xsl:param name="in-lang" select="$lang"/>
    <xsl:variable name="c" select="translate(normalize-space($code), $upper, $lower)"/>
    <xsl:variable name="id" select="concat('lang-name-', $c)"/>
    <xsl:variable name="id-primary" select="concat('lang-name-', substring-before(concat($c, '-'), '-'))"/>
    <xsl:variable name="own" select="/page/languages/language[translate(@code, $upper, $lower) = $c]/@name"/>
    <xsl:choose>
      <xsl:when test="$strings/str[@id = $id]">
        <xsl:call-template name="str">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="in-lang" select="$in-lang"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$strings/str[@id = $id-primary]">
        <xsl:call-template name="str">
          <xsl:with-param name="id" select="$id-primary"/>
          <xsl:with-param name="in-lang" select="$in-lang"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="normalize-space($own)"><xsl:value-of select="normalize-space($own)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($code)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <link rel="alternate" hreflang> for every language this page exists
       in, itself included, and x-default; not on the 404 page, which has no
       address of its own. -->
  <xsl:template name="alternates">
    <xsl:if test="$kind != 'not-found'">
      <xsl:for-each select="/page/languages/language[@translated = 'yes' and normalize-space(@absolute)]">
        <link rel="alternate" hreflang="{@code}" href="{@absolute}"/>
      </xsl:for-each>
      <xsl:if test="/page/languages and normalize-space(/page/x-default/@absolute)">
        <link rel="alternate" hreflang="x-default" href="{/page/x-default/@absolute}"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The language switch in the header: a link to this page in each other
       language, its name in that language (lang and hreflang). Where the
       page has no translation (translated="no"), the link leads to that
       language's home and says so, in the page's language and in the
       other's: "English (이 글은 영어판이 없습니다 · English home page)".
       Plain links: no script, a list in a labelled <nav>. -->
  <xsl:template name="language-switch">
    <xsl:variable name="others" select="/page/languages/language[not(@current = 'yes') and normalize-space(@href)]"/>
    <xsl:if test="$others">
      <nav class="lang-switch">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'lang-switch-label'"/></xsl:call-template>
        </xsl:attribute>
        <ul role="list">
          <xsl:for-each select="$others">
            <xsl:variable name="name">
              <xsl:choose>
                <xsl:when test="normalize-space(@name)"><xsl:value-of select="normalize-space(@name)"/></xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="lang-name">
                    <xsl:with-param name="code" select="@code"/>
                    <xsl:with-param name="in-lang" select="@code"/>
                  </xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <li>
              <a href="{@href}" hreflang="{@code}" lang="{@code}">
                <xsl:call-template name="lang-attrs">
                  <xsl:with-param name="code" select="@code"/>
                </xsl:call-template>
                <span class="lang-switch-name"><xsl:value-of select="$name"/></span>
                <xsl:if test="@translated = 'no' and $kind != 'not-found'">
                  <xsl:text> </xsl:text>
                  <span class="lang-switch-note">
                    <xsl:text>(</xsl:text>
                    <span lang="{$page/@lang}">
                      <xsl:if test="$page/@dir = 'rtl' or $page/@dir = 'ltr'">
                        <xsl:attribute name="dir"><xsl:value-of select="$page/@dir"/></xsl:attribute>
                      </xsl:if>
                      <xsl:call-template name="str">
                        <xsl:with-param name="id" select="'lang-switch-untranslated'"/>
                        <xsl:with-param name="arg1">
                          <xsl:call-template name="lang-name"><xsl:with-param name="code" select="@code"/></xsl:call-template>
                        </xsl:with-param>
                      </xsl:call-template>
                    </span>
                    <xsl:text> · </xsl:text>
                    <xsl:call-template name="str">
                      <xsl:with-param name="id" select="'lang-switch-home'"/>
                      <xsl:with-param name="in-lang" select="@code"/>
                      <xsl:with-param name="arg1" select="$name"/>
                    </xsl:call-template>
                    <xsl:text>)</xsl:text>
                  </span>
                </xsl:if>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================================
       Titles and descriptions (a kind may override these)
       =================================================================== -->

  <!-- The page title as text. /page/title when the generator gives one;
       otherwise the interface string for the kind, so that a page whose
       title is not content (compare, glossary, 404) is still in the page's
       language. -->
  <xsl:template name="page-title">
    <xsl:choose>
      <xsl:when test="normalize-space(/page/title)">
        <xsl:value-of select="normalize-space(/page/title)"/>
      </xsl:when>
      <xsl:when test="$kind = 'compare'">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'compare'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'glossary'">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'glossary'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'not-found'">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'not-found-title'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'topic' and normalize-space(/page/topic/title)">
        <xsl:value-of select="normalize-space(/page/topic/title)"/>
      </xsl:when>
      <xsl:when test="$kind = 'article' and normalize-space(/page/article/title)">
        <xsl:value-of select="normalize-space(/page/article/title)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space($site/title)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="meta-description">
    <xsl:choose>
      <xsl:when test="normalize-space(/page/description)">
        <xsl:value-of select="normalize-space(/page/description)"/>
      </xsl:when>
      <xsl:when test="$kind = 'article' and normalize-space(/page/article/summary)">
        <xsl:value-of select="normalize-space(/page/article/summary)"/>
      </xsl:when>
      <xsl:when test="$kind = 'topic' and normalize-space(/page/topic/description)">
        <xsl:value-of select="normalize-space(/page/topic/description)"/>
      </xsl:when>
      <xsl:when test="$kind = 'compare'">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'compare-intro'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'glossary'">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'glossary-intro'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'not-found'">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'not-found-text'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space($site/description)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Extra elements for <head>; empty unless a kind overrides it. -->
  <xsl:template name="head-extra"/>

  <!-- Open Graph (https://ogp.me/): what a link preview in a chat or social
       app shows. Not on the 404 page, which has no address of its own. -->
  <xsl:template name="open-graph">
    <xsl:param name="title"/>
    <xsl:param name="description"/>
    <xsl:param name="site-title"/>
    <xsl:if test="$kind != 'not-found'">
      <meta property="og:type">
        <xsl:attribute name="content">
          <xsl:choose>
            <xsl:when test="$kind = 'article'">article</xsl:when>
            <xsl:otherwise>website</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </meta>
      <meta property="og:title" content="{$title}"/>
      <xsl:if test="normalize-space($description)">
        <meta property="og:description" content="{normalize-space($description)}"/>
      </xsl:if>
      <xsl:if test="normalize-space(/page/canonical)">
        <meta property="og:url" content="{normalize-space(/page/canonical)}"/>
      </xsl:if>
      <meta property="og:site_name" content="{$site-title}"/>
      <xsl:variable name="current" select="/page/languages/language[@current = 'yes']"/>
      <xsl:if test="normalize-space($current/@og-locale)">
        <meta property="og:locale" content="{$current/@og-locale}"/>
        <xsl:for-each select="/page/languages/language[not(@current = 'yes') and @translated = 'yes' and normalize-space(@og-locale)]">
          <meta property="og:locale:alternate" content="{@og-locale}"/>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test="$kind = 'article'">
        <xsl:if test="/page/article/date/@iso">
          <meta property="article:published_time" content="{/page/article/date/@iso}"/>
        </xsl:if>
        <xsl:if test="/page/article/reviewed/@iso">
          <meta property="article:modified_time" content="{/page/article/reviewed/@iso}"/>
        </xsl:if>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- A kind that forgets to override "content" fails loudly. -->
  <xsl:template name="content">
    <xsl:message terminate="yes">
      <xsl:text>templates: the stylesheet for page kind '</xsl:text>
      <xsl:value-of select="$kind"/>
      <xsl:text>' does not define the template named 'content'</xsl:text>
    </xsl:message>
  </xsl:template>

  <!-- ===================================================================
       The skeleton
       =================================================================== -->

  <xsl:template match="/">
    <xsl:if test="not(page)">
      <xsl:message terminate="yes">templates: the page XML's document element must be &lt;page&gt;</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="page"/>
  </xsl:template>

  <xsl:template match="/page">
    <xsl:variable name="title">
      <xsl:call-template name="page-title"/>
    </xsl:variable>
    <xsl:variable name="site-title" select="normalize-space($site/title)"/>
    <xsl:variable name="description">
      <xsl:call-template name="meta-description"/>
    </xsl:variable>

    <html lang="{@lang}">
      <xsl:attribute name="dir">
        <xsl:choose>
          <xsl:when test="@dir = 'rtl'">rtl</xsl:when>
          <xsl:otherwise>ltr</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="$title"/>
          <xsl:if test="$kind != 'home' and $title != $site-title">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'title-separator'"/></xsl:call-template>
            <xsl:value-of select="$site-title"/>
          </xsl:if>
        </title>
        <xsl:if test="normalize-space($description)">
          <meta name="description" content="{normalize-space($description)}"/>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$kind = 'not-found'">
            <meta name="robots" content="noindex"/>
          </xsl:when>
          <xsl:when test="normalize-space(canonical)">
            <link rel="canonical" href="{normalize-space(canonical)}"/>
          </xsl:when>
        </xsl:choose>
        <xsl:call-template name="alternates"/>
        <xsl:call-template name="open-graph">
          <xsl:with-param name="title" select="$title"/>
          <xsl:with-param name="description" select="$description"/>
          <xsl:with-param name="site-title" select="$site-title"/>
        </xsl:call-template>
        <!-- the generator's schema.org JSON-LD, already escaped for a script
             element (a data block: browsers never run it) -->
        <xsl:for-each select="/page/article/structured-data">
          <script type="{@type}"><xsl:value-of select="."/></script>
        </xsl:for-each>
        <link rel="stylesheet" href="{$site/assets}site.css"/>
        <!-- the site's icon (a browser asks for /favicon.ico without it) and the colour a
             phone gives its address bar: the brand colour of site.css -->
        <link rel="icon" href="{$site/assets}favicon.svg" type="image/svg+xml"/>
        <link rel="icon" href="{$site/assets}favicon-32.png" sizes="32x32" type="image/png"/>
        <meta name="theme-color" content="#0b4f5c"/>
        <!-- Escape and focus for the header's menu, the contents open on a wide screen
             where CSS cannot do it: nothing depends on it -->
        <script src="{$site/assets}site.js" defer="defer"></script>
        <xsl:if test="normalize-space($site/links/@feed)">
          <link rel="alternate" type="application/atom+xml" href="{$site/links/@feed}">
            <xsl:attribute name="title">
              <xsl:call-template name="str">
                <xsl:with-param name="id" select="'feed-title'"/>
                <xsl:with-param name="arg1" select="$site-title"/>
              </xsl:call-template>
            </xsl:attribute>
          </link>
        </xsl:if>
        <xsl:if test="normalize-space(@generator)">
          <meta name="generator" content="{@generator}"/>
        </xsl:if>
        <xsl:call-template name="head-extra"/>
      </head>
      <body class="kind-{$kind}">
        <a class="skip-link" href="#main">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'skip-link'"/></xsl:call-template>
        </a>
        <xsl:call-template name="site-header"/>
        <main id="main">
          <xsl:call-template name="content"/>
          <div id="medical-disclaimer"/>
        </main>
        <xsl:call-template name="site-footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="site-header">
    <header class="site-header">
      <a class="site-title" href="{$site/root}">
        <xsl:if test="$kind = 'home'">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="normalize-space($site/title)"/>
      </a>
      <xsl:call-template name="language-switch"/>
      <!-- The menu: search and navigation. On a phone a "Menu" button (a <details>: it
           opens and closes without JavaScript; assets/site.js adds Escape and focus);
           from 40em the button is hidden and its content shown in the header line
           (site.css, ::details-content), or opened by site.js where that is not
           supported. -->
      <details class="site-menu">
        <summary class="site-menu-button">
          <span class="site-menu-icon" aria-hidden="true"></span>
          <span class="site-menu-text">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'menu'"/></xsl:call-template>
          </span>
        </summary>
      <!-- Search, after the site title (on a wide screen they share the first line, the
           navigation below). A plain GET form: it works without JavaScript, and
           /search/?q=… lists the results when search.js runs there. The label wraps
           the input so that no id is needed (article pages keep ids for headings).
           Not on the search page itself, whose own form is the one to use. -->
      <xsl:if test="normalize-space($site/links/@search) and $kind != 'search'">
        <form class="site-search" role="search" method="get" action="{$site/links/@search}">
          <xsl:attribute name="aria-label">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'site-search-label'"/></xsl:call-template>
          </xsl:attribute>
          <label class="site-search-label">
            <span class="site-search-text">
              <xsl:call-template name="str"><xsl:with-param name="id" select="'site-search-text'"/></xsl:call-template>
            </span>
            <input class="site-search-input" type="search" name="q" enterkeyhint="search"/>
          </label>
          <button class="site-search-button" type="submit">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'site-search-submit'"/></xsl:call-template>
          </button>
        </form>
      </xsl:if>
      <nav class="site-nav">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="str"><xsl:with-param name="id" select="'site-nav-label'"/></xsl:call-template>
        </xsl:attribute>
        <ul role="list">
          <xsl:for-each select="$site/topics/topic">
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="string(@href)"/>
              <xsl:with-param name="label" select="title/node()"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:if test="normalize-space($site/links/@compare)">
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="string($site/links/@compare)"/>
              <xsl:with-param name="label">
                <xsl:call-template name="str"><xsl:with-param name="id" select="'compare'"/></xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="normalize-space($site/links/@glossary)">
            <xsl:call-template name="nav-item">
              <xsl:with-param name="href" select="string($site/links/@glossary)"/>
              <xsl:with-param name="label">
                <xsl:call-template name="str"><xsl:with-param name="id" select="'glossary'"/></xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
        </ul>
      </nav>
      </details>
    </header>
  </xsl:template>

  <xsl:template name="nav-item">
    <xsl:param name="href"/>
    <xsl:param name="label"/>
    <li>
      <a href="{$href}">
        <xsl:if test="$href = string(/page/url)">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:copy-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <!-- "… last reviewed: <date>" under a page's content: the string $id with the date
       $d (a <date>-like element) in slot 1; nothing without $d. -->
  <xsl:template name="reviewed-note">
    <xsl:param name="id"/>
    <xsl:param name="d" select="/.."/>
    <xsl:if test="$d">
      <footer class="review-dates">
        <p>
          <xsl:call-template name="str">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="arg1">
              <xsl:call-template name="date"><xsl:with-param name="d" select="$d"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </p>
      </footer>
    </xsl:if>
  </xsl:template>

  <!-- Breadcrumbs (article and topic pages): the home page, then $parent (an element
       with @href whose text is its title: an article's first topic), if any. The page
       itself is left out: its <h1> follows. -->
  <xsl:template name="breadcrumbs">
    <xsl:param name="parent" select="/.."/>
    <nav class="breadcrumbs">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'breadcrumb-label'"/></xsl:call-template>
      </xsl:attribute>
      <ol role="list">
        <li>
          <a href="{$site/root}">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'breadcrumb-home'"/></xsl:call-template>
          </a>
        </li>
        <xsl:for-each select="$parent[normalize-space(@href)]">
          <li>
            <a href="{@href}"><xsl:call-template name="lang-attrs"/><xsl:value-of select="normalize-space(.)"/></a>
          </li>
        </xsl:for-each>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template name="site-footer">
    <footer class="site-footer">
      <!-- "#top" is the top of the document (HTML), whatever the page's ids -->
      <xsl:if test="$kind != 'not-found'">
        <p class="back-to-top">
          <a href="#top">
            <xsl:call-template name="str"><xsl:with-param name="id" select="'back-to-top'"/></xsl:call-template>
          </a>
        </p>
      </xsl:if>
      <p class="footer-title">
        <a href="{$site/root}"><xsl:value-of select="normalize-space($site/title)"/></a>
      </p>
      <xsl:if test="normalize-space($site/description)">
        <p class="footer-description"><xsl:value-of select="normalize-space($site/description)"/></p>
      </xsl:if>
      <ul class="footer-links" role="list">
        <xsl:if test="normalize-space($site/links/@compare)">
          <li>
            <a href="{$site/links/@compare}">
              <xsl:call-template name="str"><xsl:with-param name="id" select="'compare'"/></xsl:call-template>
            </a>
          </li>
        </xsl:if>
        <xsl:if test="normalize-space($site/links/@glossary)">
          <li>
            <a href="{$site/links/@glossary}">
              <xsl:call-template name="str"><xsl:with-param name="id" select="'glossary'"/></xsl:call-template>
            </a>
          </li>
        </xsl:if>
        <xsl:for-each select="$site/pages/page">
          <li>
            <a href="{@href}">
              <xsl:if test="@href = /page/url">
                <xsl:attribute name="aria-current">page</xsl:attribute>
              </xsl:if>
              <xsl:value-of select="normalize-space(.)"/>
            </a>
          </li>
        </xsl:for-each>
        <xsl:if test="normalize-space($site/links/@feed)">
          <li>
            <a href="{$site/links/@feed}" type="application/atom+xml">
              <xsl:call-template name="str"><xsl:with-param name="id" select="'feed'"/></xsl:call-template>
            </a>
          </li>
        </xsl:if>
      </ul>
      <xsl:if test="$kind != 'not-found' and normalize-space(/page/canonical)">
        <p class="print-only">
          <xsl:call-template name="str">
            <xsl:with-param name="id" select="'online-at'"/>
            <xsl:with-param name="arg1" select="normalize-space(/page/canonical)"/>
          </xsl:call-template>
        </p>
      </xsl:if>
    </footer>
  </xsl:template>

  <!-- A comparison table (<div class="comparison-wrap">, templates/README.md) as the
       generator made it, with the words only the templates know: a heading over its
       notes (<h{$level}>, string comparison-notes) and the name of each note's link back
       to its cell (comparison-note-back, with the note's number). -->
  <xsl:template match="node() | @*" mode="comparison">
    <xsl:param name="level" select="3"/>
    <xsl:copy>
      <xsl:apply-templates select="@* | node()" mode="comparison">
        <xsl:with-param name="level" select="$level"/>
      </xsl:apply-templates>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="ol[@class='comparison-notes']" mode="comparison">
    <xsl:param name="level" select="3"/>
    <xsl:element name="h{$level}">
      <xsl:attribute name="class">comparison-notes-heading</xsl:attribute>
      <xsl:attribute name="id"><xsl:value-of select="../table/@id"/>-notes</xsl:attribute>
      <xsl:call-template name="str"><xsl:with-param name="id" select="'comparison-notes'"/></xsl:call-template>
    </xsl:element>
    <ol class="comparison-notes" aria-labelledby="{../table/@id}-notes">
      <xsl:apply-templates select="node()" mode="comparison"/>
    </ol>
  </xsl:template>

  <xsl:template match="a[@class='comparison-note-back']" mode="comparison">
    <a class="comparison-note-back" href="{@href}">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="str">
          <xsl:with-param name="id" select="'comparison-note-back'"/>
          <xsl:with-param name="arg1" select="count(../preceding-sibling::li) + 1"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:copy-of select="node()"/>
    </a>
  </xsl:template>

  <!-- <sources><source n lang>: what the citations of the page's text (an article's body,
       the glossary's definitions, a comparison table's notes) (<sup class="citation"> links to #source-N, described by #sources) point to, numbered in the order first cited, in
       the style of the NLM (Vancouver): authors, title, journal or publisher, year, then
       the DOI and the PubMed record as links. Each entry links back to its first
       citation (#cite-N). The title keeps its own language (@lang). -->
  <xsl:template match="sources">
    <section class="sources" aria-labelledby="sources">
      <h2 id="sources">
        <xsl:call-template name="str"><xsl:with-param name="id" select="'sources'"/></xsl:call-template>
      </h2>
      <ol class="source-list">
        <xsl:for-each select="source">
          <li id="source-{@n}">
            <span lang="{@lang}">
              <xsl:value-of select="authors"/>
              <xsl:if test="substring(authors, string-length(authors)) != '.'">
                <xsl:text>.</xsl:text>
              </xsl:if>
              <xsl:text> </xsl:text>
              <xsl:value-of select="title"/>
              <xsl:if test="not(contains('.?!', substring(title, string-length(title))))">
                <xsl:text>.</xsl:text>
              </xsl:if>
              <xsl:text> </xsl:text>
              <i><xsl:value-of select="journal | publisher"/></i>
              <xsl:text>. </xsl:text>
            </span>
            <xsl:value-of select="year"/>
            <xsl:text>.</xsl:text>
            <xsl:if test="doi">
              <xsl:text> </xsl:text>
              <a class="source-link" href="{doi/@href}">doi:<xsl:value-of select="doi"/></a>
            </xsl:if>
            <xsl:if test="pmid">
              <xsl:text> </xsl:text>
              <a class="source-link" href="{pmid/@href}">
                <xsl:call-template name="str">
                  <xsl:with-param name="id" select="'pubmed-record'"/>
                  <xsl:with-param name="arg1" select="string(pmid)"/>
                </xsl:call-template>
              </a>
            </xsl:if>
            <xsl:if test="url and not(doi) and not(pmid)">
              <xsl:text> </xsl:text>
              <a class="source-link" href="{url/@href}"><xsl:value-of select="url"/></a>
            </xsl:if>
            <xsl:text> </xsl:text>
            <xsl:variable name="back">
              <xsl:call-template name="str">
                <xsl:with-param name="id" select="'back-to-citation'"/>
                <xsl:with-param name="arg1" select="string(@n)"/>
              </xsl:call-template>
            </xsl:variable>
            <a class="back-to-citation" href="#cite-{@n}" aria-label="{normalize-space($back)}">↩</a>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

</xsl:stylesheet>
