package io.tlsscan.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What {@code sslscan --xml=-} says about one server: which versions are enabled and which suites
 * (by code point) each accepts.
 *
 * @param protocols report names ({@code TLSv1.2}) to enabled, for every version sslscan tried
 * @param suites report names to the code points of the suites accepted (or preferred)
 */
record SslscanReport(Map<String, Boolean> protocols, Map<String, Set<Integer>> suites) {
  static final Path SSLSCAN = Path.of("/usr/bin/sslscan");
  private static final long TIMEOUT_SECONDS = 60;

  /**
   * Runs sslscan against {@code address}. Checks that do not bear on versions and suites (groups,
   * Heartbleed, renegotiation, compression, fallback, certificate warnings) are left out.
   */
  static SslscanReport scan(InetSocketAddress address) {
    List<String> command =
        List.of(
            SSLSCAN.toString(),
            "--no-colour",
            "--no-groups",
            "--no-heartbleed",
            "--no-renegotiation",
            "--no-compression",
            "--no-fallback",
            "--no-check-certificate",
            "--xml=-",
            address.getHostString() + ":" + address.getPort());
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      byte[] xml = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("sslscan did not finish: " + command);
      }
      return parse(xml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads {@code <protocol type="tls" version="1.2" enabled="1"/>} and {@code <cipher ...>}. */
  static SslscanReport parse(byte[] xml) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException(
          "sslscan wrote no readable XML: " + new String(xml, StandardCharsets.UTF_8), e);
    }
    Map<String, Boolean> protocols = new TreeMap<>();
    for (Element protocol : elements(document, "protocol")) {
      String prefix = protocol.getAttribute("type").equals("ssl") ? "SSLv" : "TLSv";
      protocols.put(
          prefix + protocol.getAttribute("version"), protocol.getAttribute("enabled").equals("1"));
    }
    Map<String, Set<Integer>> suites = new TreeMap<>();
    for (Element cipher : elements(document, "cipher")) {
      String status = cipher.getAttribute("status");
      if (status.equals("accepted") || status.equals("preferred")) {
        int code = Integer.decode(cipher.getAttribute("id"));
        suites.computeIfAbsent(cipher.getAttribute("sslversion"), v -> new TreeSet<>()).add(code);
      }
    }
    return new SslscanReport(protocols, suites);
  }

  private static List<Element> elements(Document document, String tag) {
    NodeList nodes = document.getElementsByTagName(tag);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }
}
