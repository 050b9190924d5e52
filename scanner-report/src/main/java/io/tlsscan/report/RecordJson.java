package io.tlsscan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.Finding;
import io.tlsscan.model.Fingerprints;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Hsts;
import io.tlsscan.model.HttpReport;
import io.tlsscan.model.KeyInfo;
import io.tlsscan.model.OcspStaple;
import io.tlsscan.model.PathCertificate;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.ScanError;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.SignatureAlgorithms;
import io.tlsscan.model.SignedTimestamp;
import io.tlsscan.model.TargetInfo;
import io.tlsscan.model.Tls12Resumption;
import io.tlsscan.model.Tls13Resumption;
import io.tlsscan.model.TrustError;
import io.tlsscan.model.Vulnerabilities;
import io.tlsscan.model.WeaknessVerdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a {@link HostReport} to the JSON record of the report contract ({@code DESIGN.md}), keys in
 * the contract's order:
 *
 * <pre>
 * target, status, error, started_at, duration_ms, connections,
 * handshake, certificate, protocols, ciphers, server_cipher_order, groups, http, fingerprints,
 * vulnerabilities, session
 *                                    (probe sections: present only when the probe completed)
 * probe_errors, findings
 * </pre>
 *
 * <ul>
 *   <li>{@code status} is {@code ok} when a handshake completed, else {@code error}, and {@code
 *       error} is then {@code {kind, phase, message}} (it is {@code null} when {@code ok}).
 *   <li>A probe section is absent when its probe did not run, and also absent when it failed; a
 *       failure is listed in {@code probe_errors.<section>} as {@code {kind, message}}. {@code
 *       probe_errors} is always present, {@code {}} when nothing failed.
 *   <li>{@code server_cipher_order} belongs to the ciphers probe: it is present exactly when {@code
 *       ciphers} is, and a failed ciphers probe is listed as {@code probe_errors.ciphers}.
 *   <li>{@code null} inside a section means "ran but could not tell" (e.g. {@code hostname_match}
 *       when there was no name to check, {@code handshake.group}, a protocol version that neither
 *       answered yes nor no, {@code server_cipher_order} when no version has two suites to
 *       compare). A {@code null} check of {@code vulnerabilities} says why in {@code
 *       probe_errors."vulnerabilities.<check>"}.
 *   <li>{@code protocols} and {@code ciphers} keep the model's version order (oldest first).
 *   <li>Timestamps are RFC 3339 UTC with millisecond precision, e.g. {@code
 *       2026-11-26T10:00:00.123Z}.
 *   <li>Every string passes through {@link SafeText#wellFormed}, so the record always encodes to
 *       valid UTF-8; control characters are escaped by the JSON encoder.
 *   <li>{@link CertificateReport#issues()} is not serialized: issues reach the record as findings.
 * </ul>
 *
 * <p>Adding a probe section is one entry in {@link #SECTIONS} plus its mapping method (and its
 * property in {@code record.schema.json}, which a test keeps in step); a top-level key owned by a
 * probe is a {@link RecordSection.Companion} of its section.
 */
public final class RecordJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Writes the trees, by {@link #write}: no {@code ObjectMapper} is needed, nor the tens of
   * milliseconds its set-up costs a command line at start.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /** The probe sections, in record order. */
  private static final List<RecordSection<?>> SECTIONS =
      List.of(
          new RecordSection<>(HostReport.HANDSHAKE, RecordJson::handshake),
          new RecordSection<>(HostReport.CERTIFICATE, RecordJson::certificate),
          new RecordSection<>(HostReport.PROTOCOLS, RecordJson::protocols),
          new RecordSection<>(
              HostReport.CIPHERS,
              RecordJson::ciphers,
              List.of(
                  new RecordSection.Companion<>(
                      "server_cipher_order", RecordJson::serverCipherOrder))),
          new RecordSection<>(HostReport.GROUPS, RecordJson::groups),
          new RecordSection<>(HostReport.HTTP, RecordJson::http),
          new RecordSection<>(
              HostReport.FINGERPRINTS,
              RecordJson::fingerprints,
              List.of(),
              RecordJson::unknownServerHello),
          new RecordSection<>(
              HostReport.VULNERABILITIES,
              RecordJson::vulnerabilities,
              List.of(),
              RecordJson::undecidedWeaknesses),
          new RecordSection<>(HostReport.SESSION, RecordJson::session));

  private RecordJson() {}

  /** The record as a JSON tree, keys in contract order. */
  public static ObjectNode toTree(HostReport report) {
    ObjectNode record = NODES.objectNode();
    record.set("target", target(report.target()));
    record.put("status", report.ok() ? "ok" : "error");
    record.set("error", error(report.error()));
    record.put("started_at", Timestamps.format(report.startedAt()));
    record.put("duration_ms", report.durationMs());
    record.put("connections", report.connections());
    SECTIONS.forEach(section -> section.writeTo(record, report));
    ObjectNode probeErrors = NODES.objectNode();
    probeErrors(report)
        .forEach(
            (name, failure) -> {
              ObjectNode error = probeErrors.putObject(name);
              error.put("kind", failure.kind().wireName());
              error.put("message", text(failure.message()));
            });
    record.set("probe_errors", probeErrors);
    ArrayNode findings = record.putArray("findings");
    report.findings().forEach(f -> findings.add(finding(f)));
    return record;
  }

  /** The record as compact UTF-8 JSON on one line, without a line terminator. */
  public static byte[] toBytes(HostReport report) {
    ObjectNode tree = toTree(report);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    try (JsonGenerator generator = JSON.createGenerator(bytes)) {
      write(tree, generator);
    } catch (IOException e) {
      // A tree of well-formed strings and numbers always serializes; the buffer cannot fail.
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes a tree of the node types {@link #toTree} makes: objects, arrays and scalars. Not {@code
   * JsonNode.serialize}: that needs a {@code SerializerProvider} (a null node writes itself through
   * it), which only an {@code ObjectMapper} makes.
   */
  private static void write(JsonNode node, JsonGenerator generator) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        generator.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          generator.writeFieldName(field.getKey());
          write(field.getValue(), generator);
        }
        generator.writeEndObject();
      }
      case ARRAY -> {
        generator.writeStartArray();
        for (JsonNode item : node) {
          write(item, generator);
        }
        generator.writeEndArray();
      }
      case STRING -> generator.writeString(node.textValue());
      case NUMBER -> writeNumber(node, generator);
      case BOOLEAN -> generator.writeBoolean(node.booleanValue());
      case NULL -> generator.writeNull();
      default -> throw new IllegalStateException("no JSON for a " + node.getNodeType() + " node");
    }
  }

  private static void writeNumber(JsonNode number, JsonGenerator generator) throws IOException {
    switch (number.numberType()) {
      case INT -> generator.writeNumber(number.intValue());
      case LONG -> generator.writeNumber(number.longValue());
      case BIG_INTEGER -> generator.writeNumber(number.bigIntegerValue());
      case FLOAT -> generator.writeNumber(number.floatValue());
      case DOUBLE -> generator.writeNumber(number.doubleValue());
      case BIG_DECIMAL -> generator.writeNumber(number.decimalValue());
    }
  }

  /**
   * The names of the probe sections, in record order; also the possible keys of probe_errors.
   * Companion keys such as {@code server_cipher_order} are not sections.
   */
  public static List<String> sectionNames() {
    return SECTIONS.stream().map(RecordSection::name).toList();
  }

  /**
   * The failed probes of a report by section name, in record order, and the parts of completed
   * sections that could not be told, as {@code <section>.<part>} (e.g. {@code
   * vulnerabilities.robot}).
   */
  public static Map<String, ProbeOutcome.Failed<?>> probeErrors(HostReport report) {
    Map<String, ProbeOutcome.Failed<?>> failures = new LinkedHashMap<>();
    for (RecordSection<?> section : SECTIONS) {
      failures.putAll(section.failures(report));
    }
    return failures;
  }

  private static ObjectNode target(TargetInfo target) {
    ObjectNode json = NODES.objectNode();
    json.put("input", text(target.input()));
    json.put("line", target.line());
    json.put("host", text(target.host()));
    json.put("port", target.port());
    json.put("ip", text(target.ip()));
    json.put("sni", text(target.sni()));
    json.put("starttls", target.starttls());
    json.put("transport", target.transport());
    return json;
  }

  private static JsonNode error(ScanError error) {
    if (error == null) {
      return NODES.nullNode();
    }
    ObjectNode json = NODES.objectNode();
    json.put("kind", error.kind().wireName());
    json.put("phase", text(error.phase()));
    json.put("message", text(error.message()));
    return json;
  }

  private static JsonNode handshake(Handshake handshake) {
    ObjectNode json = NODES.objectNode();
    json.put("protocol", text(handshake.protocol()));
    json.put("cipher", text(handshake.cipher()));
    json.put("group", text(handshake.group()));
    json.put("alpn", text(handshake.alpn()));
    json.put("ocsp_stapled", handshake.ocspStapled());
    json.put("client_certificate_requested", handshake.clientCertificateRequested());
    json.put("source", text(handshake.source()));
    return json;
  }

  private static JsonNode certificate(CertificateReport certificate) {
    ObjectNode json = NODES.objectNode();
    json.put("trusted", certificate.trusted());
    ArrayNode trustErrors = json.putArray("trust_errors");
    certificate.trustErrors().stream().map(TrustError::wireName).forEach(trustErrors::add);
    switch (certificate.hostnameMatch()) {
      case MATCH -> json.put("hostname_match", true);
      case MISMATCH -> json.put("hostname_match", false);
      case UNKNOWN -> json.putNull("hostname_match");
    }
    ArrayNode chain = json.putArray("chain");
    certificate.chain().forEach(c -> chain.add(certificateInfo(c)));
    ArrayNode path = json.putArray("path");
    for (PathCertificate used : certificate.path()) {
      path.addObject()
          .put("subject", text(used.subject()))
          .put("sha256", text(used.sha256()))
          .put("source", used.fromTrustStore() ? "trust_store" : "sent");
    }
    return json;
  }

  private static ObjectNode certificateInfo(CertificateInfo cert) {
    ObjectNode json = NODES.objectNode();
    json.put("subject", text(cert.subject()));
    json.put("issuer", text(cert.issuer()));
    json.put("serial", text(cert.serial()));
    json.put("not_before", Timestamps.format(cert.notBefore()));
    json.put("not_after", Timestamps.format(cert.notAfter()));
    json.put("days_left", cert.daysLeft());
    json.set("key", key(cert.key()));
    json.put("signature_algorithm", text(cert.signatureAlgorithm()));
    ArrayNode san = json.putArray("san");
    cert.san().forEach(name -> san.add(text(name)));
    json.put("san_truncated", cert.sanTruncated());
    json.put("sha256", text(cert.sha256()));
    json.put("self_signed", cert.selfSigned());
    json.put("ca", cert.ca());
    return json;
  }

  private static ObjectNode key(KeyInfo key) {
    ObjectNode json = NODES.objectNode();
    json.put("type", text(key.type()));
    json.put("bits", key.bits());
    json.put("curve", text(key.curve()));
    json.put("spki_sha256", text(key.spkiSha256()));
    return json;
  }

  private static JsonNode protocols(ProtocolSupport protocols) {
    ObjectNode json = NODES.objectNode();
    protocols.accepted().forEach((version, accepted) -> json.put(text(version), accepted));
    return json;
  }

  private static JsonNode ciphers(CipherSupport ciphers) {
    ObjectNode json = NODES.objectNode();
    ciphers
        .byVersion()
        .forEach(
            (version, suites) -> {
              ArrayNode list = json.putArray(text(version));
              suites.forEach(suite -> list.add(cipher(suite)));
            });
    return json;
  }

  private static ObjectNode cipher(CipherInfo cipher) {
    ObjectNode json = NODES.objectNode();
    json.put("name", text(cipher.name()));
    json.put("openssl_name", text(cipher.openSslName()));
    json.put("bits", cipher.bits());
    json.put("strength", text(cipher.strength()));
    json.put("kx_group", text(cipher.keyExchangeGroup()));
    json.put("kx_bits", cipher.keyExchangeBits());
    return json;
  }

  private static JsonNode serverCipherOrder(CipherSupport ciphers) {
    Boolean serverOrder = ciphers.serverOrder();
    return serverOrder == null ? NODES.nullNode() : NODES.booleanNode(serverOrder);
  }

  private static JsonNode groups(List<String> groups) {
    ArrayNode json = NODES.arrayNode();
    groups.forEach(group -> json.add(text(group)));
    return json;
  }

  private static JsonNode http(HttpReport http) {
    ObjectNode json = NODES.objectNode();
    json.put("status", http.status());
    json.put("redirect", text(http.redirect()));
    json.put("server", text(http.server()));
    Hsts hsts = http.hsts();
    if (hsts == null) {
      json.putNull("hsts");
    } else {
      json.putObject("hsts")
          .put("max_age", hsts.maxAge())
          .put("include_subdomains", hsts.includeSubdomains())
          .put("preload", hsts.preload());
    }
    json.put("hsts_error", text(http.hstsError()));
    return json;
  }

  private static ObjectNode fingerprints(Fingerprints fingerprints) {
    ObjectNode json = NODES.objectNode();
    json.put("jarm", text(fingerprints.jarm()));
    ArrayNode answers = json.putArray("jarm_answers");
    fingerprints.jarmAnswers().forEach(answer -> answers.add(text(answer)));
    json.put("ja3s", text(fingerprints.ja3s()));
    json.put("ja4s", text(fingerprints.ja4s()));
    return json;
  }

  private static JsonNode vulnerabilities(Vulnerabilities vulnerabilities) {
    ObjectNode json = NODES.objectNode();
    vulnerabilities
        .verdicts()
        .forEach(
            (weakness, verdict) -> {
              if (verdict instanceof WeaknessVerdict.Decided decided) {
                json.put(weakness.wireName(), decided.value());
              } else {
                json.putNull(weakness.wireName());
              }
            });
    return json;
  }

  /** Why {@code ja3s} and {@code ja4s} are {@code null}, under both names. */
  private static Map<String, ProbeOutcome.Failed<?>> unknownServerHello(Fingerprints fingerprints) {
    ProbeOutcome.Failed<Void> why = fingerprints.serverHelloUnknown();
    Map<String, ProbeOutcome.Failed<?>> unknown = new LinkedHashMap<>();
    if (why != null) {
      unknown.put("ja3s", why);
      unknown.put("ja4s", why);
    }
    return unknown;
  }

  private static Map<String, ProbeOutcome.Failed<?>> undecidedWeaknesses(
      Vulnerabilities vulnerabilities) {
    Map<String, ProbeOutcome.Failed<?>> undecided = new LinkedHashMap<>();
    vulnerabilities
        .verdicts()
        .forEach(
            (weakness, verdict) -> {
              if (verdict instanceof WeaknessVerdict.Undecided why) {
                undecided.put(
                    weakness.wireName(), new ProbeOutcome.Failed<>(why.kind(), why.reason()));
              }
            });
    return undecided;
  }

  private static JsonNode session(SessionReport session) {
    ObjectNode json = NODES.objectNode();
    json.set("ocsp", ocsp(session.ocsp()));
    ArrayNode scts = json.putArray("scts");
    for (SignedTimestamp sct : session.scts()) {
      ObjectNode entry = scts.addObject();
      entry.put("source", text(sct.source()));
      entry.put("version", sct.version());
      entry.put("log_id", text(sct.logId()));
      entry.put("timestamp", Timestamps.format(sct.timestamp()));
    }
    if (session.alpn() == null) {
      json.putNull("alpn");
    } else {
      session.alpn().forEach(json.putArray("alpn")::add);
    }
    json.put("alpn_error", text(session.alpnError()));
    Tls12Resumption tls12 = session.tls12();
    if (tls12 == null) {
      json.putNull("tls12");
    } else {
      ObjectNode kept = json.putObject("tls12");
      kept.put("resumes_by_id", tls12.resumesById());
      kept.put("promises_ticket", tls12.promisesTicket());
      kept.put("extended_master_secret", tls12.extendedMasterSecret());
      if (tls12.resumesByTicket() == null) {
        kept.putNull("resumes_by_ticket");
      } else {
        kept.put("resumes_by_ticket", tls12.resumesByTicket());
      }
      putNullable(kept, "ticket_lifetime_hint", tls12.ticketLifetimeHint());
      kept.put("ticket_error", text(tls12.ticketError()));
    }
    json.put("tls12_error", text(session.tls12Error()));
    Tls13Resumption tls13 = session.tls13();
    if (tls13 == null) {
      json.putNull("tls13");
    } else {
      ObjectNode tickets = json.putObject("tls13");
      tickets.put("issues_ticket", tls13.issuesTicket());
      putNullable(tickets, "ticket_lifetime", tls13.ticketLifetime());
      putNullable(tickets, "max_early_data", tls13.maxEarlyData());
      if (tls13.resumesByPsk() == null) {
        tickets.putNull("resumes_by_psk");
      } else {
        tickets.put("resumes_by_psk", tls13.resumesByPsk());
      }
      tickets.put("psk_error", text(tls13.pskError()));
    }
    json.put("tls13_error", text(session.tls13Error()));
    SignatureAlgorithms sigalgs = session.sigalgs();
    ObjectNode signatures = json.putObject("sigalgs");
    putNames(signatures, "tls12", sigalgs.tls12());
    signatures.put("tls12_error", text(sigalgs.tls12Error()));
    putNames(signatures, "tls13", sigalgs.tls13());
    signatures.put("tls13_error", text(sigalgs.tls13Error()));
    return json;
  }

  private static void putNames(ObjectNode json, String field, List<String> names) {
    if (names == null) {
      json.putNull(field);
    } else {
      names.forEach(json.putArray(field)::add);
    }
  }

  private static void putNullable(ObjectNode json, String field, Long value) {
    if (value == null) {
      json.putNull(field);
    } else {
      json.put(field, value);
    }
  }

  private static JsonNode ocsp(OcspStaple staple) {
    if (staple == null) {
      return NODES.nullNode();
    }
    ObjectNode json = NODES.objectNode();
    json.put("status", text(staple.status()));
    json.put("signer", text(staple.signer()));
    json.put("produced_at", time(staple.producedAt()));
    json.put("this_update", time(staple.thisUpdate()));
    json.put("next_update", time(staple.nextUpdate()));
    json.put("revoked_at", time(staple.revokedAt()));
    json.put("stale", staple.stale());
    json.put("problem", text(staple.problem()));
    return json;
  }

  private static String time(Instant instant) {
    return instant == null ? null : Timestamps.format(instant);
  }

  private static ObjectNode finding(Finding finding) {
    ObjectNode json = NODES.objectNode();
    json.put("id", text(finding.id()));
    json.put("severity", finding.severity().wireName());
    json.put("message", text(finding.message()));
    json.put("policy", text(finding.policy()));
    return json;
  }

  private static String text(String value) {
    return SafeText.wellFormed(value);
  }
}
