package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Severity;
import io.tlsscan.model.TrustError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  private static final JsonNode SCHEMA_TREE = loadSchema();
  private static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(
              SCHEMA_TREE, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

  static Stream<Arguments> records() {
    List<Arguments> records = new ArrayList<>();
    records.add(Arguments.of("expired, untrusted", SampleReports.expired()));
    records.add(Arguments.of("trusted", SampleReports.trusted()));
    records.add(Arguments.of("invalid target", SampleReports.invalidTarget()));
    records.add(Arguments.of("certificate probe failed", SampleReports.certificateProbeFailed()));
    records.add(Arguments.of("certificate probe not run", SampleReports.certificateNotRun()));
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
      records.add(Arguments.of("hostile " + JSON.valueToTree(hostile), SampleReports.hostile(hostile)));
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
        r -> r.putObject("error").put("kind", "refused").put("phase", "connect").put("message", "x"),
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
  }

  @Test
  void schemaPropertiesAreExactlyTheKeysTheMapperWrites() {
    // Given records that together hold every key: all sections, an error, a failed probe
    Set<String> written = new TreeSet<>();
    for (HostReport report :
        List.of(
            SampleReports.expired(),
            SampleReports.invalidTarget(),
            SampleReports.certificateProbeFailed())) {
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
        .containsExactlyElementsOf(Arrays.stream(ErrorKind.values()).map(ErrorKind::wireName).toList());
    assertThat(enumAt("/properties/certificate/properties/trust_errors/items/enum"))
        .containsExactlyElementsOf(
            Arrays.stream(TrustError.values()).map(TrustError::wireName).toList());
    assertThat(enumAt("/properties/findings/items/properties/severity/enum"))
        .containsExactlyElementsOf(Arrays.stream(Severity.values()).map(Severity::wireName).toList());
    assertThat(enumAt("/properties/probe_errors/propertyNames/enum"))
        .containsExactlyElementsOf(RecordJson.sectionNames());
  }

  private static void assertRejected(Consumer<ObjectNode> breakIt, String what) {
    ObjectNode record = RecordJson.toTree(SampleReports.expired());
    breakIt.accept(record);
    Set<ValidationMessage> errors = SCHEMA.validate(record);
    assertThat(errors).as("a record with " + what + " must be rejected").isNotEmpty();
  }

  /** Dotted key paths; array elements add {@code []}, keys of the probe_errors map are {@code *}. */
  private static void collectRecordPaths(JsonNode node, String prefix, Set<String> paths) {
    if (node.isArray()) {
      node.forEach(element -> collectRecordPaths(element, prefix + "[]", paths));
    } else if (node.isObject()) {
      boolean map = prefix.equals("probe_errors");
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
