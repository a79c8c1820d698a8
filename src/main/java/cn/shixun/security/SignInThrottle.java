package cn.shixun.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-in throttling for every password channel (the login form, HTTP Basic, the Camunda
 * webapps' login): after {@code accountFailures} consecutive failures an account name is refused
 * for a growing while, and after {@code addressFailures} failures within a window a client address
 * is refused for every name ({@link SignInThrottleSettings}). Counted per name as typed, so an
 * unknown name is throttled exactly like an existing one; a success clears the name's count, never
 * the address's. The counts live in the database ({@link SignInFailure}), so every node sees the
 * same; rows that count for nothing any more are deleted as failures come in.
 */
@Component
@EnableConfigurationProperties(SignInThrottleSettings.class)
class SignInThrottle {

    private static final String ACCOUNT = "account:";
    private static final String ADDRESS = "address:";
    /** Longer names and addresses are stored as their hash, within the column. */
    private static final int MAX_SUBJECT = 160;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Pattern NOT_PART_OF_A_NAME = Pattern.compile("[\\p{M}\\p{Cf}\\p{Cc}]");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%.*)?");
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInFailureRepository failures;
    private final SignInThrottleSettings settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate readOnly;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    SignInThrottle(SignInFailureRepository failures, SignInThrottleSettings settings, Clock clock,
                   PlatformTransactionManager transactions) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Refuses a password sign-in of {@code username} from {@code address} (null: unknown) while either is blocked. */
    void refuseIfBlocked(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> until = blockedUntil(username, address, now);
        if (until.isPresent()) {
            log.debug("Password sign-in of '{}' from {} refused until {}", username, address, until.get());
            throw new SignInBlockedException(until.get(), Duration.between(now, until.get()));
        }
    }

    /** Whether a password sign-in of {@code username} from {@code address} is refused now. */
    boolean isBlocked(String username, String address) {
        return blockedUntil(username, address, clock.instant()).isPresent();
    }

    /** A wrong password (or unknown or disabled name): counts for the name and for the address. */
    void failed(String username, String address) {
        Instant now = clock.instant();
        count(accountKey(username), failure -> failure.accountFailed(now, settings), now);
        String addressKey = addressKey(address);
        if (addressKey != null) {
            count(addressKey, failure -> failure.addressFailed(now, settings), now);
        }
        purgeIfDue(now);
    }

    /** The right password: the name's failures are forgotten (the address's are not, see the class comment). */
    void succeeded(String username) {
        ownTransaction.executeWithoutResult(status -> failures.deleteBySubject(accountKey(username)));
    }

    /** The address of the request this thread serves, or null outside a request. */
    static String currentAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest().getRemoteAddr() : null;
    }

    private Optional<Instant> blockedUntil(String username, String address, Instant now) {
        String addressKey = addressKey(address);
        List<String> keys = addressKey == null ? List.of(accountKey(username)) : List.of(accountKey(username), addressKey);
        return readOnly.execute(status -> failures.findAllById(keys)).stream()
                .map(failure -> failure.blockedAt(now)).flatMap(Optional::stream).max(Instant::compareTo);
    }

    private void count(String subject, java.util.function.Consumer<SignInFailure> failed, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> {
                    SignInFailure failure = failures.findForUpdate(subject).orElseGet(() -> new SignInFailure(subject, now));
                    failed.accept(failure);
                    failures.save(failure);
                });
                return;
            } catch (DataIntegrityViolationException | ConcurrencyFailureException race) {
                // Another node inserted or changed the same row first: count again on the row as it is now.
                if (attempt == 5) {
                    throw race;
                }
            }
        }
    }

    private void purgeIfDue(Instant now) {
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            return;
        }
        Integer purged = ownTransaction.execute(status -> failures.deleteExpired(now.minus(settings.retention()), now));
        log.debug("Purged {} expired sign-in failure rows", purged);
    }

    /**
     * The name as the account table would match it: MySQL/MariaDB's utf8mb4 collations ignore
     * case, accents, width and invisible characters, so {@code Ｔéacher\u200b} must count as
     * {@code teacher}.
     */
    static String accountKey(String username) {
        String name = username == null ? "" : username;
        String folded = NOT_PART_OF_A_NAME.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
                .strip().toLowerCase(Locale.ROOT);
        return bounded(ACCOUNT + folded);
    }

    /** The client address; for IPv6 its /64, which one client usually holds whole. Null when unknown. */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String stripped = address.strip();
        if (stripped.indexOf(':') >= 0 && IPV6.matcher(stripped).matches()) {
            try {
                InetAddress ip = InetAddress.getByName(stripped.replaceFirst("%.*", ""));
                if (ip instanceof Inet6Address) {
                    byte[] prefix = Arrays.copyOf(ip.getAddress(), 16);
                    Arrays.fill(prefix, 8, 16, (byte) 0);
                    return bounded(ADDRESS + InetAddress.getByAddress(prefix).getHostAddress() + "/64");
                }
                return bounded(ADDRESS + ip.getHostAddress());
            } catch (UnknownHostException notAnAddress) {
                // kept as given below
            }
        }
        return bounded(ADDRESS + stripped.toLowerCase(Locale.ROOT));
    }

    private static String bounded(String subject) {
        if (subject.length() <= MAX_SUBJECT) {
            return subject;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return subject.substring(0, subject.indexOf(':') + 1) + "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java has SHA-256", impossible);
        }
    }
}
