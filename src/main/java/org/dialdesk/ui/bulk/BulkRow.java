package org.dialdesk.ui.bulk;

/** One preview or run row, as the Bulk table shows it; {@code fixed} when the operator changed its cells here. */
public record BulkRow(int number, String callee, String status, String reason, String callId, boolean ready, boolean fixed) {
}
