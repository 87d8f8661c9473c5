package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.zre4j.spi.TransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JeromqTransportProviderTest {

    @Test
    void theProviderIsNamedJeromq() {
        assertThat(new JeromqTransportProvider().name()).isEqualTo("jeromq");
    }

    @Test
    void guiceBindsTheTransportProviderToJeromq() {
        TransportProvider provider = Guice.createInjector(new JeromqTransportModule()).getInstance(TransportProvider.class);

        assertThat(provider).isInstanceOf(JeromqTransportProvider.class);
    }

    @Test
    void theProviderIsRegisteredForTheServiceLoaderOnTheClassPath() throws IOException {
        try (InputStream in = JeromqTransportProvider.class.getClassLoader()
                .getResourceAsStream("META-INF/services/io.zre4j.spi.TransportProvider")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo(JeromqTransportProvider.class.getName());
        }
    }

    @Test
    void theProviderIsRegisteredForTheServiceLoaderOnTheModulePath() {
        Module module = JeromqTransportProvider.class.getModule();
        if (!module.isNamed()) {
            return; // Running on the class path: the services file above is what counts there.
        }
        assertThat(module.getDescriptor().provides()).anySatisfy(provides -> {
            assertThat(provides.service()).isEqualTo(TransportProvider.class.getName());
            assertThat(provides.providers()).containsExactly(JeromqTransportProvider.class.getName());
        });
        assertThat(module.getDescriptor().exports()).extracting(ModuleDescriptor.Exports::source)
                .contains("io.zre4j.transport.jeromq");
    }
}
