/**
 * Writers of scan records: the JSON record of the report contract ({@link
 * io.tlsscan.report.RecordJson}) and the {@link io.tlsscan.report.ReportWriter}s that stream it as
 * JSON Lines, a JSON array, CSV or a human-readable text view ({@link
 * io.tlsscan.report.ReportFormat}).
 *
 * <p>Every string that reaches an output passes through {@link io.tlsscan.report.SafeText}, since
 * certificate fields come from servers that may be hostile.
 */
package io.tlsscan.report;
