/**
 * The demo fleet: TLS and not-quite-TLS servers on loopback, each with one known flaw, started in
 * process with certificates from a private CA made at start-up. Used by {@code tlsscan demo} and by
 * the scanner's end-to-end tests.
 */
package io.tlsscan.samples.fleet;
