package org.dialdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FirstFrameClassesTest {

    @Test
    void everyListedClassIsInTheToolkitWeShipWith() throws Exception {
        List<String> names = FirstFrameClasses.names();
        assertTrue(names.size() > 50, "the list is there: " + names.size());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("#") || n.isBlank()), "comments are not names");
        // A toolkit upgrade that renames them makes this fail: make the list again (README, "Benchmarks").
        assertEquals(names.size(), FirstFrameClasses.load());
    }
}
