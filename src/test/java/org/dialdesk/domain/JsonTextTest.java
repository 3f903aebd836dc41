package org.dialdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON typed by a person: each mistake said in words that say what to write. */
class JsonTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{a: 1}             | 1 | Field names go in double quotes",
        "`{'a': 1}`         | 1 | Field names go in double quotes",
        "{\"a\": 1,}        | 1 | remove the last comma",
        "[1, 2,]            | 1 | remove the last comma",
        "{\"a\": }          | 1 | A value is missing",
        "{\"a\": 1          | 1 | ends before the }",
        "[1, 2              | 1 | ends before the ]",
        "{\"a\": tru}       | 1 | \u201ctru\u201d is not a value",
        "{\"a\" 1}          | 1 | Put a colon",
        "{\"a\": 1 \"b\": 2} | 1 | Separate the fields with commas",
        "[1 2]              | 1 | Separate the list's entries",
        "{\"zip\": 07}      | 1 | cannot start with 0",
        "{\"a\": 1}}        | 1 | closes nothing",
        "{\"a\": 1} {\"b\": 2} | 1 | Something follows the end",
    })
    void eachMistakeIsPlacedAndSaidPlainly(String text, int line, String says) {
        JsonText.Read read = JsonText.read(text);
        assertFalse(read.ok(), text);
        assertTrue(read.problem().message().contains(says), text + ": " + read.problem().message());
        assertFalse(read.problem().message().contains("code "), "no parser character codes: " + read.problem().message());
        assertEquals(line, read.problem().line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"a\": [1, 2], \"b\": null}", "null", "  [ ]  "})
    void validJsonIsRead(String text) {
        assertTrue(JsonText.read(text).ok(), text);
    }
}
