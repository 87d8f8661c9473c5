package io.zre4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogBudgetTest {

    @Test
    void oneWarningASecondGetsThroughAndTheRestAreCounted() {
        LogBudget budget = new LogBudget();

        assertThat(budget.allow(-5_000_000_000L)).isTrue();
        assertThat(budget.allow(-4_500_000_000L)).isFalse();
        assertThat(budget.allow(-4_100_000_000L)).isFalse();
        assertThat(budget.allow(-4_000_000_000L)).isTrue();
        assertThat(budget.takeSuppressed()).isEqualTo(2);
        assertThat(budget.takeSuppressed()).isZero();
    }
}
