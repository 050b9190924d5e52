package io.tlsscan.report.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tlsscan.model.Severity;
import io.tlsscan.policy.BuiltInPolicies;
import io.tlsscan.policy.FindingCatalog;
import io.tlsscan.policy.Policy;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ProtocolVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads {@code --policy}: a built-in name ({@code mozilla-intermediate}...) or a policy file, YAML
 * or JSON (JSON is YAML), that starts from a built-in policy ({@code extends}, default {@code
 * baseline}) and replaces the rules it names. See the README's "Policies" section for the fields.
 * Unknown fields, unknown names (versions, suites, groups, finding ids, severities) and bad dates
 * are errors that name the file, the line and the field.
 */
public final class PolicyFiles {
  /** Largest policy file read. */
  static final long MAX_FILE_BYTES = 1024 * 1024;

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private PolicyFiles() {}

  /**
   * The built-in policy called {@code nameOrFile}, else the policy in that file.
   *
   * @throws PolicyFileException naming what is wrong and where
   */
  public static Policy resolve(String nameOrFile) throws PolicyFileException {
    Optional<Policy> builtIn = BuiltInPolicies.named(nameOrFile);
    if (builtIn.isPresent()) {
      return builtIn.get();
    }
    Path file = Path.of(nameOrFile);
    if (!Files.exists(file) && !nameOrFile.contains("/") && !nameOrFile.contains(".")) {
      throw new PolicyFileException(
          "unknown policy "
              + nameOrFile
              + " (built-in: "
              + BuiltInPolicies.all().stream().map(Policy::name).collect(Collectors.joining(", "))
              + "; or give a policy file)");
    }
    return load(file);
  }

