package cn.shixun.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** 2 MB everywhere, the upload limit only for POSTs to the upload paths (ADR 0007). */
class RequestSizeLimitTest {

    private final RequestSizeLimit filter = new RequestSizeLimit(DataSize.ofMegabytes(2), DataSize.ofMegabytes(6),
            List.of("/api/teachers/*/evidence", "/my/exemptions/new"), messages(), new FixedLocaleResolver(Locale.CHINA),
            new ObjectMapper());

    @Test
    void theUploadPathsTakeTheLargerLimit_everythingElseKeeps2Mb() throws Exception {
        assertThat(status("POST", "/api/teachers/12/evidence", 3)).isEqualTo(200);
        assertThat(status("POST", "/my/exemptions/new", 5)).isEqualTo(200);
        assertThat(status("POST", "/api/teachers/12/evidence", 7)).isEqualTo(413);
        assertThat(status("POST", "/api/teachers", 3)).isEqualTo(413);
        assertThat(status("POST", "/api/teachers/12/evidence/x", 3)).isEqualTo(413);
        assertThat(status("PUT", "/api/teachers/12/evidence", 3)).isEqualTo(413);
        assertThat(status("POST", "/my/hours/preview", 3)).isEqualTo(413);
    }

    @Test
    void theRefusalSaysWhichLimitApplied() throws Exception {
        MockHttpServletResponse response = run("POST", "/api/teachers/12/evidence", 7);
        assertThat(response.getContentAsString()).contains("\"status\":413", "6 MB");
    }

    private int status(String method, String path, int megabytes) throws Exception {
        return run(method, path, megabytes).getStatus();
    }

    private MockHttpServletResponse run(String method, String path, int megabytes) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContent(new byte[megabytes * 1024 * 1024]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.title.too-large", Locale.CHINA, "请求内容过大");
        messages.addMessage("problem.request-too-large", Locale.CHINA, "请求内容超过 {0} 的上限，未作处理");
        return messages;
    }
}
