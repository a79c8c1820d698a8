/**
 * The hour ledger: append-only entries per teacher, registration through the
 * policy's calculator, corrections by reversal, legacy imports, and the status query.
 */
package cn.shixun.ledger;
