package cn.shixun.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.web.ExemptionCaseCalls;
import cn.shixun.security.Accounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 13's notices as the teacher meets them: after the school returns their exemption, the header
 * shows the unread count beside their name, 消息中心 lists the returned case first and highlighted, and
 * opening it marks it read and goes to the case. No mail server in this context: the page says so.
 */
class InboxBrowserIT extends BrowserTestSupport {

    @Autowired WebApplicationContext context;
    @Autowired UserDetailsService users;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;
    @Autowired ObjectMapper json;

    @Test
    void theTeacherSeesTheUnreadCountInTheHeader_andTheReturnedCaseInTheMessageCentre() throws Exception {
        ExemptionCaseCalls calls = new ExemptionCaseCalls(context, users, evidence, accounts, json);
        long id = calls.apply();
        calls.decide(id, "school.admin", "RETURN", "请补充学位证书扫描件");
        recordContentSecurityPolicyViolations();

        signIn("teacher", DEMO_PASSWORD);
        long unread = Long.parseLong(byTest("header-unread").getText());
        assertThat(unread).isPositive();

        byTest("header-messages").click();
        waitUntil(() -> currentPath().equals("/messages"));
        WebElement newest = browser.findElements(By.cssSelector("[data-test=inbox-message]")).get(0);
        assertThat(newest.getAttribute("class")).contains("message-unread");
        assertThat(newest.findElement(By.cssSelector("[data-test=inbox-message-title]")).getText())
                .isEqualTo("退回修改：学历提升免修申请（R-30）");
        assertThat(newest.findElement(By.cssSelector("[data-test=inbox-message-body]")).getText())
                .contains("意见：请补充学位证书扫描件");
        assertThat(newest.findElement(By.cssSelector("[data-test=inbox-message-mail]")).getText()).isEqualTo("未开启邮件");
        assertThat(byTest("inbox-mail-unavailable").getText()).contains("未配置邮件服务器");
        assertThat(byTest("inbox-unread").getText()).isEqualTo("未读 " + unread + " 条");

        Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(1440, 900));
            fullPageScreenshot("inbox-teacher-1440");
            browser.manage().window().setSize(new Dimension(390, 844));
            fullPageScreenshot("inbox-teacher-390");
        } finally {
            browser.manage().window().setSize(before);
        }
        assertThat(cspViolations()).isEmpty();

        newest.findElement(By.cssSelector("[data-test=inbox-message-open]")).click();
        waitUntil(() -> currentPath().equals("/exemptions/" + id));
        List<WebElement> count = browser.findElements(By.cssSelector("[data-test=header-unread]"));
        assertThat(count.isEmpty() ? 0 : Long.parseLong(count.get(0).getText())).isEqualTo(unread - 1);
    }
}
