package cn.shixun;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class ApplicationStartsTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void engineAndDomainSchemaComeUpTogether() {
        assertThat(processEngine.getName()).isNotBlank();
        Integer tables = jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) IN ('organisation', 'teacher', 'teacher_transfer')",
                Integer.class);
        assertThat(tables).isEqualTo(3);
    }
}
