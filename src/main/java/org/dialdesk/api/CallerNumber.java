package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One of the organisation's phone numbers, used as caller ID ({@code number_id}). */
public record CallerNumber(
        @JsonProperty("id") String id,
        @JsonProperty("number") String number,
        @JsonProperty("title") String title,
        @JsonProperty("locality") String locality) {
}
