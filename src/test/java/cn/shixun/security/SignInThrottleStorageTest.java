package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sign-in throttling's counts in the database, as two nodes share them (ADR 0008's way: the
 * database is the only shared state): two {@link SignInThrottle}s over one table, on a clock of the
 * test's. {@link SignInThrottleStorageMariaDbIT} runs the same on MariaDB.
 */
@SpringBootTest
class SignInThrottleStorageTest {

    @Autowired SignInFailureRepository failures;
    @Autowired SignInThrottleSettings settings;
    @Autowired PlatformTransactionManager transactions;

    MovableClock clock;
    SignInThrottle nodeA;
    SignInThrottle nodeB;
    String name;
    String address;

    @BeforeEach
    void setUp() {
        // Starting now, in whole seconds (the mysql profile stores no fractions of a second on the test
        // MariaDB): the purge test deletes every row up to a day after, which no other test minds
        // (none counts on a row across tests).
        clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        nodeA = node(clock);
        nodeB = node(clock);
        String run = UUID.randomUUID().toString().substring(0, 8);
        name = "throttle-" + run;
        address = "2001:db8:" + Integer.toHexString(run.hashCode() & 0xffff) + "::7";
    }

    @Test
    void failuresOnTwoNodesAddUp_andBothRefuseTheName() {
        for (int i = 0; i < 3; i++) {
            nodeA.failed(name, address);
        }
        nodeB.failed(name, address);
        assertThat(nodeA.isBlocked(name, null)).isFalse();
        nodeB.failed(name, address);

        assertThat(nodeA.isBlocked(name, null)).as("the fifth failure, on the other node").isTrue();
        assertThatThrownBy(() -> nodeB.refuseIfBlocked(name.toUpperCase(), "198.51.100.1"))
                .isInstanceOfSatisfying(SignInBlockedException.class, blocked -> {
                    assertThat(blocked.blockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
                    assertThat(blocked.retryAfterSeconds()).isEqualTo(60);
                });
        clock.moveOn(Duration.ofMinutes(1));
        assertThat(nodeA.isBlocked(name, null)).isFalse();
        assertThat(nodeB.isBlocked(name, null)).isFalse();
    }

    @Test
    void concurrentFailuresOnBothNodes_areEachCountedOnce() throws Exception {
        int perNode = 10;
        ExecutorService pool = Executors.newFixedThreadPool(2 * perNode);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * perNode; i++) {
                SignInThrottle node = i % 2 == 0 ? nodeA : nodeB;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    node.failed(name, address);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures.findById(SignInThrottle.accountKey(name)).orElseThrow().failures()).isEqualTo(2 * perNode);
        assertThat(failures.findById(SignInThrottle.addressKey(address)).orElseThrow().failures()).isEqualTo(2 * perNode);
    }

    @Test
    void aSuccessForgetsTheNamesFailures_butNotTheAddresss() {
        nodeA.failed(name, address);
        nodeB.succeeded(name);
        assertThat(failures.findById(SignInThrottle.accountKey(name))).isEmpty();
        assertThat(failures.findById(SignInThrottle.addressKey(address))).isPresent();
    }

    @Test
    void rowsThatCountForNothingAnyMoreArePurgedWhenTheNextFailureComesIn() {
        String stale = name + "-stale";
        nodeA.failed(stale, address);
        clock.moveOn(settings.retention().plusMinutes(1));
        SignInThrottle restarted = node(clock);
        restarted.failed(name, "198.51.100.2");

        assertThat(failures.findById(SignInThrottle.accountKey(stale))).as("a day without failures").isEmpty();
        assertThat(failures.findById(SignInThrottle.addressKey(address))).isEmpty();
        assertThat(failures.findById(SignInThrottle.accountKey(name))).as("just counted").isPresent();
    }

    private SignInThrottle node(Clock nodeClock) {
        return new SignInThrottle(failures, settings, nodeClock, transactions);
    }
}
