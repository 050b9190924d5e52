/**
 * Reading saved scans: JSON Lines files of records, streamed one line at a time ({@link
 * io.tlsscan.report.saved.RecordReader}), each record reduced to the facts reports and diffs
 * compare ({@link io.tlsscan.report.saved.ScanRecord}). Built on the JSON record of the report
 * contract, not on the scanner's Java model, so a saved scan of an earlier version still reads.
 */
package io.tlsscan.report.saved;
