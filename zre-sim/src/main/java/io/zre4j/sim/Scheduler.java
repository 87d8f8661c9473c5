package io.zre4j.sim;

import java.util.PriorityQueue;

/**
 * The simulation's single event queue in virtual time. Ties are broken by insertion order, so a run is a
 * pure function of its inputs.
 */
final class Scheduler {

    private record Task(long timeNs, long order, Runnable action) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> {
        int byTime = Long.compare(a.timeNs, b.timeNs);
        return byTime != 0 ? byTime : Long.compare(a.order, b.order);
    });
    private long nowNs;
    private long order;
    private long executed;

    long nowNs() {
        return nowNs;
    }

    long executed() {
        return executed;
    }

    /** Runs {@code action} at {@code timeNs} (or now, if that is in the past). */
    void at(long timeNs, Runnable action) {
        tasks.add(new Task(Math.max(timeNs, nowNs), order++, action));
    }

    /** Runs every task due up to {@code untilNs}, then sets the clock to it. */
    void runUntil(long untilNs) {
        Task task;
        while ((task = tasks.peek()) != null && task.timeNs <= untilNs) {
            tasks.poll();
            nowNs = task.timeNs;
            executed++;
            task.action.run();
        }
        nowNs = Math.max(nowNs, untilNs);
    }

    /** Runs the next task, if any is due up to {@code untilNs}; returns false when none is. */
    boolean runNext(long untilNs) {
        Task task = tasks.peek();
        if (task == null || task.timeNs > untilNs) {
            return false;
        }
        tasks.poll();
        nowNs = task.timeNs;
        executed++;
        task.action.run();
        return true;
    }
}
