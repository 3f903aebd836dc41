package org.dialdesk.api;

import java.util.Arrays;
import java.util.Optional;

/** Values of the deprecated {@code model} field; {@code model_id} replaces it. */
public enum LegacyModel {
    Fast, Balanced, Robust;

    public static Optional<LegacyModel> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.name().equals(value)).findFirst();
    }
}
