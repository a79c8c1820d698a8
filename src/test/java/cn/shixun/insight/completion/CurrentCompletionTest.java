package cn.shixun.insight.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.shixun.policy.PolicyProfiles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which schools a table reads from the stored results and which it computes from the ledger
 * a row answers only for its own date, after the school's last change and on the policy
 * revision in force; anything else is computed now and kept with the change count read before.
 */
class CurrentCompletionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
    private static final CompletionView VIEW = new CompletionView(2026, Basis.YEAR, TODAY, true);
    private static final long REVISION = 7;

    private final CurrentStore store = mock(CurrentStore.class);
    private final LiveCompletion live = mock(LiveCompletion.class);
    private final PolicyProfiles profiles = mock(PolicyProfiles.class);
    private final CurrentCompletion current = new CurrentCompletion(store, live, profiles,
            new TransactionTemplate(mock(PlatformTransactionManager.class)),
            Clock.fixed(Instant.parse("2026-10-15T02:00:00Z"), ZoneOffset.UTC));

    private static CurrentStore.Stored row(long schoolId, LocalDate asOf, long generation, long schoolGeneration,
                                           long revision, int shortCount) {
        return new CurrentStore.Stored(schoolId, Basis.YEAR, 2026, asOf, generation, revision,
                new Figures(10, 10 - shortCount, shortCount, 0, 1), schoolGeneration);
    }

    private static SchoolResult computed(long schoolId) {
        return new SchoolResult(schoolId, TODAY, new Figures(4, 4, 0, 0, 0), List.of(), SchoolResult.Source.LEDGER, null);
    }

    @Test
    void r38_aTableWhoseSchoolsAreAllStoredAndCurrentComputesNothingFromTheLedger() {
        when(profiles.revision()).thenReturn(REVISION);
        when(store.read(Basis.YEAR, 2026, List.of(1L, 2L, 3L))).thenReturn(Map.of(
                1L, row(1, TODAY, 5, 5, REVISION, 1), 2L, row(2, TODAY, 0, 0, REVISION, 0),
                3L, row(3, TODAY, 2, 2, REVISION, 3)));

        Map<Long, SchoolResult> results = current.figures(List.of(1L, 2L, 3L), VIEW);

        verifyNoInteractions(live);
        verify(store, never()).save(any(), any(), eq(2026), any(), anyLong(), anyLong(), any(), any());
        assertThat(results.keySet()).containsExactly(1L, 2L, 3L);
        assertThat(results.values()).extracting(r -> r.figures().shortCount()).containsExactly(1, 0, 3);
        assertThat(results.values()).allSatisfy(r -> assertThat(r.asOf()).isEqualTo(TODAY));
    }

    @Test
    void r38_aRowOfAnotherDateChangedSinceOnAnotherPolicyRevisionOrMissingIsComputedAndKept() {
        when(profiles.revision()).thenReturn(REVISION);
        when(store.read(Basis.YEAR, 2026, List.of(1L, 2L, 3L, 4L, 5L))).thenReturn(Map.of(
                1L, row(1, TODAY.minusDays(1), 5, 5, REVISION, 1),
                2L, row(2, TODAY, 3, 4, REVISION, 1),
                3L, row(3, TODAY, 0, 0, REVISION - 1, 1),
                5L, row(5, TODAY, 9, 9, REVISION, 2)));
        for (long school = 1; school <= 4; school++) {
            when(store.generation(school)).thenReturn(school * 10);
            when(live.fresh(school, Basis.YEAR, TODAY)).thenReturn(computed(school));
        }

        Map<Long, SchoolResult> results = current.figures(List.of(1L, 2L, 3L, 4L, 5L), VIEW);

        for (long school = 1; school <= 4; school++) {
            verify(live).fresh(school, Basis.YEAR, TODAY);
            verify(store).save(school, Basis.YEAR, 2026, TODAY, school * 10, REVISION, computed(school).figures(),
                    Instant.parse("2026-10-15T02:00:00Z"));
        }
        verify(live, never()).fresh(eq(5L), any(), any());
        assertThat(results.get(2L).figures().shortCount()).as("computed, not the stored 1").isZero();
        assertThat(results.get(5L).figures().shortCount()).as("stored and current").isEqualTo(2);
    }
}
