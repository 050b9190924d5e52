package io.tlsscan.report;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tlsscan.model.HostReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Writes CSV (RFC 4180 quoting, {@code \n} line ends, UTF-8): a header, then one row per target.
 * The columns are:
 *
 * <pre>
 * host, port, ip, sni, status, error_kind, protocol, cipher, subject, issuer, not_after,
 * days_left, trusted, trust_errors, hostname_match, key, signature_algorithm, findings,
 * protocols, weakest_cipher_strength, input, line
 * </pre>
 *
 * <p>Lists ({@code trust_errors}, {@code findings} as ids, {@code protocols} as the versions known
 * to be accepted) are joined with {@code ;}; {@code key} reads like {@code EC 256 secp256r1} or
 * {@code RSA 2048}; certificate columns describe the leaf; {@code weakest_cipher_strength} is
 * {@code insecure}, {@code weak} or {@code strong}; {@code input} and {@code line} name the
 * host-list line (so an {@code invalid_target} row says which line was bad). A cell is empty when
 * its value is unknown or its section absent. Columns are only ever added at the end. Only cells
 * that need it are quoted (those holding commas, quotes or line breaks).
 *
 * <p><b>Formula injection.</b> A text cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is prefixed with a single quote ({@code '}) so that
 * spreadsheets show it as text instead of evaluating it. The rule applies to every cell whose value
 * is text (including host names, host-list input and certificate fields from the server); cells
 * that are numbers by type ({@code port}, {@code days_left}, {@code line}) or booleans are written
 * as they are, so {@code days_left} stays {@code -3}, a number a spreadsheet can sort.
 */
public final class CsvReportWriter extends StreamReportWriter {
  /** The CSV settings, shared with {@link FindingsCsvReportWriter}. */
  static final CsvMapper CSV =
      CsvMapper.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .build();

  private static final CsvSchema SCHEMA = schema();

  private SequenceWriter rows;

  /** A writer on {@code out}; the stream stays open after {@link #close()}. */
  public CsvReportWriter(OutputStream out) {
    super(out, "CSV");
  }

  @Override
  protected void writeRecord(HostReport report) throws IOException {
    rows().write(Arrays.stream(CsvColumn.values()).map(c -> cell(c.value(report))).toList());
  }

  /** Flushes the rows written so far, or the header when there are none yet. */
  @Override
  public void flush() throws IOException {
    rows().flush();
  }

  /** Writes the header if no row came, and hands over what the row writer holds to the stream. */
  @Override
  protected void finish() throws IOException {
    rows().close();
  }

  /**
   * A cell made safe: text has its lone surrogates replaced and is neutralised against formula
   * injection; numbers, booleans and {@code null} pass unchanged.
   */
  static Object cell(Object value) {
    if (!(value instanceof String text)) {
      return value;
    }
    String wellFormed = SafeText.wellFormed(text);
    return startsLikeFormula(wellFormed) ? "'" + wellFormed : wellFormed;
  }

  private static boolean startsLikeFormula(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
  }

  /** The row writer, created with the header row on first use so even no targets give a header. */
  private SequenceWriter rows() throws IOException {
    if (rows == null) {
      rows = CSV.writer(SCHEMA).writeValues(out);
      rows.write(Arrays.stream(CsvColumn.values()).map(CsvColumn::header).toList());
    }
    return rows;
  }

  private static CsvSchema schema() {
    CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(false);
    List.of(CsvColumn.values()).forEach(c -> builder.addColumn(c.header()));
    return builder.build();
  }
}
