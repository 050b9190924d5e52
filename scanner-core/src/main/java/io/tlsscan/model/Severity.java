package io.tlsscan.model;

/** How bad a finding is, from informational to critical; ordered by increasing severity. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The lower-case name used in the JSON report. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
