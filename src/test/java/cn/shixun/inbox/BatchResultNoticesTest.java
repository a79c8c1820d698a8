package cn.shixun.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shixun.tasks.BatchResult;
import cn.shixun.tasks.CaseContacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;

/** A bulk declaration done tells whoever declared it, once per batch and counts. */
class BatchResultNoticesTest {

    private final CaseContacts contacts = mock(CaseContacts.class);
    private final Inbox inbox = mock(Inbox.class);
    private final BatchResultNotices notices = new BatchResultNotices(contacts, new NoticeTexts(NoticeTextsTest.bundle()),
            inbox, mock(PlatformTransactionManager.class));

    @Test
    void aDrainedBatch_isAMessageToItsDeclarer_withTheCountsAndTheBatchPage() {
        when(contacts.procedureName("annualRegistration")).thenReturn("教师年度学时登记（R-33）");

        notices.on(new BatchResult("annualRegistration", 12L, "school.admin", 40, 2, "/annual-registrations/batches/12"));

        ArgumentCaptor<Notice> notice = ArgumentCaptor.forClass(Notice.class);
        verify(inbox).post(notice.capture(), eq(List.of("school.admin")));
        assertThat(notice.getValue().kind()).isEqualTo(NoticeKind.BATCH_RESULT);
        assertThat(notice.getValue().title()).isEqualTo("批量申报已处理完：教师年度学时登记（R-33）");
        assertThat(notice.getValue().body()).startsWith("您的批量申报（第 12 批）已处理完：已申报 40 人，未能申报 2 人。")
                .contains("可在那里重试");
        assertThat(notice.getValue().link()).isEqualTo("/annual-registrations/batches/12");
        assertThat(notice.getValue().onceKey()).isEqualTo("batch:annualRegistration:12:40/2");
    }

    @Test
    void aSecondWorkerRefusedByTheOnceOnlyKey_leavesItsRoundUnharmed() {
        when(contacts.procedureName("annualRegistration")).thenReturn("教师年度学时登记（R-33）");
        org.mockito.Mockito.doThrow(new DataIntegrityViolationException("uk_inbox_message_once"))
                .when(inbox).post(any(), any());

        notices.on(new BatchResult("annualRegistration", 12L, "school.admin", 40, 0, "/annual-registrations/batches/12"));

        verify(inbox).post(any(), eq(List.of("school.admin")));
    }

    @Test
    void theSameCountsAgain_tellNobodyTwice() {
        when(inbox.has("school.admin", "batch:cycleVerification:3:5/0")).thenReturn(true);

        notices.on(new BatchResult("cycleVerification", 3L, "school.admin", 5, 0, "/cycle-verifications/batches/3"));

        verify(inbox, never()).post(any(), any());
        verify(contacts, never()).procedureName(anyString());
    }
}
