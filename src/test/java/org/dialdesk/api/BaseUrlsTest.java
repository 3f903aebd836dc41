package org.dialdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUrlsTest {

    @ParameterizedTest
    @CsvSource({
        "https://app.happyrobot.ai/api/v1/, https://app.happyrobot.ai/api/v1",
        "http://127.0.0.1:8080/api/v1, http://127.0.0.1:8080/api/v1",
        "http://127.8.9.10:1, http://127.8.9.10:1",
        "http://localhost:9/x, http://localhost:9/x",
        "http://[::1]:9/, http://[::1]:9",
    })
    void accepts(String url, String expected) {
        assertEquals(expected, BaseUrls.check(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/api", "http://10.0.0.5/api", "http://127.0.0.1.evil.com/",
        "http://localhost.evil.com/", "ftp://127.0.0.1/", "app.happyrobot.ai/api/v1", "", "https://user:pw@host/x"})
    void refuses(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseUrls.check(url));
        assertTrue(e.getMessage().length() > 10);
    }
}
