package cn.shixun.shared;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the business: "today" for future-date checks, default status dates, deadlines
 * and cycle arithmetic (and the sign-in throttle's "now") is read from this {@link Clock} in Beijing time
 * ({@link BusinessDate#ZONE}), injected where needed, never from the server's own zone (a server
 * on UTC is still on yesterday until 08:00 in Beijing).
 *
 * <p>{@code shixun.clock.fixed} (an ISO date-time with offset, e.g. {@code 2026-10-15T09:00+08:00})
 * stops it at that instant: the tests pin it so that their dates do not age. Empty (production):
 * the system clock.
 *
 * <p>Camunda's engine keeps its own clock ({@code ClockUtil}): it decides when a timer fires and
 * when a task is overdue (so "overdue" is compared with the real {@code Instant.now()}), and stamps
 * the engine's history. A timer set for a business date fires when the engine's clock reaches it;
 * with this clock pinned in the past, such a timer is already due, and the tests (job executor off)
 * run timers by hand. Record timestamps ({@code Instant.now()} in the modules) stay real time too.
 */
@Configuration(proxyBeanMethods = false)
class BusinessClockConfiguration {

    @Bean
    Clock businessClock(@Value("${shixun.clock.fixed:}") String fixed) {
        if (fixed == null || fixed.isBlank()) {
            return Clock.system(BusinessDate.ZONE);
        }
        try {
            return Clock.fixed(OffsetDateTime.parse(fixed.strip()).toInstant(), BusinessDate.ZONE);
        } catch (DateTimeParseException notADateTime) {
            throw new IllegalStateException("shixun.clock.fixed must be an ISO date-time with offset such as "
                    + "2026-10-15T09:00+08:00, not '" + fixed + "'", notADateTime);
        }
    }
}
