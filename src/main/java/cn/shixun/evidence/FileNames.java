package cn.shixun.evidence;

/**
 * Turns the name a client sends with an upload into the display name we keep and send back in
 * {@code Content-Disposition}: the base name only (no directory, whichever separator), no
 * control or bidirectional-formatting characters (NUL, CR/LF, U+202E...), no {@code ..}, at most
 * {@value #MAX_LENGTH} characters, ending in the extension of the detected type; what is left
 * blank becomes "证明材料.pdf". The name is only ever displayed, never used as a path.
 */
final class FileNames {

    static final int MAX_LENGTH = 100;
    static final String FALLBACK_STEM = "证明材料";

    private FileNames() {
    }

    static String sanitise(String submitted, EvidenceType type) {
        String name = submitted == null ? "" : submitted;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(FileNames::isPrintable).forEach(kept::appendCodePoint);
        name = kept.toString();
        while (name.contains("..")) {
            name = name.replace("..", ".");
        }
        int dot = name.lastIndexOf('.');
        String stem = trim(dot < 0 ? name : name.substring(0, dot));
        String extension = dot < 0 ? "" : name.substring(dot + 1).strip();
        if (!type.isNamedBy(extension)) {
            stem = trim(name);
            extension = type.extension();
        }
        int room = MAX_LENGTH - extension.length() - 1;
        if (stem.codePointCount(0, stem.length()) > room) {
            stem = trim(stem.substring(0, stem.offsetByCodePoints(0, room)));
        }
        return (stem.isEmpty() ? FALLBACK_STEM : stem) + "." + extension;
    }

    /** Letters, digits, punctuation and plain spaces; not control, format (bidi overrides), separator lines or unassigned. */
    private static boolean isPrintable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    /** Without leading and trailing dots and white space (a name like ".htaccess" or " .pdf"). */
    private static String trim(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start))
                || Character.isSpaceChar(name.charAt(start)))) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1))
                || Character.isSpaceChar(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(start, end);
    }
}
