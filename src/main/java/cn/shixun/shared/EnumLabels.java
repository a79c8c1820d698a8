package cn.shixun.shared;

import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Where the label of a code a person reads (a status, a kind, an outcome: an enum constant) is kept in the
 * message bundles, so that it reaches the reader in their language and never as {@code HR_CE_CERTIFICATE}.
 * The key is {@code enum.<Type>.<CONSTANT>} ({@code enum.BatchItem.Outcome.FAILED} for a nested type), in the
 * bundle of the enum's module; a few types kept the keys their pages had before (see {@link #ESTABLISHED}).
 * An enum's {@code label()}, where it has one, is the Chinese text kept in records; {@code MessageKeysTest}
 * checks that the Chinese bundle says the same and that English has every constant.
 */
public final class EnumLabels {

    /** Types whose labels were already in the bundles under a key of their own, by simple name. */
    static final Map<String, String> ESTABLISHED = Map.of(
            "Role", "role.",
            "HourCategory", "hours.category.",
            "ClaimKind", "preview.kind.",
            "DegreeLevel", "preview.degree-level.",
            "AuditOutcome", "audit.outcome.");

    private EnumLabels() {
    }

    /** The message key of {@code value}'s label. */
    public static String key(Enum<?> value) {
        Class<?> type = value.getDeclaringClass();
        String established = ESTABLISHED.get(type.getSimpleName());
        if (established != null) {
            return established + value.name();
        }
        String name = type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
        return "enum." + name + "." + value.name();
    }

    /**
     * {@code value}'s label as an argument of a refusal or another message: rendered in the reader's language
     * when the message is (Spring resolves such arguments), falling back to the constant's name.
     */
    public static MessageSourceResolvable argument(Enum<?> value) {
        return new DefaultMessageSourceResolvable(new String[] {key(value)}, value.name());
    }
}
