package org.dialdesk.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JSON typed by a person (the form's editors, the command line's --params and --metadata), read with a place for each problem. */
public final class JsonText {

    /** Where the text stops being JSON, and why. */
    public record Problem(int line, int column, String message) {
        /** "line 3, column 7" */
        public String where() {
            return "line " + line + ", column " + column;
        }
    }

    /**
     * What the text holds: nothing (blank text), a value (an explicit {@code null} is
     * {@link NullNode}), or the problem that stopped it being read.
     */
    public record Read(JsonNode value, Problem problem) {
        public boolean blank() {
            return value == null && problem == null;
        }

        public boolean ok() {
            return problem == null;
        }
    }

    private JsonText() {
    }

    public static Read read(String text) {
        if (text == null || text.isBlank()) {
            return new Read(null, null);
        }
        try {
            // Text after the value ({"a": 1}}) is a mistake too, not something to drop unseen.
            JsonNode node = READER.readTree(text);
            return new Read(node == null || node.isMissingNode() ? null : node, null);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // Jackson's size limits fail with no location: point at the start.
            return new Read(null, new Problem(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    inPlainWords(e.getOriginalMessage())));
        } catch (IOException e) {
            return new Read(null, new Problem(1, 1, "Could not be read: " + e.getMessage()));
        }
    }

    /**
     * What a dial's JSON may hold: the sandbox refuses past the same limits (SandboxLimits), and
     * a real service will have some. Refused here, the operator hears of it before anything is sent.
     */
    public static final int MAX_DEPTH = 32;
    public static final int MAX_NUMBER_DIGITS = 100;
    public static final int MAX_STRING_CHARS = 64 * 1024;

    private static final ObjectReader READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_DIGITS).maxStringLength(MAX_STRING_CHARS).build())
                    .build())
            .build().readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'.*", Pattern.DOTALL);

    /** The parser's message as a person can act on it: what is wrong, and what to write instead. */
    static String inPlainWords(String parser) {
        if (parser == null) {
            return "Not valid JSON.";
        }
        Matcher unrecognized = UNRECOGNIZED.matcher(parser);
        if (unrecognized.matches()) {
            return "\u201c" + unrecognized.group(1) + "\u201d is not a value: put text in double quotes (\""
                    + unrecognized.group(1) + "\"); true, false and null are written bare.";
        }
        if (parser.contains("was expecting double-quote to start field name")) {
            return parser.startsWith("Unexpected character ('}'")
                    ? "A comma before } expects another field: remove the last comma."
                    : "Field names go in double quotes: {\"name\": \"value\"}.";
        }
        if (parser.contains("expected a valid value")) {
            return parser.startsWith("Unexpected character (']'") ? "A comma before ] expects another entry: remove the last comma."
                    : "A value is missing: text in double quotes, a number, true, false, null, {…} or […].";
        }
        if (parser.contains("expected close marker for Object")) {
            return "The JSON ends before the } that closes it.";
        }
        if (parser.contains("expected close marker for Array")) {
            return "The JSON ends before the ] that closes the list.";
        }
        if (parser.contains("was expecting closing quote for a string value")) {
            return "A text value is missing its closing double quote.";
        }
        if (parser.contains("was expecting a colon to separate field name and value")) {
            return "Put a colon between a field's name and its value.";
        }
        if (parser.contains("was expecting comma to separate Object entries")) {
            return "Separate the fields with commas.";
        }
        if (parser.contains("was expecting comma to separate Array entries")) {
            return "Separate the list's entries with commas.";
        }
        if (parser.contains("Leading zeroes not allowed")) {
            return "A number cannot start with 0 (write 7, not 07); put codes with leading zeros in double quotes.";
        }
        if (parser.contains("nesting depth")) {
            return "Nested more than " + MAX_DEPTH + " levels deep, the most a dial's JSON may be.";
        }
        if (parser.startsWith("Number value length") || parser.contains("Number length")) {
            return "A number of more than " + MAX_NUMBER_DIGITS + " digits; put long codes in double quotes.";
        }
        if (parser.startsWith("String value length") || parser.contains("String length")) {
            return "A text of more than " + String.format(Locale.ROOT, "%,d", MAX_STRING_CHARS)
                    + " characters, the longest a dial's JSON may hold.";
        }
        if (parser.startsWith("Unexpected close marker")) {
            return "A } or ] here closes nothing: remove it.";
        }
        if (parser.startsWith("Trailing token")) {
            return "Something follows the end of the JSON: remove it, or wrap the values in {…} or […].";
        }
        // Others as the parser put them, less its character codes: "Unexpected character ('a')".
        return parser.replaceAll(" \\(code \\d+\\)", "").replaceAll("\\s*\\(for Object starting at.*$", "");
    }

    /** Indented the way the editors show it; the text unchanged when it is not JSON. */
    public static String indent(String text) {
        Read read = read(text);
        return read.value() == null ? text : read.value().toPrettyString();
    }
}
