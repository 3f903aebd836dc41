package org.dialdesk.profile;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dialdesk.api.BaseUrls;

/** What a profile's fields must be, each problem in words that say what to change; checked as typed and on save. */
public final class ProfileRules {
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    static final int MAX_NAME = 40;

    private ProfileRules() {
    }

    /** {@code others} are the other profiles: names are unique, ignoring case, the Sandbox's too. */
    public static Optional<String> nameProblem(String name, Collection<Profile> others) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            return Optional.of("Give the profile a name, e.g. Acme production.");
        }
        if (stripped.length() > MAX_NAME) {
            return Optional.of("Keep the name to " + MAX_NAME + " characters; it is shown in the status bar and on the Dial button.");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("The name cannot hold line breaks or control characters.");
        }
        String folded = stripped.toLowerCase(Locale.ROOT);
        for (Profile other : others) {
            if (other.name().strip().toLowerCase(Locale.ROOT).equals(folded)) {
                return Optional.of("A profile named \"" + other.name() + "\" exists already; choose another name.");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> baseUrlProblem(String baseUrl) {
        try {
            BaseUrls.check(baseUrl);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static Optional<String> colourProblem(String colour) {
        return colour != null && COLOUR.matcher(colour.strip()).matches() ? Optional.empty()
                : Optional.of("Colour is a hex value like #c2410c.");
    }
}
