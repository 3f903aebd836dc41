package org.dialdesk.domain;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.dialdesk.api.Json;

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
            JsonNode node = Json.mapper().readTree(text);
            return new Read(node == null || node.isMissingNode() ? null : node, null);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // Jackson's size limits fail with no location: point at the start.
            return new Read(null, new Problem(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    e.getOriginalMessage()));
        }
    }

    /** Indented the way the editors show it; the text unchanged when it is not JSON. */
    public static String indent(String text) {
        Read read = read(text);
        return read.value() == null ? text : read.value().toPrettyString();
    }
}
