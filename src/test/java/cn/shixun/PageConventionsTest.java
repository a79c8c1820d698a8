package cn.shixun;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * A page controller converts a form, calls its feature's service and renders (issue 11): the
 * unit of work — an upload stored together with the application it belongs to, so that a refusal
 * keeps neither — is the service's transaction, never one a {@code *Pages} class opens itself.
 */
class PageConventionsTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.shixun");

    @Test
    void noPagesClassOpensATransaction() {
        noClasses().that().haveSimpleNameEndingWith("Pages")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.transaction..",
                        "jakarta.transaction..")
                .because("a page's unit of work belongs in its feature's service (TransactionTemplate, "
                        + "@Transactional and the transaction manager are the service layer's)")
                .check(MAIN);
    }
}
