package cn.shixun.ledger.web;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The page tests' common ground: MockMvc with security over the shared {@code @SpringBootTest}
 * context, and a fresh {@link PageFixture} per test.
 */
@SpringBootTest
abstract class PageTestSupport {

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired Ledger ledger;

    MockMvc mvc;
    PageFixture data;

    @BeforeEach
    void setUpPages() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        data = new PageFixture(organisations, teachers, accounts);
    }
}
