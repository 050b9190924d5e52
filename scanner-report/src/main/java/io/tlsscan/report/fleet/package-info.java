/**
 * What a whole scan says about the fleet ({@link io.tlsscan.report.fleet.FleetStats}): counts, the
 * distributions the HTML report charts, the certificates that expire soon or are shared, the names
 * whose addresses disagree, and the worst hosts; gathered one record at a time in bounded memory.
 */
package io.tlsscan.report.fleet;
