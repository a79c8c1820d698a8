package cn.shixun.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

class RefusalTextTest {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final RefusalText text = new RefusalText(messages);

    RefusalTextTest() {
        messages.addMessage("teacher.no-certificate", Locale.SIMPLIFIED_CHINESE, "{0}没有教师资格证书，不能登记学时");
        messages.addMessage("teacher.no-certificate", Locale.ENGLISH, "{0} holds no teaching certificate");
        messages.addMessage("name.blank", Locale.SIMPLIFIED_CHINESE, "请填写姓名");
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aRecordIsChineseWithTheRuleIdWhateverTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(text.forRecord(BusinessRuleException.violation("R-01", "teacherId", "teacher.no-certificate", "张三")))
                .isEqualTo("张三没有教师资格证书，不能登记学时（R-01）");
    }

    @Test
    void aReaderGetsTheirLanguageWithTheRuleId() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(text.forReader(BusinessRuleException.violation("R-01", "teacherId", "teacher.no-certificate", "Zhang San")))
                .isEqualTo("Zhang San holds no teaching certificate (R-01)");
    }

    @Test
    void aMessageThatNamesItsRuleAlreadyDoesNotGetItTwice() {
        messages.addMessage("task.lapsed", Locale.SIMPLIFIED_CHINESE, "培训已于 {0} 开始，申请失效（R-31）");
        messages.addMessage("task.lapsed", Locale.ENGLISH, "The training started on {0}; lapsed (R-31)");
        BusinessRuleException refusal = BusinessRuleException.violation("R-31", "startDate", "task.lapsed", "2024-03-01");

        assertThat(text.forRecord(refusal)).isEqualTo("培训已于 2024-03-01 开始，申请失效（R-31）");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.forReader(refusal)).isEqualTo("The training started on 2024-03-01; lapsed (R-31)");
    }

    @Test
    void aRefusalWithoutRuleHasNoBrackets() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(text.forReader(BusinessRuleException.violation(null, "name", "name.blank"))).isEqualTo("请填写姓名");
    }
}
