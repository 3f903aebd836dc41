package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One of the organisation's phone numbers, used as caller ID ({@code number_id}). {@code useCaseId}
 * is the use case a call from it gets when the dial names none, when the service says which (its
 * number listing may carry {@code use_case_id}); null when it does not.
 */
public record CallerNumber(
        @JsonProperty("id") String id,
        @JsonProperty("number") String number,
        @JsonProperty("title") String title,
        @JsonProperty("locality") String locality,
        @JsonProperty("use_case_id") String useCaseId) {

    @JsonCreator
    public CallerNumber {
    }

    /** A number whose default use case is not known. */
    public CallerNumber(String id, String number, String title, String locality) {
        this(id, number, title, locality, null);
    }
}
