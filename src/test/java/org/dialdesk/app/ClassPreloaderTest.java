package org.dialdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassPreloaderTest {

    /** Records what it is asked to load, and loads nothing of the console's itself. */
    private static final class RecordingLoader extends ClassLoader {
        final List<String> asked = new ArrayList<>();
        final List<String> defined = new ArrayList<>();

        RecordingLoader() {
            super(ClassPreloaderTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            if (!name.startsWith("org.dialdesk.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = define(name);
                }
                return loaded;
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] code = in.readAllBytes();
                defined.add(name);
                return defineClass(name, code, 0, code.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }

    @Test
    void loadsTheListedClassesInOrderAndPassesOverNamesThatAreGone() throws Exception {
        RecordingLoader loader = new RecordingLoader();
        String list = """
                # a comment
                org/dialdesk/domain/ZoneNames

                org/dialdesk/domain/NoSuchClassAnyMore
                org.dialdesk.domain.CallingRule
                """;

        int loaded = ClassPreloader.preload(new StringReader(list), loader);

        assertEquals(2, loaded);
        assertEquals(LISTED, loader.asked.stream().filter(LISTED::contains).distinct().toList(), "asked in the list's order");
        assertTrue(loader.defined.containsAll(List.of("org.dialdesk.domain.ZoneNames", "org.dialdesk.domain.CallingRule")));
    }

    private static final List<String> LISTED = List.of("org.dialdesk.domain.ZoneNames",
            "org.dialdesk.domain.NoSuchClassAnyMore", "org.dialdesk.domain.CallingRule");

    /** Loading ahead must not run static initialisers: their order, and the thread they run on, stay the code's. */
    @Test
    void loadingAheadRunsNoStaticInitialiser() throws Exception {
        System.clearProperty(Initialised.MARK);
        RecordingLoader loader = new RecordingLoader();

        assertEquals(1, ClassPreloader.preload(new StringReader(Initialised.class.getName()), loader));

        assertTrue(loader.defined.contains(Initialised.class.getName()));
        assertNull(System.getProperty(Initialised.MARK), "a static initialiser ran while loading ahead");
        Class.forName(Initialised.class.getName(), true, loader);
        assertEquals("ran", System.getProperty(Initialised.MARK), "the class's first use initialises it");
        System.clearProperty(Initialised.MARK);
    }

    public static final class Initialised {
        static final String MARK = "dialdesk.test.preloaded-class-initialised";

        static {
            System.setProperty(MARK, "ran");
        }
    }

    @Test
    void theConsolesListIsCurrent() throws Exception {
        String list;
        try (InputStream in = ClassPreloader.class.getResourceAsStream(ClassPreloader.LIST)) {
            assertNotNull(in, "the list of classes to load ahead is missing");
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> own = list.lines().filter(l -> l.startsWith("org/dialdesk/")).toList();
        assertTrue(own.contains("org/dialdesk/ui/dial/DialView"), "the dial form is not in the list");
        assertTrue(own.contains("org/dialdesk/ui/history/HistoryView"), "History is not in the list");
        long gone = own.stream().filter(name -> ClassPreloader.class.getClassLoader()
                .getResource(name + ".class") == null).count();
        assertTrue(gone * 10 <= own.size(), gone + " of the " + own.size()
                + " console classes in the list are gone: run packaging/make-preload-list.sh");
    }
}
