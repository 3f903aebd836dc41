package org.dialdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every rule of {@code POST /dial/outbound} as field errors an operator can act on. The client
 * runs it before sending, so nothing invalid ever leaves the machine.
 */
public final class DialRequestValidator {
    public static final int ID_LENGTH = 24;
    /**
     * The contract sets no ceiling; an outbound agent call running for hours is almost always a
     * typo (600 for 60) that would be billed, so DialDesk refuses more than two hours.
     */
    public static final int MAX_DURATION_CAP_MINS = 120;

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().\\-/]");
    private static final DateTimeFormatter UTC_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public DialRequestValidator(Clock clock) {
        this.clock = clock;
    }

    @SuppressWarnings("deprecation")
    public List<FieldError> validate(DialRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.numberId() == null) {
            errors.add(new FieldError("number_id", "Choose the caller number the call comes from."));
        } else {
            checkId(errors, "number_id", request.numberId());
        }
        checkPhone(errors, request.phoneNumber());
        checkId(errors, "use_case_id", request.useCaseId());
        checkId(errors, "agent_id", request.agentId());
        checkId(errors, "model_id", request.modelId());
        checkLanguage(errors, request.language());
        checkMetadata(errors, request.metadata());
        checkSchedule(errors, request.scheduledFor());
        checkMaxDuration(errors, request.maxDurationMins());
        if (request.model() != null && LegacyModel.parse(request.model()).isEmpty()) {
            errors.add(new FieldError("model", "The deprecated model field takes Fast, Balanced or Robust, not \""
                    + request.model() + "\". Prefer model_id."));
        }
        return List.copyOf(errors);
    }

    /** Throws {@link DialServiceException.InvalidRequest} listing every problem, if there is one. */
    public void requireValid(DialRequest request) {
        List<FieldError> errors = validate(request);
        if (!errors.isEmpty()) {
            throw new DialServiceException.InvalidRequest(errors);
        }
    }

    /** One ID in isolation, for forms that check as the operator types. */
    public static String idProblem(String field, String id) {
        if (hasWhitespace(id)) {
            return field + " must not contain spaces.";
        }
        if (id.length() != ID_LENGTH) {
            return field + " must be exactly " + ID_LENGTH + " characters; this one has " + id.length() + ".";
        }
        return null;
    }

    private static boolean hasWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void checkId(List<FieldError> errors, String field, String id) {
        if (id == null) {
            return;
        }
        String problem = idProblem(field, id);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
    }

    /** The phone rule in isolation; null when the number is acceptable E.164. */
    public static String phoneProblem(String phone) {
        if (phone == null || phone.isBlank()) {
            return "Enter the number to call.";
        }
        String trimmed = phone.strip();
        if (E164.matcher(trimmed).matches()) {
            return null;
        }
        String compact = PHONE_PUNCTUATION.matcher(trimmed).replaceAll("");
        if (E164.matcher(compact).matches()) {
            return "Write the number without spaces or punctuation: " + compact + ".";
        }
        if (compact.startsWith("00") && E164.matcher("+" + compact.substring(2)).matches()) {
            return "Use + instead of the 00 prefix: +" + compact.substring(2) + ".";
        }
        if (!compact.startsWith("+")) {
            return "Start with + and the country code, e.g. +14155550123; national formats such as "
                    + "(415) 555-0123 or 030 1234567 cannot be dialled.";
        }
        String digits = compact.substring(1);
        if (!digits.chars().allMatch(Character::isDigit)) {
            return "A phone number has only digits after the +, e.g. +14155550123.";
        }
        if (digits.startsWith("0")) {
            return "The country code cannot start with 0: write +, the country code, then the number.";
        }
        return "An international number has 7 to 15 digits after the +; this one has " + digits.length() + ".";
    }

    private static void checkPhone(List<FieldError> errors, String phone) {
        String problem = phoneProblem(phone);
        if (problem != null) {
            errors.add(new FieldError("phone_number", problem));
        }
    }

    private static void checkLanguage(List<FieldError> errors, String language) {
        if (language == null || Language.fromTag(language).isPresent()) {
            return;
        }
        String message = Language.fromLooseTag(language)
                .map(l -> "Write the language as " + l.tag() + " (exact spelling).")
                .orElse("Language \"" + language + "\" is not offered; choose one of " + Language.allTags()
                        + ", or leave it empty for the use case's default.");
        errors.add(new FieldError("language", message));
    }

    private static void checkMetadata(List<FieldError> errors, JsonNode metadata) {
        if (metadata != null && !metadata.isObject()) {
            errors.add(new FieldError("metadata", "Metadata must be a JSON object such as {\"crm_id\": \"42\"}, not "
                    + describe(metadata) + "."));
            return;
        }
        if (metadata == null || metadata.isEmpty()) {
            return; // most calls' metadata: checked once per row of a 100,000-row file, so without a stream
        }
        List<String> taken = SERVICE_METADATA.stream().filter(metadata::has).toList();
        if (!taken.isEmpty()) {
            errors.add(new FieldError("metadata", "The service sets " + String.join(", ", taken.stream()
                    .map(k -> "\"" + k + "\"").toList()) + " in metadata itself (the call's own numbers and ID): "
                    + "keep your value under another key."));
        }
    }

    /** Metadata keys the service writes on every call; a caller's own would pass for the call's real ones. */
    public static final List<String> SERVICE_METADATA = List.of("call_sid", "from", "to");

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "true/false";
        }
        return node.getNodeType().name().toLowerCase();
    }

    private void checkSchedule(List<FieldError> errors, Instant scheduledFor) {
        if (scheduledFor == null) {
            return;
        }
        Instant now = clock.instant();
        if (!scheduledFor.isAfter(now)) {
            errors.add(new FieldError("scheduled_for", "The scheduled time " + UTC_TEXT.format(scheduledFor)
                    + " is not in the future (now " + UTC_TEXT.format(now.truncatedTo(ChronoUnit.MINUTES))
                    + "). Pick a later time, or dial now."));
        }
    }

    private static void checkMaxDuration(List<FieldError> errors, Integer minutes) {
        if (minutes == null) {
            return;
        }
        if (minutes < 1) {
            errors.add(new FieldError("max_duration_mins", "Maximum duration must be at least 1 minute; "
                    + "leave it empty to use the use case's limit."));
        } else if (minutes > MAX_DURATION_CAP_MINS) {
            errors.add(new FieldError("max_duration_mins", "Maximum duration is capped at "
                    + MAX_DURATION_CAP_MINS + " minutes in DialDesk (was " + minutes + ")."));
        }
    }
}
