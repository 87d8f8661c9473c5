package io.zre4j.sim.junit;

import io.zre4j.sim.SimNetwork;
import io.zre4j.sim.SimOptions;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit 5 extension behind {@link SimulatedNetwork}: builds the simulation, injects it, and on failure
 * prints what is needed to replay the run.
 */
public final class SimulationExtension implements ParameterResolver, TestExecutionExceptionHandler {

    /** System property that replays a seed. */
    public static final String SEED_PROPERTY = "zre.sim.seed";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulationExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SimNetwork.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SimulatedNetwork settings = settings(context)
                .orElseThrow(() -> new ParameterResolutionException("annotate the test with @SimulatedNetwork"));
        long seed = Optional.ofNullable(System.getProperty(SEED_PROPERTY)).map(Long::parseLong).orElse(settings.seed());
        SimOptions options = SimOptions.lan()
                .withLatency(Duration.ofMillis(settings.latencyMillis()), Duration.ofMillis(settings.jitterMillis()))
                .withBeaconLoss(settings.beaconLoss());
        SimNetwork network = new SimNetwork(seed, options, settings.fullTrace());
        context.getStore(NAMESPACE).put(SimNetwork.class, network);
        network.addNodes(settings.nodes());
        return network;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        SimNetwork network = context.getStore(NAMESPACE).get(SimNetwork.class, SimNetwork.class);
        if (network != null) {
            StringBuilder report = new StringBuilder();
            report.append("\n=== simulation failed: seed ").append(network.seed())
                    .append(" at virtual time ").append(network.elapsed()).append('\n')
                    .append("replay: mvn -B verify -pl zre-sim -am -Dtest='")
                    .append(context.getRequiredTestClass().getSimpleName()).append('#')
                    .append(context.getRequiredTestMethod().getName()).append("' -Dsurefire.failIfNoSpecifiedTests=false -D")
                    .append(SEED_PROPERTY).append('=').append(network.seed()).append('\n')
                    .append("trace hash ").append(network.trace().hash()).append(", last lines:\n");
            network.trace().tail().forEach(line -> report.append("  ").append(line).append('\n'));
            System.err.println(report);
            failure.addSuppressed(new AssertionError("simulation seed " + network.seed()
                    + " (replay with -D" + SEED_PROPERTY + "=" + network.seed() + ")"));
        }
        throw failure;
    }

    private static Optional<SimulatedNetwork> settings(ExtensionContext context) {
        return context.getElement().map(element -> find(element))
                .filter(Optional::isPresent).map(Optional::get)
                .or(() -> context.getTestClass().flatMap(SimulationExtension::find));
    }

    private static Optional<SimulatedNetwork> find(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(SimulatedNetwork.class));
    }
}
