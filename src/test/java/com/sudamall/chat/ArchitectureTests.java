package com.sudamall.chat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Boundaries Spring Modulith does not check: where SQL, sockets and web types may appear. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.sudamall.chat");

    /** The jar that ships holds the service: the load generator and other tools live in test scope. */
    @Test
    void theServiceJarHoldsTheServiceOnly() {
        classes()
                .should()
                .resideInAPackage("com.sudamall.chat..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.sudamall"));
    }

    @Test
    void onlyRepositoriesRunSql() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Repository")
                .and()
                .doNotHaveSimpleName("SequenceAllocator")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .check(classes);
    }

    @Test
    void repositoriesStayInsideTheirModule() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .resideOutsideOfPackage("..internal..")
                .check(classes);
    }

    @Test
    void controllersDoNotTouchRepositories() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Controller")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .check(classes);
    }

    @Test
    void onlyTheRealtimeModuleSpeaksWebSocket() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.sudamall.chat.realtime..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.web.socket..")
                .check(classes);
    }

    @Test
    void moduleApisAreFreeOfSpringWeb() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.sudamall.chat.identity",
                        "com.sudamall.chat.commerce",
                        "com.sudamall.chat.room",
                        "com.sudamall.chat.message",
                        "com.sudamall.chat.notification",
                        "com.sudamall.chat.moderation")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.web..")
                .check(classes);
    }
}
