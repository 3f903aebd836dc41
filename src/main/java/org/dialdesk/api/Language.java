package org.dialdesk.api;

import java.util.Arrays;
import java.util.Optional;

/** The languages {@code POST /dial/outbound} accepts, spelled as the service spells them. */
public enum Language {
    EN_US("en-US", "English (United States)"),
    EN_GB("en-GB", "English (United Kingdom)"),
    ES_MX("es-MX", "Spanish (Mexico)"),
    ES_ES("es-ES", "Spanish (Spain)"),
    PT_PT("pt-PT", "Portuguese (Portugal)"),
    DE_DE("de-DE", "German (Germany)"),
    FR_FR("fr-FR", "French (France)"),
    PL_PL("pl-PL", "Polish (Poland)"),
    RO_RO("ro-RO", "Romanian (Romania)"),
    IT_IT("it-IT", "Italian (Italy)");

    private final String tag;
    private final String displayName;

    Language(String tag, String displayName) {
        this.tag = tag;
        this.displayName = displayName;
    }

    public String tag() {
        return tag;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Language> fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }

    /** Matches ignoring case and '_' vs '-', for suggesting the right spelling. */
    public static Optional<Language> fromLooseTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String loose = tag.trim().replace('_', '-');
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(loose)).findFirst();
    }

    public static String allTags() {
        return String.join(", ", Arrays.stream(values()).map(Language::tag).toList());
    }
}
