package org.dialdesk.ui.bulk;

import org.dialdesk.bulk.BulkField;

/** One cell of a row being fixed: its column, what the column is in the dial, and its value. */
public record CellToFix(String column, BulkField field, String value) {
}
