package jp.muniflow.modeling.internal.gate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Reads a model's XML for the gate without ever resolving a DOCTYPE, an entity or an include. */
final class XmlResources {

  private XmlResources() {
  }

  /**
   * Whether the raw bytes declare a DOCTYPE or an entity, in any of the encodings an XML parser would accept. Checked
   * before any parser sees the bytes; the parser below also refuses a DOCTYPE, as a second wall.
   */
  static boolean declaresDoctype(byte[] bytes) {
    for (var charset : new java.nio.charset.Charset[] {StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
        StandardCharsets.UTF_16LE, java.nio.charset.Charset.forName("UTF-32BE"), java.nio.charset.Charset.forName("UTF-32LE"),
        StandardCharsets.ISO_8859_1}) {
      String text = new String(bytes, charset).toUpperCase(Locale.ROOT);
      if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
        return true;
      }
    }
    return false;
  }

  static Document parse(byte[] bytes) throws IOException, SAXException {
    DocumentBuilder builder = factory().newBuilder();
    builder.setErrorHandler(new DefaultHandler());
    builder.setEntityResolver((publicId, systemId) -> {
      throw new SAXException("external entities are not resolved");
    });
    return builder.parse(new ByteArrayInputStream(bytes));
  }

  private static SafeFactory factory() {
    return new SafeFactory();
  }

  /**
   * The id of the element or of its nearest ancestor that the modeler shows as a shape or a table cell: Camunda's
   * extension elements (form fields, listeners) and event definitions are parts of the element that holds them.
   */
  static String nearestId(Element element) {
    for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
      String id = e.getAttribute("id");
      String ns = e.getNamespaceURI();
      boolean part = (ns != null && ns.startsWith("http://camunda.org/schema/"))
          || (e.getLocalName() != null && e.getLocalName().endsWith("EventDefinition"));
      if (!id.isBlank() && !part) {
        return id;
      }
    }
    return null;
  }

  /** The element's own text, without that of its child elements. */
  static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  /** A hardened DOM factory: no DOCTYPE, no external entities or schemas, no XInclude. */
  private static final class SafeFactory {

    private final DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();

    SafeFactory() {
      try {
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        dbf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        dbf.setXIncludeAware(false);
        dbf.setExpandEntityReferences(false);
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
      }
    }

    DocumentBuilder newBuilder() {
      try {
        return dbf.newDocumentBuilder();
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
