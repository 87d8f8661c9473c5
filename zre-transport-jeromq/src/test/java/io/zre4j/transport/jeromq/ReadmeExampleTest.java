package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles the Java example of README.md (between the readme-example markers) against the real
 * libraries, so that the documentation cannot drift from the API. Compiled only, not run: run as written it
 * would beacon on the default port of a real network.
 */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleCompilesAgainstTheCurrentApi() throws Exception {
        Path readme = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");
        String text = Files.readString(readme);
        String section = text.substring(text.indexOf("<!-- readme-example:start -->"), text.indexOf("<!-- readme-example:end -->"));
        String source = section.substring(section.indexOf("```java") + "```java".length(), section.lastIndexOf("```"));

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("readme-example");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///Camera.java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            boolean compiled = compiler.getTask(null, files, diagnostics,
                    List.of("--release", "17", "-classpath", TestClassPath.full(), "-d", out.toString()), null, List.of(unit)).call();
            assertThat(compiled).as("README example compiles: %s", diagnostics.getDiagnostics()).isTrue();
        }
        assertThat(out.resolve("Camera.class")).exists();
    }

}
