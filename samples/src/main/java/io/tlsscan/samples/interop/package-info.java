/**
 * TLS servers of other stacks (lighttpd with each of its TLS modules, {@code gnutls-serv}, caddy, a
 * JSSE server) on loopback addresses, for the interoperability tests. The Debian packages come from
 * {@code samples/interop/install.sh}.
 */
package io.tlsscan.samples.interop;
