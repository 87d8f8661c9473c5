package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import zmq.Msg;

/**
 * The budget's counting and decisions, driven by hand: this test's thread plays both JeroMQ's I/O thread
 * (allocations) and the node thread (reads and decisions).
 */
class InboxBudgetTest {

    private final AtomicInteger wakeUps = new AtomicInteger();
    /** 10 frames or 1,000 bytes; the hard limits are 40 frames and 4,000 bytes. */
    private final InboxBudget budget = new InboxBudget(new InboxBudget.Limits(10, 1_000), wakeUps::incrementAndGet);

    @Test
    void framesOverTheLimitRaiseTheAlarmAndWakeTheNodeOnce() {
        allocate(10, 0);
        assertThat(budget.alarmed()).isFalse();

        allocate(5, 0);

        assertThat(budget.alarmed()).isTrue();
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void bytesOverTheLimitRaiseTheAlarm() {
        allocate(1, 1_001);

        assertThat(budget.alarmed()).isTrue();
        assertThat(budget.overflow(true)).contains("1 frames (1001 bytes)");
    }

    @Test
    void unreadBytesBeyondHalfTheMemoryResetAtOnceWhateverTheLimits() {
        InboxBudget smallHeap = new InboxBudget(new InboxBudget.Limits(10, 1_000_000), wakeUps::incrementAndGet, 1_000);

        smallHeap.allocate(600); // a large frame's header arrived: the whole frame is allocated

        assertThat(smallHeap.alarmed()).isTrue();
        assertThat(smallHeap.overflow(false)).contains("hard limit of 40 frames or 500 bytes");
    }

    @Test
    void framesTheNodeHasReadNoLongerCount() {
        allocate(8, 10);
        budget.consumed(8, 80);
        budget.publish();

        allocate(8, 10);

        assertThat(budget.alarmed()).isFalse();
    }

    @Test
    void zmtpCommandsAreNotCounted() {
        for (int i = 0; i < 100; i++) {
            budget.allocate(30).setFlags(Msg.COMMAND); // as JeroMQ's decoder flags a READY or a PING
        }

        assertThat(budget.alarmed()).isFalse();
    }

    @Test
    void overTheLimitWhenEverythingReadableHasBeenReadResets() {
        allocate(11, 0);

        assertThat(budget.overflow(true)).contains("11 frames").contains("never ends");
    }

    @Test
    void aBacklogIsNoOverflowAndTheAlarmIsReArmedOnceTheNodeHasCaughtUp() {
        allocate(30, 0);

        assertThat(budget.overflow(false)).as("messages still readable").isNull();
        assertThat(budget.alarmed()).isTrue();
        budget.consumed(30, 0);
        assertThat(budget.overflow(true)).isNull();
        assertThat(budget.alarmed()).isFalse();

        allocate(11, 0);
        assertThat(wakeUps).hasValue(2);
    }

    @Test
    void overTheHardLimitResetsEvenWithMessagesStillReadable() {
        allocate(41, 0);

        assertThat(budget.overflow(false)).contains("41 frames").contains("hard limit");
    }

    @Test
    void aRetiredBudgetWakesNobody() {
        budget.retire();

        allocate(100, 0);

        assertThat(budget.alarmed()).isFalse();
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void framesAreAllocatedAsJeromqDoes() {
        Msg small = budget.allocate(3);
        Msg large = budget.allocate(2 << 20);

        assertThat(small.size()).isEqualTo(3);
        assertThat(large.size()).isEqualTo(2 << 20);
    }

    @Test
    void theDefaultByteLimitLeavesRoomForFourMaximumFramesAndAtLeast64MiB() {
        assertThat(InboxBudget.Limits.defaults(64L << 20)).isEqualTo(new InboxBudget.Limits(250_000, 256L << 20));
        assertThat(InboxBudget.Limits.defaults(1 << 20).bytes()).isEqualTo(64L << 20);
        assertThat(InboxBudget.Limits.defaults(0).bytes()).isEqualTo(4L * Integer.MAX_VALUE);
        assertThat(new InboxBudget.Limits(1, Long.MAX_VALUE).hard().bytes()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new InboxBudget.Limits(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Allocates {@code count} data frames of {@code size} bytes, as JeroMQ's I/O thread would. */
    private void allocate(int count, int size) {
        for (int i = 0; i < count; i++) {
            budget.allocate(size).setFlags(Msg.MORE);
        }
    }
}
