package cn.shixun.shared;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the business: "today" and "now" for future-date checks, default status dates,
 * deadlines and cycle arithmetic are read from this {@link Clock} in Beijing time
 * ({@link BusinessDate#ZONE}), injected where needed, never from the server's own zone (a server
 * on UTC is still on yesterday until 08:00 in Beijing).
 *
 * <p>{@code shixun.clock.fixed} (an ISO date-time with offset, e.g. {@code 2026-10-15T09:00+08:00})
 * stops it at that instant: the tests pin it so that their dates do not age. Empty (production):
 * the system clock. Camunda's engine keeps its own clock (timers, due dates, task creation times).
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
