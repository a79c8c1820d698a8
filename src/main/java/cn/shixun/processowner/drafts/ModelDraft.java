package cn.shixun.processowner.drafts;

import java.time.Instant;
import java.util.List;

/**
 * A process owner's draft of a BPMN model or DMN table (ADR 0012 §2 "Drafts"), as the console
 * shows and edits it. A draft deploys nothing.
 *
 * @param resourceName     the file it will be deployed as, e.g. {@code degreeExemption.bpmn}
 * @param baseDefinitionId the deployed definition it started from; null when imported for a key never deployed
 * @param content          the XML
 * @param checksum         SHA-256 of the content (UTF-8), hex
 * @param lockVersion      raised by every save; a save names the version it edited ({@code If-Match})
 * @param forms            the names of the forms deployed with a BPMN draft ({@code model_draft_form})
 */
public record ModelDraft(long id, Kind kind, String resourceName, String baseDefinitionId, String content, String checksum,
                         State state, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
                         int lockVersion, List<String> forms) {

    public ModelDraft {
        forms = List.copyOf(forms);
    }

    public enum Kind {
        BPMN, DMN
    }

    /** EDITING until submitted for publication (a later increment), or discarded. */
    public enum State {
        EDITING("编辑中"), SUBMITTED("已提交发布"), PUBLISHED("已发布"), DISCARDED("已放弃");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