  /** Reads one policy file. */
  public static Policy load(Path file) throws PolicyFileException {
    byte[] bytes = read(file);
    PolicyFile parsed;
    try {
      parsed = YAML.readValue(bytes, PolicyFile.class);
    } catch (JsonMappingException e) {
      throw new PolicyFileException(file + ": " + where(e) + clean(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      throw new PolicyFileException(file + ": " + where(e) + clean(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new PolicyFileException("cannot read policy file " + file + ": " + e.getMessage(), e);
    }
    if (parsed == null) {
      throw new PolicyFileException(file + ": the policy file is empty");
    }
    return parsed.toPolicy(file);
  }

  private static byte[] read(Path file) throws PolicyFileException {
    try {
      if (Files.isDirectory(file)) {
        throw new PolicyFileException("policy file " + file + " is a directory");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new PolicyFileException(
            "policy file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PolicyFileException("policy file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new PolicyFileException("cannot read policy file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String where(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String line = location == null ? "" : "line " + location.getLineNr() + ": ";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  reference ->
                      reference.getFieldName() != null
                          ? reference.getFieldName()
                          : "[" + reference.getIndex() + "]")
              .collect(Collectors.joining("."));
      return line + "field " + field.replace(".[", "[") + ": ";
    }
    return line;
  }

  /** Jackson's message without the class names it adds for programmers. */
  private static String clean(String message) {
    if (message == null) {
      return "malformed";
    }
    int known = message.indexOf(" (class ");
    String text = known > 0 ? message.substring(0, known) : message;
    int problem = text.indexOf(", problem: ");
    if (text.startsWith("Cannot construct instance") && problem > 0) {
      text = text.substring(problem + ", problem: ".length());
    }
    return text.replace("Unrecognized field", "unknown field");
  }

  /** The file as written; every field is optional except {@code name}. */
  record PolicyFile(
      String name,
      @JsonProperty("extends") String base,
      String description,
      List<String> protocols,
      CipherRules ciphers,
      List<String> groups,
      CertificateFields certificate,
      @JsonProperty("min_dh_bits") Integer minDhBits,
      @JsonProperty("require_ocsp_stapling") Boolean requireOcspStapling,
      @JsonProperty("require_hsts") Boolean requireHsts,
      Map<String, String> severity,
      List<ExemptionFields> exemptions) {
    PolicyFile {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a policy needs a name");
      }
      if (base != null && BuiltInPolicies.named(base).isEmpty()) {
        throw new IllegalArgumentException("extends unknown policy " + base);
      }
      check(protocols, v -> ProtocolVersion.byReportName(v).isPresent(), "protocol version");
      check(groups, g -> NamedGroup.byName(g).isPresent(), "group");
      if (severity != null) {
        severity.forEach(
            (id, level) -> {
              catalogued(id);
              severityNamed(level);
            });
      }
      if (minDhBits != null && minDhBits < 0) {
        throw new IllegalArgumentException("min_dh_bits must not be negative");
      }
    }

    Policy toPolicy(Path file) {
      Policy from = BuiltInPolicies.named(base == null ? "baseline" : base).orElseThrow();
      Map<String, Severity> severities = new LinkedHashMap<>(from.severities());
      if (severity != null) {
        severity.forEach((id, level) -> severities.put(id, severityNamed(level)));
      }
      return new Policy(
          name,
          description != null ? description : "policy file " + file.getFileName(),
          protocols != null ? Set.copyOf(protocols) : from.allowedProtocols(),
          ciphers != null && ciphers.allowed() != null
              ? Set.copyOf(ciphers.allowed())
              : from.allowedCiphers(),
          ciphers != null && ciphers.forbidden() != null
              ? Set.copyOf(ciphers.forbidden())
              : from.forbiddenCiphers(),
          ciphers != null && ciphers.required() != null
              ? Set.copyOf(ciphers.required())
              : from.requiredCiphers(),
          groups != null ? groupNames(groups) : from.allowedGroups(),
          certificate != null ? certificate.over(from.certificate()) : from.certificate(),
          minDhBits != null ? minDhBits : from.minDhBits(),
          requireOcspStapling != null ? requireOcspStapling : from.requireOcspStapling(),
          requireHsts != null ? requireHsts : from.requireHsts(),
          severities,
          exemptions == null
              ? from.exemptions()
              : exemptions.stream().map(ExemptionFields::exemption).toList());
    }
  }

  /** {@code ciphers:} allowed, forbidden and required suites, by IANA or OpenSSL name. */
  record CipherRules(List<String> allowed, List<String> forbidden, List<String> required) {
    CipherRules {
      for (List<String> names : new List[] {allowed, forbidden, required}) {
        check(names, n -> CipherSuite.byName(n).isPresent(), "cipher suite (IANA or OpenSSL name)");
      }
    }
  }

  /** {@code certificate:} rules on the leaf. */
  record CertificateFields(
      @JsonProperty("key_types") List<String> keyTypes,
      @JsonProperty("min_rsa_bits") Integer minRsaBits,
      List<String> curves,
      @JsonProperty("max_lifetime_days") Integer maxLifetimeDays,
      @JsonProperty("min_days_left") Integer minDaysLeft) {
    CertificateFields {
      check(
          keyTypes,
          t -> Set.of("RSA", "EC", "DSA", "Ed25519", "Ed448").contains(t),
          "key type (RSA, EC, DSA, Ed25519, Ed448)");
      check(curves, c -> NamedGroup.byName(c).isPresent(), "curve");
    }

    Policy.CertificateRules over(Policy.CertificateRules from) {
      return new Policy.CertificateRules(
          keyTypes != null ? Set.copyOf(keyTypes) : from.keyTypes(),
          minRsaBits != null ? minRsaBits : from.minRsaBits(),
          curves != null ? groupNames(curves) : from.curves(),
          maxLifetimeDays != null ? maxLifetimeDays : from.maxLifetimeDays(),
          minDaysLeft != null ? minDaysLeft : from.minDaysLeft());
    }
  }

  /** One entry of {@code exemptions:}. */
  record ExemptionFields(
      String host, Integer port, List<String> findings, String until, String reason) {
    ExemptionFields {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("an exemption needs a host");
      }
      if (findings == null || findings.isEmpty()) {
        throw new IllegalArgumentException("an exemption needs findings (ids, or \"*\")");
      }
      findings.stream().filter(id -> !id.equals("*")).forEach(PolicyFiles::catalogued);
      if (until == null) {
        throw new IllegalArgumentException("an exemption needs until (a date, YYYY-MM-DD)");
      }
      date(until);
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("an exemption needs a reason");
      }
      if (port != null && (port < 1 || port > 65535)) {
        throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
      }
    }

    Policy.Exemption exemption() {
      return new Policy.Exemption(
          host, Optional.ofNullable(port), Set.copyOf(findings), date(until), reason);
    }
  }

  private static void check(List<String> values, Predicate<String> known, String what) {
    if (values == null) {
      return;
    }
    for (String value : values) {
      if (value == null || !known.test(value)) {
        throw new IllegalArgumentException("unknown " + what + " " + value);
      }
    }
  }

  private static void catalogued(String id) {
    if (FindingCatalog.byId(id).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown finding id " + id + " (tlsscan policies --findings lists them)");
    }
  }

  private static Severity severityNamed(String level) {
    try {
      return Severity.valueOf(level.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "unknown severity " + level + " (critical, high, medium, low, info)");
    }
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("until " + text + " is not a date (YYYY-MM-DD)");
    }
  }

  private static Set<String> groupNames(List<String> names) {
    return names.stream().map(n -> NamedGroup.byName(n).orElseThrow().ianaName()).collect(Collectors.toSet());
  }
}
