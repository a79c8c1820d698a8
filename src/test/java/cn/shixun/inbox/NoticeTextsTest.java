package cn.shixun.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A step's message in Chinese, from the inbox bundle, whatever language the reader's browser asks for. */
class NoticeTextsTest {

    private final NoticeTexts texts = new NoticeTexts(bundle());

    @Test
    void aReturn_namesTheProcedureInTheTitle_andTheCaseStepAndReviewersCommentInTheBody() {
        Notice notice = texts.ofStep(NoticeKind.RETURNED, "学历提升免修申请（R-30）", "张老师：河南师范大学 教育管理（研究生）",
                "学校审核", "请补充学位证书扫描件", false, "/exemptions/12");

        assertThat(notice.title()).isEqualTo("退回修改：学历提升免修申请（R-30）");
        assertThat(notice.body()).isEqualTo("""
                您的申请在「学校审核」被退回修改，请按审核意见修改后重新提交。
                事项：学历提升免修申请（R-30）
                案件：张老师：河南师范大学 教育管理（研究生）
                环节：学校审核
                意见：请补充学位证书扫描件""");
        assertThat(notice.link()).isEqualTo("/exemptions/12");
        assertThat(notice.onceKey()).isNull();
    }

    @Test
    void aSystemStep_givesItsWordsAsANote_andAStepWithoutWordsHasNoSuchLine() {
        Notice certificate = texts.ofStep(NoticeKind.COMPLETED, "五年周期学时核准（R-34）", "张老师", "发放登记证书",
                "证书编号 HN-2026-0001", true, "/cycle-verifications/3");
        Notice approval = texts.ofStep(NoticeKind.APPROVED, "学历提升免修申请（R-30）", "张老师", "学校审核", null, false, null);

        assertThat(certificate.title()).isEqualTo("已办结：五年周期学时核准（R-34）");
        assertThat(certificate.body()).startsWith("「发放登记证书」已办理完成。").endsWith("说明：证书编号 HN-2026-0001");
        assertThat(approval.body()).startsWith("您的申请已通过「学校审核」。").doesNotContain("意见", "说明");
    }

    @Test
    void everyKindOfStepHasItsTitleAndLead() {
        for (NoticeKind kind : NoticeKind.values()) {
            if (kind == NoticeKind.DIGEST || kind == NoticeKind.BATCH_RESULT) {
                continue;
            }
            Notice notice = texts.ofStep(kind, "某事项", "某案件", "某环节", null, true, null);
            assertThat(notice.title()).as(kind.name()).endsWith("：某事项").doesNotContain("inbox.");
            assertThat(notice.body()).as(kind.name()).contains("某环节").doesNotContain("inbox.");
        }
    }

    static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasenames("i18n/inbox");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        bundle.setDefaultLocale(Locale.ROOT);
        return bundle;
    }
}
