package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Fingerprints;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HttpReport;
import io.tlsscan.model.OcspStaple;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.Severity;
import io.tlsscan.model.SignatureAlgorithms;
import io.tlsscan.model.SignedTimestamp;
import io.tlsscan.model.Tls13Resumption;
import io.tlsscan.model.TrustError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The published record schema accepts every record the mapper writes, and only those shapes. */
class RecordSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Objects of the record whose keys are data, not names: declared by additionalProperties. */
  private static final Set<String> MAP_KEYED = Set.of("probe_errors", "ciphers");

  private static final JsonNode SCHEMA_TREE = loadSchema();
  private static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(
              SCHEMA_TREE, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

  private static final HostReport WITH_HTTP = SampleReports.withHttp();
  private static final HostReport WITH_FINGERPRINTS =
      SampleReports.withSection(
          SampleReports.trusted(),
          HostReport.FINGERPRINTS,
          ProbeOutcome.completed(SampleReports.fingerprints()));

  static Stream<Arguments> records() {
    List<Arguments> records = new ArrayList<>();
    records.add(Arguments.of("expired, untrusted", SampleReports.expired()));
    records.add(Arguments.of("trusted", SampleReports.trusted()));
    records.add(Arguments.of("DTLS over UDP", SampleReports.dtls()));
    records.add(Arguments.of("smtp starttls", SampleReports.smtpStarttls()));
    records.add(Arguments.of("invalid target", SampleReports.invalidTarget()));
    records.add(Arguments.of("certificate probe failed", SampleReports.certificateProbeFailed()));
    records.add(Arguments.of("certificate probe not run", SampleReports.certificateNotRun()));
    records.add(Arguments.of("legacy, raw hello, unknown TLSv1.1", SampleReports.legacy()));
    records.add(
        Arguments.of("a vulnerability check undecided", SampleReports.vulnerabilityUndecided()));
    records.add(Arguments.of("cipher probe failed, no groups", SampleReports.cipherProbeFailed()));
    records.add(
        Arguments.of(
            "revoked staple and SCTs", SampleReports.withRevokedStaple(SampleReports.trusted())));
    records.add(
        Arguments.of(
            "no staple, no SCTs",
            SampleReports.withSession(
                SampleReports.trusted(),
                new SessionReport(
                    null,
                    List.of(),
                    null,
                    "offering h2: timed out",
                    null,
                    "no TLS 1.2 handshake: server sent fatal alert protocol_version",
                    null,
                    "TLS 1.3 handshake: alert protocol_version during the server's flight",
                    new SignatureAlgorithms(null, "no signed TLS 1.2", null, "not probed")))));
    records.add(
        Arguments.of(
            "invalid staple",
            SampleReports.withSession(
                SampleReports.trusted(),
                new SessionReport(
                    OcspStaple.invalid("not a basic OCSP response"),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    "no TLS 1.2 ServerHello to a raw hello",
                    new Tls13Resumption(true, 7200L, null, null, "no TLS 1.3 ServerHello"),
                    null,
                    new SignatureAlgorithms(List.of(), null, null, "not probed")))));
    records.add(
        Arguments.of(
            "server cipher order unknown",
            SampleReports.withCiphers(SampleReports.trusted(), new CipherSupport(Map.of(), null))));
    records.add(Arguments.of("http: redirect, HSTS", SampleReports.withHttp()));
    records.add(
        Arguments.of(
            "http: HSTS ignored",
            SampleReports.withSection(
                SampleReports.trusted(),
                HostReport.HTTP,
                ProbeOutcome.completed(
                    new HttpReport(200, null, "Apache", null, "no max-age directive")))));
    records.add(
        Arguments.of(
            "http probe failed",
            SampleReports.withSection(
                SampleReports.trusted(),
                HostReport.HTTP,
                ProbeOutcome.failed(
                    ErrorKind.BAD_RESPONSE, "response headers exceed 16384 bytes"))));
    records.add(
        Arguments.of(
            "fingerprints",
            SampleReports.withSection(
                SampleReports.trusted(),
                HostReport.FINGERPRINTS,
                ProbeOutcome.completed(SampleReports.fingerprints()))));
    records.add(
        Arguments.of(
            "fingerprints of a server that answered no hello",
            SampleReports.withSection(
                SampleReports.trusted(),
                HostReport.FINGERPRINTS,
                ProbeOutcome.completed(
                    new Fingerprints(
                        "0".repeat(62),
                        Collections.nCopies(10, "|||"),
                        null,
                        null,
                        new ProbeOutcome.Failed<>(
                            ErrorKind.TIMEOUT, "the typical hello: no answer within 3s"))))));
    records.add(
        Arguments.of(
            "fingerprints probe failed",
            SampleReports.withSection(
                SampleReports.trusted(),
                HostReport.FINGERPRINTS,
                ProbeOutcome.failed(ErrorKind.TIMEOUT, "deadline reached after 4 of 11 hellos"))));
    for (ErrorKind kind : ErrorKind.values()) {
      records.add(Arguments.of("error " + kind.wireName(), SampleReports.failed(kind)));
    }
    for (String hostile :
        List.of(
            "CN=\uD800\uDC00\uDBFF",
            "CN=\u0000\u001b[31m\u007f\u2028",
            "CN=\"quoted\" \\ back",
            "=HYPERLINK(\"http://x\")",
            "")) {
      records.add(
          Arguments.of("hostile " + JSON.valueToTree(hostile), SampleReports.hostile(hostile)));
    }
    return records.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void everyWrittenRecordIsValid(String name, HostReport report) throws IOException {
    // Given the record exactly as a JSON Lines reader would see it
    JsonNode record = JSON.readTree(RecordJson.toBytes(report));
    // Then the schema accepts it
    assertThat(SCHEMA.validate(record)).as(name).isEmpty();
  }

  @Test
  void schemaRejectsRecordsOutsideTheContract() {
    assertRejected(
        r ->
            r.putObject("error").put("kind", "refused").put("phase", "connect").put("message", "x"),
        "status ok and an error");
    assertRejected(r -> r.put("status", "error"), "status error and no error");
    assertRejected(r -> r.put("extra", 1), "an unknown key");
    assertRejected(r -> r.remove("probe_errors"), "no probe_errors");
    assertRejected(r -> r.put("started_at", "2026-11-26T10:00:00Z"), "a time without millis");
    assertRejected(r -> r.put("started_at", "2026-13-26T10:00:00.000Z"), "a month 13");
    assertRejected(
        r -> ((ObjectNode) r.get("certificate")).put("trusted", true), "trusted with errors");
    assertRejected(
        r -> ((ObjectNode) r.get("probe_errors")).putObject("dns").put("kind", "dns"),
        "an unknown probe");
    assertRejected(
        r -> ((ObjectNode) r.get("findings").get(0)).put("severity", "CRITICAL"),
        "an upper-case severity");
    assertRejected(
        r ->
            ((ObjectNode) r.get("probe_errors"))
                .putObject("server_cipher_order")
                .put("kind", "timeout")
                .put("message", "x"),
        "a probe error for a key that is not a section");
    assertRejected(r -> r.remove("server_cipher_order"), "ciphers without server_cipher_order");
    assertRejected(r -> r.remove("ciphers"), "server_cipher_order without ciphers");
    assertRejected(
        r -> ((ObjectNode) r.get("protocols")).remove("SSLv2"), "a protocol version left out");
    assertRejected(
        r -> ((ObjectNode) r.get("protocols")).put("TLSv1.4", true), "an unknown protocol version");
    assertRejected(
        r -> ((ObjectNode) r.get("protocols")).put("DTLSv1.2", true),
        "TLS and DTLS versions mixed");
    assertRejected(
        r -> ((ObjectNode) r.get("target")).put("transport", "udp"), "an unknown transport");
    assertRejected(
        r -> ((ObjectNode) r.get("ciphers")).putArray("TLS1.2"), "a misspelt version of ciphers");
    assertRejected(
        r -> ((ObjectNode) r.at("/ciphers/TLSv1.2/0")).put("strength", "medium"),
        "an unknown cipher strength");
    assertRejected(
        r -> ((ObjectNode) r.at("/ciphers/TLSv1.2/0")).remove("kx_bits"),
        "a cipher without kx_bits");
    assertRejected(r -> ((ArrayNode) r.get("groups")).add("x25519"), "a group listed twice");
    assertRejected(
        r -> ((ObjectNode) r.get("handshake")).put("source", "openssl"), "an unknown source");
    assertRejected(
        WITH_HTTP,
        r -> ((ObjectNode) r.get("http")).put("hsts_error", "x"),
        "hsts and an hsts_error");
    assertRejected(
        WITH_HTTP, r -> ((ObjectNode) r.get("http")).put("status", 42), "a status below 100");
    assertRejected(
        WITH_HTTP, r -> ((ObjectNode) r.at("/http/hsts")).put("max_age", -1), "a negative max_age");
    assertRejected(
        WITH_HTTP,
        r -> ((ObjectNode) r.get("http")).remove("server"),
        "an http section without server");
    assertRejected(
        WITH_FINGERPRINTS,
        r -> ((ObjectNode) r.get("fingerprints")).put("jarm", "00"),
        "a JARM of two digits");
    assertRejected(
        WITH_FINGERPRINTS,
        r -> ((ArrayNode) r.at("/fingerprints/jarm_answers")).remove(0),
        "nine JARM answers");
    assertRejected(
        WITH_FINGERPRINTS,
        r -> ((ObjectNode) r.get("fingerprints")).put("ja4s", "t13"),
        "a JA4S cut short");
  }

  @Test
  void schemaPropertiesAreExactlyTheKeysTheMapperWrites() {
    // Given records that together hold every key: all sections, an error, a failed probe
    Set<String> written = new TreeSet<>();
    for (HostReport report :
        List.of(
            SampleReports.expired(),
            SampleReports.invalidTarget(),
            SampleReports.certificateProbeFailed(),
            SampleReports.legacy(),
            WITH_HTTP,
            WITH_FINGERPRINTS,
            SampleReports.dtls(),
            SampleReports.withRevokedStaple(SampleReports.expired()))) {
      collectRecordPaths(RecordJson.toTree(report), "", written);
    }
    // When the schema's property tree is flattened the same way
    Set<String> declared = new TreeSet<>();
    collectSchemaPaths(SCHEMA_TREE, "", declared);
    // Then neither has a key the other lacks
    assertThat(declared).isEqualTo(written);
  }

  @Test
  void schemaEnumsAreTheModelsClosedSets() {
    assertThat(enumAt("/$defs/error_kind/enum"))
        .containsExactlyElementsOf(
            Arrays.stream(ErrorKind.values()).map(ErrorKind::wireName).toList());
    assertThat(enumAt("/properties/certificate/properties/trust_errors/items/enum"))
        .containsExactlyElementsOf(
            Arrays.stream(TrustError.values()).map(TrustError::wireName).toList());
    assertThat(enumAt("/properties/findings/items/properties/severity/enum"))
        .containsExactlyElementsOf(
            Arrays.stream(Severity.values()).map(Severity::wireName).toList());
    assertThat(enumAt("/properties/probe_errors/propertyNames/anyOf/0/enum"))
        .containsExactlyElementsOf(RecordJson.sectionNames());
    assertThat(enumAt("/properties/probe_errors/propertyNames/anyOf/1/enum"))
        .containsExactlyElementsOf(
            fieldNamesOf(SCHEMA_TREE.at("/properties/vulnerabilities/properties")).stream()
                .map(check -> "vulnerabilities." + check)
                .toList());
    assertThat(enumAt("/properties/probe_errors/propertyNames/anyOf/2/enum"))
        .containsExactly("fingerprints.ja3s", "fingerprints.ja4s");
    assertThat(enumAt("/properties/vulnerabilities/required"))
        .containsExactlyElementsOf(
            fieldNamesOf(SCHEMA_TREE.at("/properties/vulnerabilities/properties")));
    assertThat(enumAt("/properties/session/properties/ocsp/properties/status/enum"))
        .containsExactly(
            OcspStaple.GOOD, OcspStaple.REVOKED, OcspStaple.UNKNOWN, OcspStaple.INVALID);
    assertThat(enumAt("/properties/session/properties/scts/items/properties/source/enum"))
        .containsExactly(SignedTimestamp.FROM_CERTIFICATE, SignedTimestamp.FROM_OCSP);
    assertThat(enumAt("/properties/handshake/properties/source/enum"))
        .containsExactly(Handshake.SOURCE_TLS_LIBRARY, Handshake.SOURCE_RAW_HELLO);
    assertThat(enumAt("/properties/ciphers/additionalProperties/items/properties/strength/enum"))
        .containsExactlyInAnyOrder(CipherTally.STRONG, CipherTally.WEAK, CipherTally.INSECURE);
  }

  @Test
  void protocolVersionsAreTheSameEverywhere() {
    // Given the versions the schema names once, in $defs
    List<String> versions = enumAt("/$defs/protocol_version/enum");
    // Then the protocols section's two shapes, TLS and DTLS, declare and require exactly those,
    // and records list them so
    List<String> tls = versions.subList(0, 6);
    List<String> dtls = versions.subList(6, versions.size());
    assertThat(dtls).containsExactly("DTLSv1.0", "DTLSv1.2");
    assertThat(fieldNamesOf(SCHEMA_TREE.at("/properties/protocols/oneOf/0/properties")))
        .containsExactlyElementsOf(tls);
    assertThat(enumAt("/properties/protocols/oneOf/0/required")).containsExactlyElementsOf(tls);
    assertThat(fieldNamesOf(SCHEMA_TREE.at("/properties/protocols/oneOf/1/properties")))
        .containsExactlyElementsOf(dtls);
    assertThat(enumAt("/properties/protocols/oneOf/1/required")).containsExactlyElementsOf(dtls);
    assertThat(fieldNamesOf(RecordJson.toTree(SampleReports.expired()).get("protocols")))
        .containsExactlyElementsOf(tls);
    assertThat(fieldNamesOf(RecordJson.toTree(SampleReports.dtls()).get("protocols")))
        .containsExactlyElementsOf(dtls);
  }

  private static void assertRejected(Consumer<ObjectNode> breakIt, String what) {
    assertRejected(SampleReports.expired(), breakIt, what);
  }

  private static void assertRejected(HostReport report, Consumer<ObjectNode> breakIt, String what) {
    ObjectNode record = RecordJson.toTree(report);
    breakIt.accept(record);
    Set<ValidationMessage> errors = SCHEMA.validate(record);
    assertThat(errors).as("a record with " + what + " must be rejected").isNotEmpty();
  }

  /**
   * Dotted key paths; array elements add {@code []}, keys of the maps {@code probe_errors} and
   * {@code ciphers} are {@code *}.
   */
  private static void collectRecordPaths(JsonNode node, String prefix, Set<String> paths) {
    if (node.isArray()) {
      node.forEach(element -> collectRecordPaths(element, prefix + "[]", paths));
    } else if (node.isObject()) {
      boolean map = MAP_KEYED.contains(prefix);
      node.properties()
          .forEach(
              field -> {
                String path = join(prefix, map ? "*" : field.getKey());
                paths.add(path);
                collectRecordPaths(field.getValue(), path, paths);
              });
    }
  }

  /** The same paths as declared by {@code properties}, {@code items} and map-like schemas. */
  private static void collectSchemaPaths(JsonNode schema, String prefix, Set<String> paths) {
    schema
        .path("properties")
        .properties()
        .forEach(
            field -> {
              String path = join(prefix, field.getKey());
              paths.add(path);
              collectSchemaPaths(field.getValue(), path, paths);
            });
    schema.path("oneOf").forEach(branch -> collectSchemaPaths(branch, prefix, paths));
    if (schema.path("items").isObject()) {
      collectSchemaPaths(schema.get("items"), prefix + "[]", paths);
    }
    if (schema.path("additionalProperties").isObject()) {
      String path = join(prefix, "*");
      paths.add(path);
      collectSchemaPaths(schema.get("additionalProperties"), path, paths);
    }
  }

  private static String join(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  private static List<String> fieldNamesOf(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> enumAt(String pointer) {
    List<String> values = new ArrayList<>();
    SCHEMA_TREE.at(pointer).forEach(v -> values.add(v.asText()));
    assertThat(values).as(pointer).isNotEmpty();
    return values;
  }

  private static JsonNode loadSchema() {
    try (InputStream in = RecordJson.class.getResourceAsStream("record.schema.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("record.schema.json is not readable", e);
    }
  }
}
