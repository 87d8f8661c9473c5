package io.zre4j.transport.jeromq;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The class path a child JVM or an in-test compiler needs to see what this test sees. */
final class TestClassPath {

    private TestClassPath() {
    }

    /**
     * Everything on this test's class path and module path (surefire may use either), plus the test and main
     * classes of this module, as one class path.
     */
    static String full() {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                entries.addAll(List.of(value.split(File.pathSeparator)));
            }
        }
        entries.add(locationOf(TestClassPath.class));
        entries.add(locationOf(JeromqTransportProvider.class));
        return String.join(File.pathSeparator, entries);
    }

    private static String locationOf(Class<?> type) {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    }
}
