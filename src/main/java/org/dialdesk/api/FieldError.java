package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A problem with one field, in words an operator can act on; {@code field} is the JSON name. */
public record FieldError(@JsonProperty("field") String field, @JsonProperty("message") String message) {

    @Override
    public String toString() {
        return field == null || field.isEmpty() ? message : field + ": " + message;
    }
}
