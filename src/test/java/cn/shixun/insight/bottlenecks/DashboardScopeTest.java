package cn.shixun.insight.bottlenecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who reads the 管理看板 and over what (issue 13): an organisation outside the reader's scope answers like one that
 * does not exist (404), on the page, the case lists and the exports; a reversed or open-ended range is a 400 naming
 * the field; a teacher or school administrator may not open it. On the demo data (shared context).
 */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class DashboardScopeTest {

    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void anOrganisationAboveOrBesideTheReader_isNotFound_onEveryDashboardAddress() throws Exception {
        for (String outside : new String[] {"410100", "410702", "no-such-code"}) {
            mvc.perform(get("/dashboard").param("organisation", outside).with(as("county.reviewer", "COUNTY_REVIEWER")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/dashboard/cases").param("organisation", outside).param("kind", "open")
                    .with(as("county.reviewer", "COUNTY_REVIEWER"))).andExpect(status().isNotFound());
            mvc.perform(get("/dashboard/export/open.xlsx").param("organisation", outside)
                    .with(as("county.reviewer", "COUNTY_REVIEWER"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/dashboard").param("organisation", "410702").with(as("manager", "MANAGER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard").param("organisation", "410105").with(as("manager", "MANAGER")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("金水区")));
    }

    @Test
    void aReversedOrOpenEndedRange_isABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/dashboard").param("from", "2026-10-10").param("to", "2026-10-01").with(as("manager", "MANAGER")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("开始日期：开始日期 2026-10-10 晚于结束日期 2026-10-01")));
        mvc.perform(get("/dashboard").param("from", "2026-10-01").with(as("manager", "MANAGER")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("结束日期：日期范围须同时填写")));
        MvcResult export = mvc.perform(get("/dashboard/export/steps.xlsx").param("to", "2026-10-01")
                .with(as("manager", "MANAGER"))).andExpect(status().isBadRequest()).andReturn();
        assertThat(export.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("data-test=\"error-message\"", "开始日期：日期范围须同时填写");
        mvc.perform(get("/dashboard/cases").param("kind", "everything").with(as("manager", "MANAGER")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyManagersAndCountyCityProvinceReviewers_mayOpenIt() throws Exception {
        mvc.perform(get("/dashboard").with(as("teacher", "TEACHER"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").with(as("school.admin", "SCHOOL_ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").with(as("city.reviewer", "CITY_REVIEWER"))).andExpect(status().isOk());
    }

    @Test
    void everyTableDownloadsAsXlsx_withItsHeaderAndTheFiguresOfThePage() throws Exception {
        String[][] tables = {{"open", "流程"}, {"steps", "流程"}, {"organisations", "单位"}, {"weeks", "周（周一）"},
                {"forecast", "县（区）"}};
        for (String[] table : tables) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                    download("/dashboard/export/" + table[0] + ".xlsx")))) {
                XSSFSheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).as(table[0]).isEqualTo(table[1]);
            }
        }
        try (XSSFWorkbook weeks = new XSSFWorkbook(new ByteArrayInputStream(download("/dashboard/export/weeks.xlsx")))) {
            assertThat(weeks.getSheetAt(0).getLastRowNum()).as("one row per week of the default 12").isEqualTo(12);
        }
    }

    private byte[] download(String path) throws Exception {
        MvcResult started = mvc.perform(get(path).with(as("manager", "MANAGER")))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private static RequestPostProcessor as(String username, String role) {
        return user(username).roles(role);
    }
}
