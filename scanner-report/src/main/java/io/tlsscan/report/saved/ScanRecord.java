package io.tlsscan.report.saved;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsscan.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts of one JSON record that reports and diffs use. Values the record leaves out (a probe
 * that did not run or failed, an unknown field) are {@code null}; lists are never {@code null}.
 *
 * @param target which target the record is about
 * @param ok whether {@code status} is {@code ok}
 * @param error {@code error.kind} and {@code error.message}, {@code null} when ok
 * @param protocol the negotiated version, {@code null} without a handshake section
 * @param leaf the first certificate of the chain, {@code null} when there is none
 * @param trusted {@code certificate.trusted}, {@code null} without a certificate section
 * @param chain the SHA-256 fingerprints of the chain as sent, leaf first
 * @param accepted the versions {@code protocols} marks {@code true}; {@code null} without it
 * @param ciphers the accepted suites as {@code VERSION SUITE}, e.g. {@code TLSv1.2
 *     TLS_RSA_WITH_AES_128_CBC_SHA}; {@code null} without a ciphers section
 * @param findings the findings, in record order
 */
public record ScanRecord(
    Target target,
    boolean ok,
    Error error,
    String protocol,
    Certificate leaf,
    Boolean trusted,
    List<String> chain,
    Set<String> accepted,
    Set<String> ciphers,
    List<Finding> findings) {

  public ScanRecord {
    requireNonNull(target, "target");
    chain = List.copyOf(chain);
    findings = List.copyOf(findings);
  }

  /**
   * The record's target: {@code host} and {@code port} are {@code null} for an {@code
   * invalid_target} record; {@code ip} is {@code null} when no address was reached.
   */
  public record Target(
      String input,
      long line,
      String host,
      Integer port,
      String ip,
      String starttls,
      String transport) {

    /** {@code transport} of a DTLS target; TCP's (and that of records older than the field). */
    public static final String DTLS = "dtls";

    /**
     * {@code host:port} ({@code [v6]:port}) with the STARTTLS protocol or DTLS in parentheses, or
     * the host-list input when it did not parse.
     */
    public String name() {
      if (host == null) {
        return "line " + line + ": " + input;
      }
      String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
      String over = starttls != null ? starttls : DTLS.equals(transport) ? DTLS : null;
      return shown + ":" + port + (over == null ? "" : " (" + over + ")");
    }
  }

  /** Why a target could not be scanned: {@code error.kind} and {@code error.message}. */
  public record Error(String kind, String message) {}

  /**
   * The leaf certificate's facts; {@code daysLeft} is {@code null} when the record has none, {@code
   * keySha256} (the key's SubjectPublicKeyInfo fingerprint) in records of earlier versions.
   */
  public record Certificate(
      String subject,
      String issuer,
      String sha256,
      String notAfter,
      Long daysLeft,
      String key,
      String keySha256) {}

  /** One finding; {@code severity} is {@link Severity#INFO} when the record names another. */
  public record Finding(String id, Severity severity, String message, String policy) {}

  /**
   * Reads the facts of a parsed record.
   *
   * @throws IllegalArgumentException saying what is missing when {@code json} is not a record (no
   *     {@code target} object, or no {@code status})
   */
  public static ScanRecord of(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode target = json.path("target");
    if (!target.isObject()) {
      throw new IllegalArgumentException("no target object");
    }
    String status = text(json.path("status"));
    if (!"ok".equals(status) && !"error".equals(status)) {
      throw new IllegalArgumentException("status is neither ok nor error");
    }
    JsonNode certificate = json.path("certificate");
    JsonNode chain = certificate.path("chain");
    return new ScanRecord(
        new Target(
            text(target.path("input")),
            target.path("line").asLong(0),
            text(target.path("host")),
            target.path("port").isInt() ? target.path("port").intValue() : null,
            text(target.path("ip")),
            text(target.path("starttls")),
            text(target.path("transport"))),
        status.equals("ok"),
        json.path("error").isObject()
            ? new Error(
                text(json.path("error").path("kind")), text(json.path("error").path("message")))
            : null,
        text(json.path("handshake").path("protocol")),
        chain.path(0).isObject() ? certificate(chain.path(0)) : null,
        certificate.path("trusted").isBoolean() ? certificate.path("trusted").booleanValue() : null,
        fingerprints(chain),
        accepted(json.path("protocols")),
        ciphers(json.path("ciphers")),
        findings(json.path("findings")));
  }

  /** The worst severity among the findings, {@code null} when there are none. */
  public Severity worstSeverity() {
    return findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(null);
  }

  private static Certificate certificate(JsonNode leaf) {
    JsonNode key = leaf.path("key");
    String keyText =
        key.isObject()
            ? (text(key.path("type"))
                    + " "
                    + key.path("bits").asInt()
                    + (key.path("curve").isTextual() ? " " + key.path("curve").textValue() : ""))
                .trim()
            : null;
    return new Certificate(
        text(leaf.path("subject")),
        text(leaf.path("issuer")),
        text(leaf.path("sha256")),
        text(leaf.path("not_after")),
        leaf.path("days_left").isIntegralNumber() ? leaf.path("days_left").longValue() : null,
        keyText,
        text(key.path("spki_sha256")));
  }

  private static List<String> fingerprints(JsonNode chain) {
    List<String> fingerprints = new ArrayList<>();
    chain.forEach(c -> fingerprints.add(String.valueOf(text(c.path("sha256")))));
    return fingerprints;
  }

  private static Set<String> accepted(JsonNode protocols) {
    if (!protocols.isObject()) {
      return null;
    }
    Set<String> accepted = new TreeSet<>();
    for (Map.Entry<String, JsonNode> version : protocols.properties()) {
      if (version.getValue().asBoolean(false)) {
        accepted.add(version.getKey());
      }
    }
    return accepted;
  }

  private static Set<String> ciphers(JsonNode ciphers) {
    if (!ciphers.isObject()) {
      return null;
    }
    Set<String> suites = new TreeSet<>();
    for (Map.Entry<String, JsonNode> version : ciphers.properties()) {
      version.getValue().forEach(s -> suites.add(version.getKey() + " " + text(s.path("name"))));
    }
    return suites;
  }

  private static List<Finding> findings(JsonNode findings) {
    List<Finding> list = new ArrayList<>();
    for (JsonNode f : findings) {
      list.add(
          new Finding(
              String.valueOf(text(f.path("id"))),
              severity(text(f.path("severity"))),
              text(f.path("message")),
              text(f.path("policy"))));
    }
    return list;
  }

  /** The severity named in a record, {@link Severity#INFO} for a name it does not know. */
  private static Severity severity(String name) {
    if (name != null) {
      for (Severity severity : Severity.values()) {
        if (severity.wireName().equals(name.toLowerCase(Locale.ROOT))) {
          return severity;
        }
      }
    }
    return Severity.INFO;
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.textValue() : null;
  }
}
