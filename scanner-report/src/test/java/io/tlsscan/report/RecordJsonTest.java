package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.SignatureAlgorithms;
import io.tlsscan.model.Tls12Resumption;
import io.tlsscan.model.Tls13Resumption;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The contract's example record, one line; broken here only between tokens. */
  private static final String EXPIRED_GOLDEN =
      """
{"target":{"input":"expired.example:443 10.0.0.5","line":12,"host":"expired.example",\
"port":443,"ip":"10.0.0.5","sni":"expired.example","starttls":null},\
"status":"ok","error":null,"started_at":"2026-11-26T10:00:00.123Z","duration_ms":412,\
"connections":1,\
"handshake":{"protocol":"TLSv1.3","cipher":"TLS_AES_128_GCM_SHA256","group":"x25519",\
"alpn":"h2","ocsp_stapled":false,"client_certificate_requested":false,\
"source":"tls_library"},\
"certificate":{"trusted":false,"trust_errors":["expired"],"hostname_match":true,"chain":[\
{"subject":"CN=expired.example","issuer":"CN=Test Intermediate","serial":"1a2b",\
"not_before":"2026-08-25T10:00:00.000Z","not_after":"2026-11-23T10:00:00.000Z",\
"days_left":-3,"key":{"type":"EC","bits":256,"curve":"secp256r1",\
"spki_sha256":"1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a"},\
"signature_algorithm":"SHA256withECDSA","san":["expired.example"],"san_truncated":false,\
"sha256":"0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a",\
"self_signed":false,"ca":false},\
{"subject":"CN=Test Intermediate","issuer":"CN=Test Root","serial":"02",\
"not_before":"2026-01-01T00:00:00.000Z","not_after":"2031-01-01T00:00:00.000Z",\
"days_left":1496,"key":{"type":"RSA","bits":2048,"curve":null,\
"spki_sha256":"1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b"},\
"signature_algorithm":"SHA256withRSA","san":[],"san_truncated":false,\
"sha256":"0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",\
"self_signed":false,"ca":true}],\
"path":[{"subject":"CN=expired.example",\
"sha256":"0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a","source":"sent"},\
{"subject":"CN=Test Intermediate",\
"sha256":"0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b","source":"sent"},\
{"subject":"CN=Test Root",\
"sha256":"abababababababababababababababababababababababababababababababab",\
"source":"trust_store"}]},\
"protocols":{"SSLv2":false,"SSLv3":false,"TLSv1.0":false,"TLSv1.1":false,\
"TLSv1.2":true,"TLSv1.3":true},\
"ciphers":{"TLSv1.2":[{"name":"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256","bits":128,\
"strength":"strong","kx_group":"x25519","kx_bits":253}],\
"TLSv1.3":[{"name":"TLS_AES_128_GCM_SHA256","bits":128,"strength":"strong",\
"kx_group":null,"kx_bits":null}]},\
"server_cipher_order":true,\
"groups":["x25519","secp256r1"],\
"probe_errors":{},\
"findings":[{"id":"cert.expired","severity":"critical",\
"message":"certificate expired 3 days ago","policy":"mozilla-intermediate"}]}""";

  @Test
  void fullRecordIsExactlyTheContractShape() {
    // Given the contract's example target, with sub-millisecond start time, a certificate issue
    // and every probe section
    // When it is written as a record
    String json = new String(RecordJson.toBytes(SampleReports.expired()), StandardCharsets.UTF_8);
    // Then every key, value and the key order match, issues are not serialized, and the time is
    // cut to milliseconds
    assertThat(json).isEqualTo(EXPIRED_GOLDEN);
  }

  @Test
  void topLevelKeysFollowTheContractOrder() {
    assertThat(fieldNames(RecordJson.toTree(SampleReports.expired())))
        .containsExactly(
            "target",
            "status",
            "error",
            "started_at",
            "duration_ms",
            "connections",
            "handshake",
            "certificate",
            "protocols",
            "ciphers",
            "server_cipher_order",
            "groups",
            "probe_errors",
            "findings");
  }

  @Test
  void sessionSectionCarriesTheStapleVerdictAndEachSct() {
    // Given a record whose server stapled a delegate-signed "revoked" and sent two SCTs
    JsonNode session =
        RecordJson.toTree(SampleReports.withRevokedStaple(SampleReports.trusted())).get("session");
    // Then the staple's verdict, signer and dates, and each SCT's source, log and time are there
    assertThat(session.toString())
        .isEqualTo(
            "{\"ocsp\":{\"status\":\"revoked\",\"signer\":\"delegate\","
                + "\"produced_at\":\"2026-11-26T09:00:00.000Z\","
                + "\"this_update\":\"2026-11-26T09:00:00.000Z\","
                + "\"next_update\":\"2026-11-27T09:00:00.000Z\","
                + "\"revoked_at\":\"2026-11-25T00:00:00.000Z\",\"stale\":false,\"problem\":null},"
                + "\"scts\":[{\"source\":\"certificate\",\"version\":0,\"log_id\":\"oaGhoQ==\","
                + "\"timestamp\":\"2026-11-20T08:00:00.250Z\"},"
                + "{\"source\":\"ocsp\",\"version\":0,\"log_id\":\"w8PDww==\","
                + "\"timestamp\":\"2026-11-20T08:00:00.250Z\"}],"
                + "\"alpn\":[\"h2\",\"http/1.1\"],\"alpn_error\":null,"
                + "\"tls12\":{\"resumes_by_id\":true,\"promises_ticket\":true,"
                + "\"extended_master_secret\":true,\"resumes_by_ticket\":false,"
                + "\"ticket_lifetime_hint\":300,\"ticket_error\":null},\"tls12_error\":null,"
                + "\"tls13\":{\"issues_ticket\":true,\"ticket_lifetime\":7200,"
                + "\"max_early_data\":16384,\"resumes_by_psk\":true,\"psk_error\":null},"
                + "\"tls13_error\":null,\"sigalgs\":{\"tls12\":[\"rsa_pss_rsae_sha256\","
                + "\"rsa_pkcs1_sha256\"],\"tls12_error\":null,\"tls13\":null,"
                + "\"tls13_error\":\"not probed\"}}");
  }

  @Test
  void unknownTicketResumptionIsNullWithItsReason() {
    // Given a TLS 1.2 server whose ticket handshake could not be completed
    JsonNode tls12 =
        RecordJson.toTree(
                SampleReports.withSession(
                    SampleReports.trusted(),
                    new SessionReport(
                        null,
                        List.of(),
                        List.of(),
                        null,
                        new Tls12Resumption(
                            true, true, true, null, null, "ticket handshake: alert decode_error"),
                        null,
                        null,
                        "no TLS 1.3",
                        new SignatureAlgorithms(List.of(), null, null, "not probed"))))
            .get("session")
            .get("tls12");
    // Then resumption by ticket and the hint are null, and the reason is given
    assertThat(tls12.get("resumes_by_ticket").isNull()).as("%s", tls12).isTrue();
    assertThat(tls12.get("ticket_lifetime_hint").isNull()).isTrue();
    assertThat(tls12.get("ticket_error").asText())
        .isEqualTo("ticket handshake: alert decode_error");
  }

  @Test
  void serverWithoutStapleHasANullOcspAndUndecidedAlpnIsNullWithItsReason() {
    JsonNode session =
        RecordJson.toTree(
                SampleReports.withSession(
                    SampleReports.trusted(),
                    new SessionReport(
                        null,
                        List.of(),
                        null,
                        "offering h3: timed out",
                        null,
                        "no TLS 1.2",
                        null,
                        "TLS 1.3 handshake: alert protocol_version",
                        new SignatureAlgorithms(
                            null, "no signed TLS 1.2 ServerKeyExchange", null, "not probed"))))
            .get("session");
    assertThat(session.get("ocsp").isNull()).as("%s", session).isTrue();
    assertThat(session.get("scts").isEmpty()).isTrue();
    assertThat(session.get("alpn").isNull()).isTrue();
    assertThat(session.get("alpn_error").asText()).isEqualTo("offering h3: timed out");
    assertThat(session.get("tls12").isNull()).isTrue();
    assertThat(session.get("tls12_error").asText()).isEqualTo("no TLS 1.2");
    assertThat(session.get("tls13").isNull()).isTrue();
    assertThat(session.get("tls13_error").asText())
        .isEqualTo("TLS 1.3 handshake: alert protocol_version");
    assertThat(session.get("sigalgs").toString())
        .isEqualTo(
            "{\"tls12\":null,\"tls12_error\":\"no signed TLS 1.2 ServerKeyExchange\","
                + "\"tls13\":null,\"tls13_error\":\"not probed\"}");
  }

  @Test
  void unscannedTargetHasAnErrorAndNoProbeSections() {
    // Given a target whose connection was refused, so no probe ran
    JsonNode record = RecordJson.toTree(SampleReports.failed(ErrorKind.REFUSED));
    // Then the record says why, and carries no probe section, not even as null
    assertThat(record.get("status").asText()).isEqualTo("error");
    assertThat(record.get("error").get("kind").asText()).isEqualTo("refused");
    assertThat(record.get("error").get("phase").asText()).isEqualTo("connect");
    assertThat(record.get("error").get("message").asText()).contains("10.0.0.6:8443");
    assertThat(record.has("handshake")).isFalse();
    assertThat(record.has("certificate")).isFalse();
    assertThat(record.has("server_cipher_order")).isFalse();
    assertThat(record.get("probe_errors").isEmpty()).as("nothing started, nothing failed").isTrue();
    assertThat(fieldNames(record))
        .containsExactly(
            "target",
            "status",
            "error",
            "started_at",
            "duration_ms",
            "connections",
            "probe_errors",
            "findings");
  }

  @ParameterizedTest
  @EnumSource(ErrorKind.class)
  void errorKindsAreLowerCaseWireNames(ErrorKind kind) {
    JsonNode error = RecordJson.toTree(SampleReports.failed(kind)).get("error");
    assertThat(error.get("kind").asText())
        .isEqualTo(kind.name().toLowerCase(Locale.ROOT))
        .matches("[a-z_]+");
  }

  @Test
  void failedProbeLeavesItsSectionOutAndSaysWhyInProbeErrors() {
    // Given a handshake that completed and a certificate probe that timed out half way
    JsonNode record = RecordJson.toTree(SampleReports.certificateProbeFailed());
    // Then the partial certificate is not shown, the failure is, and the target is still ok
    assertThat(record.get("status").asText()).isEqualTo("ok");
    assertThat(record.get("error").isNull()).isTrue();
    assertThat(record.has("handshake")).isTrue();
    assertThat(record.has("certificate")).isFalse();
    JsonNode failure = record.get("probe_errors").get("certificate");
    assertThat(failure.get("kind").asText()).isEqualTo("timeout");
    assertThat(failure.get("message").asText())
        .isEqualTo("deadline reached while reading the chain");
    assertThat(fieldNames(record.get("probe_errors"))).containsExactly("certificate");
    assertThat(fieldNames(failure)).containsExactly("kind", "message");
  }

  @Test
  void failedCipherProbeTakesServerCipherOrderWithIt() {
    // Given a scan whose cipher probe timed out half way while the others completed
    JsonNode record = RecordJson.toTree(SampleReports.cipherProbeFailed());
    // Then neither the partial suites nor an order verdict is shown, and the failure is named
    assertThat(record.has("ciphers")).isFalse();
    assertThat(record.has("server_cipher_order")).isFalse();
    assertThat(fieldNames(record.get("probe_errors"))).containsExactly("ciphers");
    assertThat(record.at("/probe_errors/ciphers/kind").asText()).isEqualTo("timeout");
    assertThat(record.at("/probe_errors/ciphers/message").asText())
        .isEqualTo("deadline reached after 31 of 120 suites");
    // And the sections that completed are there, an empty group list included
    assertThat(record.get("groups").isArray()).isTrue();
    assertThat(record.get("groups").isEmpty()).isTrue();
    assertThat(fieldNames(record))
        .containsExactly(
            "target",
            "status",
            "error",
            "started_at",
            "duration_ms",
            "connections",
            "handshake",
            "certificate",
            "protocols",
            "groups",
            "probe_errors",
            "findings");
  }

  @Test
  void protocolsKeepEveryVersionInOrderWithNullForUnknown() {
    // Given a server where TLS 1.1 could not be told
    JsonNode protocols = RecordJson.toTree(SampleReports.legacy()).get("protocols");
    // Then all six versions are keys, oldest first, and the unknown one is null, not false
    assertThat(fieldNames(protocols))
        .containsExactly("SSLv2", "SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    assertThat(protocols.get("SSLv3").asBoolean()).isTrue();
    assertThat(protocols.get("TLSv1.1").isNull()).isTrue();
    assertThat(protocols.get("TLSv1.3").isBoolean()).isTrue();
    assertThat(protocols.get("TLSv1.3").asBoolean(true)).isFalse();
  }

  @Test
  void ciphersAreGroupedByVersionInTheServersOrder() {
    JsonNode record = RecordJson.toTree(SampleReports.legacy());
    JsonNode ciphers = record.get("ciphers");
    assertThat(fieldNames(ciphers)).containsExactly("SSLv3", "TLSv1.0");
    assertThat(ciphers.at("/TLSv1.0/0/name").asText()).isEqualTo("TLS_RSA_WITH_RC4_128_SHA");
    JsonNode dhe = ciphers.get("TLSv1.0").get(4);
    assertThat(dhe.get("name").asText()).isEqualTo("TLS_DHE_RSA_WITH_DES_CBC_SHA");
    assertThat(dhe.get("bits").asInt()).isEqualTo(56);
    assertThat(dhe.get("strength").asText()).isEqualTo("insecure");
    assertThat(dhe.get("kx_group").isNull()).as("no ECDHE group with DHE").isTrue();
    assertThat(dhe.get("kx_bits").asInt()).isEqualTo(512);
    assertThat(fieldNames(dhe)).containsExactly("name", "bits", "strength", "kx_group", "kx_bits");
    assertThat(record.get("server_cipher_order").asBoolean(true)).isFalse();
    assertThat(record.get("groups")).hasSize(1);
  }

  @Test
  void serverCipherOrderIsNullWhenNoVersionHadTwoSuitesToCompare() {
    HostReport report =
        SampleReports.withCiphers(
            SampleReports.trusted(),
            new CipherSupport(
                Map.of(
                    "TLSv1.3",
                    List.of(new CipherInfo("TLS_AES_256_GCM_SHA384", 256, "strong", null, null))),
                null));
    JsonNode record = RecordJson.toTree(report);
    assertThat(record.get("server_cipher_order")).isNotNull();
    assertThat(record.get("server_cipher_order").isNull()).isTrue();
  }

  @Test
  void handshakeSaysWhereItsFactsCameFrom() {
    assertThat(RecordJson.toTree(SampleReports.expired()).at("/handshake/source").asText())
        .isEqualTo("tls_library");
    assertThat(RecordJson.toTree(SampleReports.legacy()).at("/handshake/source").asText())
        .isEqualTo("raw_hello");
  }

  @Test
  void probeThatDidNotRunLeavesNoTrace() {
    JsonNode record = RecordJson.toTree(SampleReports.certificateNotRun());
    assertThat(record.has("certificate")).isFalse();
    assertThat(record.get("probe_errors").isEmpty()).isTrue();
  }

  @Test
  void nullMeansTheProbeRanButCouldNotTell() {
    // Given a completed scan where group, ALPN and the hostname match are unknown
    JsonNode record = RecordJson.toTree(SampleReports.hostile("CN=plain"));
    // Then those keys are present with null, never left out
    assertThat(record.get("handshake").get("group").isNull()).isTrue();
    assertThat(record.get("handshake").get("alpn").isNull()).isTrue();
    assertThat(record.get("certificate").get("hostname_match").isNull()).isTrue();
    assertThat(record.get("certificate").get("chain").get(0).get("key").get("curve").isNull())
        .isTrue();
    assertThat(record.get("target").get("sni").isNull()).isTrue();
  }

  @Test
  void hostnameMismatchIsFalse() {
    HostReport report = SampleReports.expired();
    CertificateReport certificate = report.certificate().resultOrNull();
    HostReport mismatch =
        SampleReports.withCertificate(
            report,
            new CertificateReport(
                certificate.trustErrors(),
                HostnameMatch.MISMATCH,
                certificate.chain(),
                certificate.path(),
                certificate.issues()));
    assertThat(RecordJson.toTree(mismatch).get("certificate").get("hostname_match").asBoolean(true))
        .isFalse();
  }

  @Test
  void invalidTargetKeepsTheInputAndLineWithNullAddress() {
    JsonNode record = RecordJson.toTree(SampleReports.invalidTarget());
    JsonNode target = record.get("target");
    assertThat(target.get("input").asText()).isEqualTo("bad host:99999");
    assertThat(target.get("line").asLong()).isEqualTo(7);
    for (String key : List.of("host", "port", "ip", "sni", "starttls")) {
      assertThat(target.get(key)).as(key).isNotNull();
      assertThat(target.get(key).isNull()).as(key).isTrue();
    }
    assertThat(record.get("error").get("kind").asText()).isEqualTo("invalid_target");
    assertThat(record.get("error").get("phase").asText()).isEqualTo("parse");
  }

  @Test
  void hostileCertificateTextStillGivesOneLineOfValidUtf8Json() throws Exception {
    // Given a subject with lone surrogates, NUL, ESC, a line break, DEL, U+2028, quotes and
    // backslashes, next to a proper emoji surrogate pair
    String subject = "CN=\uD800x\uDC00\u0000\u001b[2J\n\r\u007f\u2028\"\\ \uD83D\uDE00\uDBFF";
    // When it is written as a record
    byte[] bytes = RecordJson.toBytes(SampleReports.hostile(subject));
    // Then the bytes are valid UTF-8 on a single line without raw control characters
    String line = strictUtf8(bytes);
    assertThat(line).doesNotContain("\n", "\r", "\u0000", "\u001b");
    assertThat(line.chars().filter(c -> c < 0x20)).isEmpty();
    // And parsing it back gives the subject with each lone surrogate replaced by U+FFFD
    JsonNode leaf = JSON.readTree(line).get("certificate").get("chain").get(0);
    String expected = "CN=\uFFFDx\uFFFD\u0000\u001b[2J\n\r\u007f\u2028\"\\ \uD83D\uDE00\uFFFD";
    assertThat(leaf.get("subject").asText()).isEqualTo(expected);
    assertThat(leaf.get("issuer").asText()).isEqualTo(expected);
    assertThat(leaf.get("san").get(0).asText()).isEqualTo(expected);
    assertThat(JSON.readTree(line).get("findings").get(0).get("message").asText())
        .isEqualTo(expected);
  }

  @Test
  void sectionNamesAreTheProbeSectionsInRecordOrder() {
    assertThat(RecordJson.sectionNames())
        .containsExactly("handshake", "certificate", "protocols", "ciphers", "groups", "session");
  }

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
