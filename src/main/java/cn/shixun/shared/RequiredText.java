package cn.shixun.shared;

/** A text a person must give: present and not too long, or refused naming the field and the rule. */
public final class RequiredText {

    private RequiredText() {
    }

    /**
     * The text without surrounding blanks. Refused as a {@link BusinessRuleException#violation} of
     * {@code ruleId} on {@code field}: with {@code requiredKey} when blank, with {@code tooLongKey}
     * (argument: {@code max}) when longer than {@code max} characters.
     */
    public static String require(String value, String field, int max, String ruleId, String requiredKey,
                                 String tooLongKey) {
        if (value == null || value.isBlank()) {
            throw BusinessRuleException.violation(ruleId, field, requiredKey);
        }
        String text = value.strip();
        if (text.length() > max) {
            throw BusinessRuleException.violation(ruleId, field, tooLongKey, max);
        }
        return text;
    }
}
