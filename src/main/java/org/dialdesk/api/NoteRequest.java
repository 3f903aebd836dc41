package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /calls/{id}/notes} and {@code PATCH /calls/{id}/notes/{noteId}}. */
public record NoteRequest(@JsonProperty("content") String content,
                          @JsonProperty("flagged") Boolean flagged) {
}
