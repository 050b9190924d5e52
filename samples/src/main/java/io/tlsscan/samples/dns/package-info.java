/** A loopback DNS server for tests of scans that resolve names. */
package io.tlsscan.samples.dns;
