package cn.shixun.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

/** An audit line names its action in words: its own label, else its family's, else the code itself. */
class AuditActionLabelTest {

    private final StaticMessageSource messages = new StaticMessageSource();

    AuditActionLabelTest() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        messages.addMessage("audit.action.engine.refused", Locale.SIMPLIFIED_CHINESE, "流程引擎拒绝的请求");
        messages.addMessage("audit.action.engine.admin.*", Locale.SIMPLIFIED_CHINESE, "系统管理员执行的受限引擎操作：{0}");
    }

    @AfterEach
    void forgetTheLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void R40_anActionWithItsOwnLabelReadsAsThatLabel() {
        assertThat(AuditLineView.actionLabel(messages, "engine.refused")).isEqualTo("流程引擎拒绝的请求");
    }

    @Test
    void R40_anActionNamedAfterAnOperationReadsAsItsFamilyWithTheOperation() {
        assertThat(AuditLineView.actionLabel(messages, "engine.admin.process-instance.delete"))
                .isEqualTo("系统管理员执行的受限引擎操作：process-instance.delete");
    }

    @Test
    void R40_anActionWithoutAnyLabelIsShownAsItsCode() {
        assertThat(AuditLineView.actionLabel(messages, "unknown.action")).isEqualTo("unknown.action");
    }
}
