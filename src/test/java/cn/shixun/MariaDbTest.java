package cn.shixun;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on the private MariaDB that {@code scripts/mariadb.sh start} runs for the
 * integration tests (Maven does that before failsafe), with the {@code mysql} profile as in
 * production and the demo data loaded. Every class with this annotation and nothing else on its
 * context shares one Spring context, so the schema and demo data are built once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        "shixun.demo-data.enabled=true",
        "spring.datasource.url=${shixun.it.mariadb.url}",
        "spring.datasource.username=${shixun.it.mariadb.username}",
        "spring.datasource.password=${shixun.it.mariadb.password}"})
@ActiveProfiles("mysql")
@TestPropertySource(locations = "file:target/mariadb/it.properties")
public @interface MariaDbTest {
}
