package org.dialdesk.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each thread's matchers for the numbering rules' patterns, reset for each number rather than
 * made for it: making a matcher for every pattern tried was a large part of checking a file's numbers.
 */
final class ThreadMatchers {
    private final ThreadLocal<Map<String, Matcher>> matchers = ThreadLocal.withInitial(HashMap::new);

    Matcher of(String regex, CharSequence input) {
        return matchers.get().computeIfAbsent(regex, r -> Pattern.compile(r).matcher("")).reset(input);
    }
}
