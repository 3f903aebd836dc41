package org.dialdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DialRequestValidatorTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final String ID = "64b7f0c2a1b2c3d4e5f60718";
    final DialRequestValidator validator = new DialRequestValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    static DialRequest.Builder valid() {
        return DialRequest.builder().numberId(ID).phoneNumber("+14155550123");
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Arguments ok(String name, UnaryOperator<DialRequest.Builder> change) {
        return Arguments.of(name, change, null, null);
    }

    static Arguments bad(String name, UnaryOperator<DialRequest.Builder> change, String field, String messagePart) {
        return Arguments.of(name, change, field, messagePart);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                ok("minimal", b -> b),
                ok("whitespace around values is trimmed", b -> b.numberId("  " + ID + " ").phoneNumber(" +14155550123\t")),
                ok("blank optionals are left out", b -> b.useCaseId("  ").language("").campaignId(" ")),
                ok("shortest E.164", b -> b.phoneNumber("+6834002")),
                ok("longest E.164", b -> b.phoneNumber("+123456789012345")),
                ok("every optional", b -> b.useCaseId(ID).agentId(ID).modelId(ID).language("pl-PL")
                        .params(json("[1,2]")).metadata(json("{\"a\":1}")).campaignId("c")
                        .scheduledFor(NOW.plusSeconds(60)).maxDurationMins(120).promptId("p")),
                ok("null params allowed", b -> b.params(NullNode.getInstance())),
                ok("scalar params allowed", b -> b.params(json("\"hello\""))),
                ok("empty metadata object is left out", b -> b.metadata(json("{}"))),
                ok("legacy model", b -> b.model("Balanced")),
                bad("missing number_id", b -> b.numberId(null), "number_id", "Choose the caller number"),
                bad("23-char number_id", b -> b.numberId(ID.substring(1)), "number_id", "has 23"),
                bad("25-char number_id", b -> b.numberId(ID + "0"), "number_id", "has 25"),
                bad("space inside id", b -> b.useCaseId("64b7f0c2a1b2 3d4e5f607189"), "use_case_id", "spaces"),
                bad("23-char agent", b -> b.agentId(ID.substring(1)), "agent_id", "exactly 24"),
                bad("25-char model", b -> b.modelId(ID + "a"), "model_id", "exactly 24"),
                bad("missing phone", b -> b.phoneNumber("   "), "phone_number", "Enter the number to call"),
                bad("US national format", b -> b.phoneNumber("(415) 555-0123"), "phone_number", "country code"),
                bad("German national format", b -> b.phoneNumber("030 1234567"), "phone_number", "country code"),
                bad("international with spaces", b -> b.phoneNumber("+1 415 555 0123"), "phone_number", "+14155550123"),
                bad("00 prefix", b -> b.phoneNumber("0044 20 7183 8750"), "phone_number", "+442071838750"),
                bad("letters", b -> b.phoneNumber("+1415CALLNOW"), "phone_number", "only digits"),
                bad("too long", b -> b.phoneNumber("+1234567890123456"), "phone_number", "16"),
                bad("too short", b -> b.phoneNumber("+12345"), "phone_number", "5"),
                bad("country code 0", b -> b.phoneNumber("+0123456789"), "phone_number", "cannot start with 0"),
                bad("language case", b -> b.language("en-us"), "language", "en-US"),
                bad("language underscore", b -> b.language("de_DE"), "language", "de-DE"),
                bad("language not offered", b -> b.language("nl-NL"), "language", "not offered"),
                bad("metadata array", b -> b.metadata(json("[1]")), "metadata", "an array"),
                bad("metadata string", b -> b.metadata(json("\"x\"")), "metadata", "a string"),
                bad("scheduled in the past", b -> b.scheduledFor(NOW.minusSeconds(1)), "scheduled_for", "not in the future"),
                bad("scheduled exactly now", b -> b.scheduledFor(NOW), "scheduled_for", "not in the future"),
                bad("zero minutes", b -> b.maxDurationMins(0), "max_duration_mins", "at least 1"),
                bad("negative minutes", b -> b.maxDurationMins(-5), "max_duration_mins", "at least 1"),
                bad("over the cap", b -> b.maxDurationMins(121), "max_duration_mins", "capped at 120"),
                bad("legacy model value", b -> b.model("Turbo"), "model", "Fast, Balanced or Robust"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(String name, UnaryOperator<DialRequest.Builder> change, String field, String messagePart) {
        List<FieldError> errors = validator.validate(change.apply(valid()).build());
        if (field == null) {
            assertEquals(List.of(), errors);
            return;
        }
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(field, errors.get(0).field());
        assertTrue(errors.get(0).message().contains(messagePart), errors.get(0).message());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<FieldError> errors = validator.validate(DialRequest.builder().language("xx").maxDurationMins(0).build());
        assertEquals(List.of("number_id", "phone_number", "language", "max_duration_mins"),
                errors.stream().map(FieldError::field).toList());
    }
}
