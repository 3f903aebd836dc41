package org.dialdesk.bulk;

import java.nio.charset.Charset;

/**
 * How a spreadsheet file is read: detected on import, shown, and changeable by the operator.
 * {@code delimiter} and {@code charset} matter for text files only.
 */
public record SheetFormat(Kind kind, Charset charset, boolean byteOrderMark, char delimiter, boolean header) {

    public enum Kind { CSV, XLSX }

    public SheetFormat withCharset(Charset newCharset) {
        return new SheetFormat(kind, newCharset, byteOrderMark, delimiter, header);
    }

    public SheetFormat withDelimiter(char newDelimiter) {
        return new SheetFormat(kind, charset, byteOrderMark, newDelimiter, header);
    }

    public SheetFormat withHeader(boolean newHeader) {
        return new SheetFormat(kind, charset, byteOrderMark, delimiter, newHeader);
    }

    /** "UTF-8 with BOM · semicolon-separated · first row is the header", for the import screen and the command. */
    public String describe() {
        String rows = header ? "first row is the header" : "no header row";
        if (kind == Kind.XLSX) {
            return "Excel workbook (first sheet) · " + rows;
        }
        return charset.displayName() + (byteOrderMark ? " with BOM" : "") + " · " + delimiterName(delimiter) + " · " + rows;
    }

    public static String delimiterName(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma-separated";
            case ';' -> "semicolon-separated";
            case '\t' -> "tab-separated";
            case '|' -> "bar-separated";
            default -> "separated by '" + delimiter + "'";
        };
    }
}
