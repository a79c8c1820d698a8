package cn.shixun.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of file the bureaus accept as scans, recognised by their first bytes ("magic
 * numbers"), never by the name or the Content-Type the client sends: an HTML page or a program
 * renamed {@code .pdf} is neither of these.
 */
public enum EvidenceType {
    PDF("application/pdf", "pdf", List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String mediaType;
    private final String extension;
    private final List<String> extensions;
    private final byte[] magic;

    EvidenceType(String mediaType, String extension, List<String> extensions, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.extensions = extensions;
        this.magic = magic;
    }

    /** The type whose signature {@code content} starts with, if any. */
    public static Optional<EvidenceType> detect(byte[] content) {
        return Arrays.stream(values()).filter(type -> type.startsOf(content)).findFirst();
    }

    public static Optional<EvidenceType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }

    private boolean startsOf(byte[] content) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension a stored name gets, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether a name's extension (without the dot, any case) already says this type. */
    boolean isNamedBy(String candidate) {
        return extensions.contains(candidate.toLowerCase(java.util.Locale.ROOT));
    }
}
