package io.waymark.platform.api;

import io.waymark.platform.error.WaymarkException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The body of an {@link Endpoint.Body#XML} endpoint, parsed before the resource runs ({@link
 * Filter}) and handed to it as its root element ({@link #of}). The parser refuses what an attacker
 * would use: any DOCTYPE (so no entity, internal or external, can be declared: no XXE, no entity
 * expansion), external DTDs and schemas, XInclude, and more than {@link #MAX_BYTES}. All of that,
 * an empty body and anything not well-formed is 400 {@code malformed_xml} in the JSON error shape.
 * The JDK's own parser is used ({@code newDefaultInstance}), whatever the server configures.
 */
public final class XmlBody {

  /** The largest body read: 64 KiB (SPEC §7). */
  public static final int MAX_BYTES = 64 * 1024;

  private static final String PROPERTY = "waymark.xml-body";
  private static final DocumentBuilderFactory FACTORY = factory();

  private XmlBody() {}

  /** The root element the filter parsed for this request. */
  public static Element of(ContainerRequestContext request) {
    Object root = request.getProperty(PROPERTY);
    if (root instanceof Element element) {
      return element;
    }
    throw new IllegalStateException("not an XML endpoint: declare @Endpoint(body = Body.XML)");
  }

  public static WaymarkException malformed() {
    return new WaymarkException(400, "malformed_xml", "Malformed XML");
  }

  /** The document's root element; reads at most {@link #MAX_BYTES} + 1 bytes of {@code body}. */
  public static Element parse(InputStream body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
    if (bytes.length == 0 || bytes.length > MAX_BYTES) {
      throw malformed();
    }
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) { // a factory is not promised to be thread-safe
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(THROWING);
      // no entity is ever resolved: a DOCTYPE is refused before, this is the second lock
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused");
          });
      return builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    } catch (SAXException e) {
      throw malformed();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(false);
    return factory;
  }

  /** Fails on every problem instead of printing it to standard error. */
  private static final ErrorHandler THROWING =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // a warning is no failure
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  /**
   * Parses the body of an XML endpoint after its authentication (a refused caller's body is never
   * parsed) and keeps the root element for the resource.
   */
  static final class Filter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) throws IOException {
      request.setProperty(PROPERTY, parse(request.getEntityStream()));
    }
  }
}
