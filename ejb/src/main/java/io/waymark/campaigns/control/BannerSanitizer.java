package io.waymark.campaigns.control;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The allow-list banner HTML is cleaned to (jsoup's {@link Safelist}): the formatting a banner
 * needs — paragraphs, line breaks, bold, italic, underline, headings, lists, {@code span} and
 * {@code div} with a {@code class}, links to http, https and mailto URLs (given {@code
 * rel="nofollow noopener"}), images from https URLs with their {@code alt} text. Everything else
 * goes: scripts, styles ({@code <style>} and {@code style=}), event handlers, {@code javascript:}
 * and relative URLs, iframes, forms. The HTML is parsed as a browser would (HTML5), so markup that
 * is only dangerous after a browser's error correction is cleaned too.
 */
public final class BannerSanitizer {

  private static final Safelist BANNER =
      new Safelist()
          .addTags(
              "p", "br", "strong", "b", "em", "i", "u", "span", "div", "a", "img", "h1", "h2", "h3",
              "h4", "h5", "h6", "ul", "ol", "li")
          .addAttributes("a", "href", "title")
          .addProtocols("a", "href", "http", "https", "mailto")
          .addEnforcedAttribute("a", "rel", "nofollow noopener")
          .addAttributes("img", "src", "alt")
          .addProtocols("img", "src", "https")
          .addAttributes("span", "class")
          .addAttributes("div", "class");

  // the operator's own line breaks and indentation are kept
  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings().prettyPrint(false);

  private BannerSanitizer() {}

  /** The HTML with only the allowed markup left; null stays null. */
  public static String sanitize(String html) {
    if (html == null) {
      return null;
    }
    // no base URI: a relative link or image has no meaning where a banner is shown, and is removed
    return Jsoup.clean(html, "", BANNER, OUTPUT);
  }
}
