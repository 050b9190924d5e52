/**
 * The hostile fleet: servers on loopback that stall, drip, lie about record lengths, flood, send
 * oversized chains or break off mid-handshake, each with what a careful scan reports for it. Used
 * by the tests that check a hostile server cannot hang, exhaust or crash the scanner.
 */
package io.tlsscan.samples.hostile;
