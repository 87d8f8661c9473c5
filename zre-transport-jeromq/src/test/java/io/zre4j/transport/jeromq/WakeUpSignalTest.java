package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WakeUpSignalTest {

    @Test
    void aBurstOfSignalsIsConsumedByOneClear() throws Exception {
        try (WakeUpSignal signal = WakeUpSignal.open(); Selector selector = Selector.open()) {
            signal.channel().register(selector, SelectionKey.OP_READ);
            for (int i = 0; i < 1_000; i++) {
                signal.signal();
            }
            assertThat(selector.selectNow()).isEqualTo(1);
            selector.selectedKeys().clear();

            signal.clear();

            assertThat(selector.selectNow()).isZero();
        }
    }

    @Test
    void aSignalAfterAClearIsSeenAgain() throws Exception {
        try (WakeUpSignal signal = WakeUpSignal.open(); Selector selector = Selector.open()) {
            signal.channel().register(selector, SelectionKey.OP_READ);
            signal.signal();
            signal.clear();

            signal.signal();

            assertThat(selector.selectNow()).isEqualTo(1);
        }
    }

    @Test
    void signallingAClosedSignalIsHarmless() {
        WakeUpSignal signal = WakeUpSignal.open();
        signal.close();

        signal.signal();
        signal.close();
    }

    @Test
    void waitsAreRoundedUpToWholeMillisecondsAndNeverOverByAMillisecondOrMore() {
        long oneMs = TimeUnit.MILLISECONDS.toNanos(1);

        assertThat(JeromqTransport.waitMillis(400_000)).isEqualTo(1);
        assertThat(JeromqTransport.waitMillis(1)).isEqualTo(1);
        assertThat(JeromqTransport.waitMillis(oneMs)).isEqualTo(1);
        assertThat(JeromqTransport.waitMillis(oneMs + 1)).isEqualTo(2);
        assertThat(JeromqTransport.waitMillis(250 * oneMs)).isEqualTo(250);
        assertThat(JeromqTransport.waitMillis(Long.MAX_VALUE)).isEqualTo(TimeUnit.HOURS.toMillis(1));
    }
}
