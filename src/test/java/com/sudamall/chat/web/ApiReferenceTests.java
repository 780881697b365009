package com.sudamall.chat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository's own API reference ({@code docs/API.md}) stays in step with the team's shared contract: every
 * line of the contract is in it, apart from the one that points at the seed outside this repository.
 */
class ApiReferenceTests {

    private static final Path SHARED = Path.of("..", "shared", "API.md");
    private static final Path OURS = Path.of("docs", "API.md");

    @Test
    void docsApiMdCarriesTheWholeContract() throws IOException {
        assumeTrue(Files.exists(SHARED), "the shared contract is not next to this clone");
        List<String> ours = Files.readAllLines(OURS);
        List<String> missing = Files.readAllLines(SHARED).stream()
                .filter(line -> !line.contains("`seed/`"))
                .filter(line -> !ours.contains(line))
                .toList();

        assertThat(missing).as("lines of ../shared/API.md not in docs/API.md").isEmpty();
    }

    @Test
    void theDocsLinkNothingOutsideTheRepository() throws IOException {
        for (Path doc :
                List.of(Path.of("README.md"), Path.of("docs", "API-GUIDE.md"), Path.of("docs", "INTEGRATION.md"))) {
            assertThat(Files.readString(doc)).as(doc.toString()).doesNotContain("](../shared/", "](../../shared/");
        }
    }
}
