package cn.shixun.evidence;

import java.time.Instant;

/**
 * What is known about a stored evidence file (its content is read only by a download).
 *
 * @param id          a random UUID: unguessable, so that ids reveal nothing about other files
 * @param teacherId   the teacher the evidence belongs to; who may read it follows their current school;
 *                    null for an organisation's file
 * @param organisationId the school or county an organisation file belongs to (a course design, a
 *                    sign-in sheet); read by whoever's scope covers it; null for a teacher's file
 * @param name        the display name, sanitised from the uploaded name ({@code FileNames})
 * @param type        the type detected from the content
 * @param size        bytes
 * @param sha256      hex digest of the content, for checking a copy against the original
 * @param uploadedBy  the username who uploaded it
 * @param uploadedAt  when
 */
public record EvidenceFile(String id, Long teacherId, Long organisationId, String name, EvidenceType type, long size, String sha256,
                           String uploadedBy, Instant uploadedAt) {

    /** Whether the file is an organisation's (a school's, a county's) rather than a teacher's. */
    public boolean isOrganisations() {
        return organisationId != null;
    }

    public String contentType() {
        return type.mediaType();
    }
}
