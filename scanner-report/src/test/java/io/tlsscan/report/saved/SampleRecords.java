package io.tlsscan.report.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Hand-made JSON records for tests of saved scans: an ok TLS 1.2/1.3 server unless changed. */
public final class SampleRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode record = JSON.createObjectNode();

  private SampleRecords(String host, int port, String ip) {
    record
        .putObject("target")
        .put("input", host + ":" + port)
        .put("line", 1)
        .put("host", host)
        .put("port", port)
        .put("ip", ip)
        .put("sni", host)
        .putNull("starttls")
        .put("transport", "tcp");
    record.put("status", "ok").putNull("error");
    record.putObject("handshake").put("protocol", "TLSv1.3");
    cert("aa11", "CN=Old CA", "2027-01-01T00:00:00.000Z", 400);
    protocols("TLSv1.2", "TLSv1.3");
    ciphers("TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLSv1.3 TLS_AES_128_GCM_SHA256");
    record.putObject("probe_errors");
    record.putArray("findings");
  }

  public static SampleRecords ok(String host) {
    return new SampleRecords(host, 443, "10.0.0.1");
  }

  public static SampleRecords at(String host, String ip) {
    return new SampleRecords(host, 443, ip);
  }

  /** The same target over DTLS: a {@code dtls://} line, UDP port 443. */
  public SampleRecords dtls() {
    ObjectNode target = (ObjectNode) record.get("target");
    target.put("input", "dtls://" + target.get("input").asText()).put("transport", "dtls");
    return this;
  }

  public SampleRecords line(int line) {
    ((ObjectNode) record.get("target")).put("line", line);
    return this;
  }

  public SampleRecords cert(String sha256, String issuer, String notAfter, int daysLeft) {
    ObjectNode leaf =
        JSON.createObjectNode()
            .put("subject", "CN=" + record.get("target").get("host").asText())
            .put("issuer", issuer)
            .put("not_after", notAfter)
            .put("days_left", daysLeft)
            .put("sha256", sha256);
    leaf.putObject("key").put("type", "EC").put("bits", 256).put("curve", "secp256r1");
    ObjectNode certificate = record.putObject("certificate").put("trusted", true);
    certificate.putArray("trust_errors");
    certificate.putArray("chain").add(leaf);
    return this;
  }

  /** The leaf key's fingerprint, {@code key.spki_sha256}. */
  public SampleRecords keySha256(String spki) {
    ((ObjectNode) record.get("certificate").get("chain").get(0).get("key"))
        .put("spki_sha256", spki);
    return this;
  }

  /** The leaf's subject, e.g. a hostile one. */
  public SampleRecords subject(String subject) {
    ((ObjectNode) record.get("certificate").get("chain").get(0)).put("subject", subject);
    return this;
  }

  /** The parsed record. */
  public JsonNode tree() {
    return record.deepCopy();
  }

  public SampleRecords protocols(String... accepted) {
    ObjectNode protocols = record.putObject("protocols");
    for (String version : List.of("SSLv2", "SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3")) {
      protocols.put(version, List.of(accepted).contains(version));
    }
    return this;
  }

  public SampleRecords ciphers(String... suites) {
    ObjectNode ciphers = record.putObject("ciphers");
    for (String suite : suites) {
      String[] parts = suite.split(" ");
      var list =
          ciphers.has(parts[0]) ? (ArrayNode) ciphers.get(parts[0]) : ciphers.putArray(parts[0]);
      list.addObject().put("name", parts[1]).put("bits", 128).put("strength", "strong");
    }
    return this;
  }

  public SampleRecords finding(String id, String severity) {
    ((ArrayNode) record.get("findings"))
        .addObject()
        .put("id", id)
        .put("severity", severity)
        .put("message", id + " found")
        .put("policy", "baseline");
    return this;
  }

  public SampleRecords failing(String kind) {
    record.put("status", "error");
    record.putObject("error").put("kind", kind).put("phase", "connect").put("message", kind + "!");
    for (String section : List.of("handshake", "certificate", "protocols", "ciphers")) {
      record.remove(section);
    }
    return this;
  }

  @Override
  public String toString() {
    return record.toString();
  }
}
