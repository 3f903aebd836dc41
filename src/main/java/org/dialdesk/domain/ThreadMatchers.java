package org.dialdesk.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matchers for the numbering rules' patterns, each thread with its own, reset for each number
 * rather than made for it: making a matcher for every pattern tried was a large part of checking
 * a file's numbers. The patterns are compiled once for all threads. A thread keeps a matcher for
 * each pattern it has used (a few per country it has met; a few thousand at most), and the last
 * number each read.
 */
final class ThreadMatchers {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Map<String, Matcher>> MATCHERS = ThreadLocal.withInitial(HashMap::new);

    private ThreadMatchers() {
    }

    static Matcher of(String regex, CharSequence input) {
        return MATCHERS.get().computeIfAbsent(regex, r -> PATTERNS.computeIfAbsent(r, Pattern::compile).matcher(""))
                .reset(input);
    }
}
