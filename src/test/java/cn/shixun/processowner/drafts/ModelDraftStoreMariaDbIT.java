package cn.shixun.processowner.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.MariaDbTest;
import cn.shixun.processowner.drafts.ModelDraft.Kind;
import cn.shixun.processowner.drafts.ModelDraft.State;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V151 on MariaDB as in production: a draft of close to the 2 MB limit in Chinese (beyond TEXT's
 * 64 KB, four bytes a character where utf8mb4 needs them) is stored and read back unchanged with
 * its forms, and a save over a version someone else saved since changes nothing.
 */
@MariaDbTest
class ModelDraftStoreMariaDbIT {

    @Autowired
    ModelDraftStore store;

    @Test
    void aLargeChineseDraftIsStoredWholeWithItsForms_aStaleSaveChangesNothing() {
        String content = "<definitions>" + "学时要求𠀀".repeat(ModelDrafts.MAX_CONTENT_BYTES / 20) + "</definitions>";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = store.insert(Kind.BPMN, "degreeExemption.bpmn", null, content, ModelDrafts.checksum(content), "process.owner",
                now, Map.of("degreeExemptionApply.form", "{\"id\":\"degreeExemptionApply\",\"components\":[]}"));

        ModelDraft stored = store.find(id).orElseThrow();
        assertThat(stored.content()).isEqualTo(content);
        assertThat(stored.state()).isEqualTo(State.EDITING);
        assertThat(stored.lockVersion()).isEqualTo(1);
        assertThat(store.forms(id)).containsEntry("degreeExemptionApply.form", "{\"id\":\"degreeExemptionApply\",\"components\":[]}");

        assertThat(store.save(id, 1, "<definitions>第二版</definitions>", "b".repeat(64), "process.owner", now)).isTrue();
        assertThat(store.save(id, 1, "<definitions>旧版</definitions>", "c".repeat(64), "process.owner", now)).isFalse();
        assertThat(store.find(id).orElseThrow()).satisfies(draft -> {
            assertThat(draft.content()).isEqualTo("<definitions>第二版</definitions>");
            assertThat(draft.lockVersion()).isEqualTo(2);
        });
    }
}
