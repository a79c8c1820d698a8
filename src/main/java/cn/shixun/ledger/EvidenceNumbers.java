package cn.shixun.ledger;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one comparison of evidence and certificate numbers: two numbers are the same
 * certificate when their keys are equal. The number as typed is kept for display; every
 * uniqueness check (the ledger's, the procedures' "certificate already used") compares keys.
 *
 * <p>The key is the number in Unicode NFKC (full-width letters and digits become ASCII), upper
 * case, with every invisible character (format characters such as U+200B..U+200D, U+2060,
 * U+FEFF, U+00AD; control characters) and every space removed anywhere in it: printed numbers
 * have no meaningful spaces, and a space typed or pasted inside one must not make a second
 * certificate of it. Dashes of any kind (‐, –, —, －) become '-'.
 */
public final class EvidenceNumbers {

    private EvidenceNumbers() {
    }

    /** The comparison key of {@code typed}; empty for null or a number of nothing but invisible characters. */
    public static String key(String typed) {
        if (typed == null) {
            return "";
        }
        String compatible = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(compatible.length());
        compatible.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.CONTROL || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)) {
                return;
            }
            key.appendCodePoint(type == Character.DASH_PUNCTUATION ? '-' : c);
        });
        return key.toString().toUpperCase(Locale.ROOT);
    }

    /** Whether two typed numbers name the same certificate. */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}
