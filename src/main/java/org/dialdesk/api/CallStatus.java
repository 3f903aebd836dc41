package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;

/** The twelve status values of a call, spelled exactly as the service spells them. */
public enum CallStatus {
    @JsonProperty("Scheduled") SCHEDULED("Scheduled", false),
    @JsonProperty("Queued") QUEUED("Queued", false),
    @JsonProperty("Initiated") INITIATED("Initiated", false),
    @JsonProperty("Ringing") RINGING("Ringing", false),
    @JsonProperty("In progress") IN_PROGRESS("In progress", false),
    @JsonProperty("Transferred") TRANSFERRED("Transferred", true),
    @JsonProperty("Completed") COMPLETED("Completed", true),
    @JsonProperty("AMD Terminated") AMD_TERMINATED("AMD Terminated", true),
    @JsonProperty("Busy") BUSY("Busy", true),
    @JsonProperty("No answer") NO_ANSWER("No answer", true),
    @JsonProperty("Canceled") CANCELED("Canceled", true),
    @JsonProperty("Failed") FAILED("Failed", true),
    /** A value this version does not know yet; shown as-is, never acted upon. */
    @JsonEnumDefaultValue UNKNOWN("Unknown", false);

    private final String wireName;
    private final boolean terminal;

    CallStatus(String wireName, boolean terminal) {
        this.wireName = wireName;
        this.terminal = terminal;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return terminal;
    }

    /** A call can be cancelled only before it starts dialling. */
    public boolean isCancellable() {
        return this == SCHEDULED || this == QUEUED;
    }

    /** A call can be stopped while it is being placed or talked. */
    public boolean isLive() {
        return this == INITIATED || this == RINGING || this == IN_PROGRESS;
    }

    private static final Map<String, CallStatus> BY_WIRE_NAME = Arrays.stream(values())
            .filter(s -> s.terminal || s.ordinal() < TRANSFERRED.ordinal())
            .collect(Collectors.toUnmodifiableMap(CallStatus::wireName, s -> s));

    /** Looked up in a map: history checks the status of every one of 100,000 rows at a time. */
    public static Optional<CallStatus> fromWireName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
