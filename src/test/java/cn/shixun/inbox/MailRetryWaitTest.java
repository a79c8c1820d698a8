package cn.shixun.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a failed mail waits before its next try: doubling from the first wait, never above the max. */
class MailRetryWaitTest {

    private final MailDelivery delivery = new MailDelivery(null, null, null, Duration.ofMinutes(1), Duration.ofHours(1), 20);

    @Test
    void theWaitDoublesAfterEachFailure_upToTheMax() {
        assertThat(delivery.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(delivery.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(delivery.waitAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(delivery.waitAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(delivery.waitAfter(19)).isEqualTo(Duration.ofHours(1));
    }
}
