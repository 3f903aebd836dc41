package org.dialdesk.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What the sandbox accepts in a request, refused at the door past it: whatever it stores it can
 * always write back. Jackson's own limits (1,000 levels, numbers of 1,000 digits, strings of
 * 20 MB) are far above anything a dial needs and above what its writer takes back out, so a call
 * with params 998 deep was stored and then broke every page of call history that held it.
 */
final class SandboxLimits {
    /**
     * Levels of nested objects and arrays in a whole request: the console lets params and metadata
     * be 32 deep (JsonText), and they sit at most two levels down (a batch's array, its dial).
     */
    static final int MAX_DEPTH = 34;
    static final int MAX_NUMBER_DIGITS = 100;
    static final int MAX_STRING_CHARS = 64 * 1024;
    /** The whole body; see {@link SandboxHttpHandler}. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private SandboxLimits() {
    }

    static String describe() {
        return "at most " + MAX_DEPTH + " levels of nesting, numbers of " + MAX_NUMBER_DIGITS + " digits, strings of "
                + MAX_STRING_CHARS + " characters, " + MAX_BODY_BYTES + " bytes in all";
    }

    /**
     * What request bodies are read with: within the limits. What the sandbox stored is read back
     * with its ordinary mapper, so a call stored before the limits (or under other ones) still reads.
     */
    static final ObjectReader REQUESTS = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_DIGITS).maxStringLength(MAX_STRING_CHARS).build())
                    .build())
            .build().reader();

    /** The sandbox's mapper for everything but request bodies. */
    static ObjectMapper mapper() {
        return JsonMapper.builder().build();
    }
}
