package io.zre4j.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Holds the line of the engine's contract (see io.zre4j.core.engine's package documentation): the codec
 * and the engine do no I/O, start no thread and never read a clock, so that the simulator can run
 * hundreds of them deterministically in virtual time.
 */
class EngineIsSansIoTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.zre4j.core.engine", "io.zre4j.core.codec");

    @Test
    void theEngineAndCodecDoNoNetworkOrFileIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..", "java.io..")
                .because("I/O belongs to transports and discoveries, behind the SPIs")
                .check(CORE);
    }

    @Test
    void theEngineAndCodecStartNoThreads() {
        noClasses().should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent")
                .because("one thread owns a node; the engine is stepped by whoever runs it")
                .check(CORE);
    }

    @Test
    void theEngineAndCodecNeverReadAClock() {
        noClasses().should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Instant.class)
                .because("time is a parameter of every input (handle...(nowNs, ...))")
                .check(CORE);
    }
}
