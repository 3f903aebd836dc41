package org.dialdesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A request (or any answer) written out for people: indented JSON, and the same dial as a curl command. */
public final class RequestRendering {
    private RequestRendering() {
    }

    /** Indented JSON, as it is sent (the API's field names, no nulls). */
    public static String prettyJson(Object value) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * A curl command that sends this dial to {@code baseUrl}. The key stays in the operator's
     * environment ({@code $DIALDESK_API_KEY}): a copied command never carries it.
     */
    public static String curl(String baseUrl, DialRequest request) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the dial request as JSON", e);
        }
        return "curl -sS -X POST '" + baseUrl + "/dial/outbound' \\\n"
                + "  -H \"authorization: Bearer $DIALDESK_API_KEY\" \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  --data-raw '" + json.replace("'", "'\\''") + "'";
    }
}
