package cn.shixun.shared;

import java.util.Arrays;
import java.util.Objects;

/**
 * A refusal that a person can act on: it names the input field at fault and, where a rule of
 * {@code rules.md} is the reason, the rule id (R-xx). The message is a key into the module's
 * i18n bundle so that the same refusal reads in Chinese or English.
 *
 * <p>Throw it before anything is written: callers rely on a refusal changing nothing.
 */
public class BusinessRuleException extends RuntimeException {

    /** What kind of refusal this is; the web layer maps it to an HTTP status. */
    public enum Kind {
        /** Input breaks a rule of the rule book or a plain validity check (HTTP 422). */
        RULE_VIOLATION,
        /** Input that cannot be read as what its field holds: not a date, a range reversed or open-ended (HTTP 400). */
        MALFORMED,
        /** A referenced thing (teacher, school, profile…) does not exist (HTTP 404). */
        NOT_FOUND,
        /** The input collides with what is already recorded, e.g. the same evidence twice (HTTP 409). */
        CONFLICT,
        /** The caller may not do this, e.g. decide a task routed to another group (HTTP 403). */
        FORBIDDEN
    }

    private final Kind kind;
    private final String ruleId;
    private final String field;
    private final String messageKey;
    private final transient Object[] messageArgs;

    private BusinessRuleException(Kind kind, String ruleId, String field, String messageKey, Object... messageArgs) {
        super(messageKey + (ruleId == null ? "" : " [" + ruleId + "]") + " field=" + field + " args=" + Arrays.toString(messageArgs));
        this.kind = Objects.requireNonNull(kind);
        this.ruleId = ruleId;
        this.field = field;
        this.messageKey = Objects.requireNonNull(messageKey);
        this.messageArgs = messageArgs == null ? new Object[0] : messageArgs.clone();
    }

    /** The input breaks rule {@code ruleId} (may be null when no R-xx applies, e.g. a blank name). */
    public static BusinessRuleException violation(String ruleId, String field, String messageKey, Object... args) {
        return new BusinessRuleException(Kind.RULE_VIOLATION, ruleId, field, messageKey, args);
    }

    /** The value of {@code field} cannot be read as what the field holds; no rule was even asked. */
    public static BusinessRuleException malformed(String field, String messageKey, Object... args) {
        return new BusinessRuleException(Kind.MALFORMED, null, field, messageKey, args);
    }

    /** The thing named by {@code field} does not exist. */
    public static BusinessRuleException notFound(String field, String messageKey, Object... args) {
        return new BusinessRuleException(Kind.NOT_FOUND, null, field, messageKey, args);
    }

    /** The input collides with an existing record (rule {@code ruleId}, may be null). */
    public static BusinessRuleException conflict(String ruleId, String field, String messageKey, Object... args) {
        return new BusinessRuleException(Kind.CONFLICT, ruleId, field, messageKey, args);
    }

    /** The caller is signed in but may not act on what {@code field} names (rule {@code ruleId}, may be null). */
    public static BusinessRuleException forbidden(String ruleId, String field, String messageKey, Object... args) {
        return new BusinessRuleException(Kind.FORBIDDEN, ruleId, field, messageKey, args);
    }

    public Kind kind() {
        return kind;
    }

    public String ruleId() {
        return ruleId;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArgs() {
        return messageArgs.clone();
    }
}
