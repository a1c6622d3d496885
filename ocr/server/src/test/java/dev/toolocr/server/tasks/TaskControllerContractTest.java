package dev.toolocr.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.toolocr.platform.auth.CurrentUser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The task endpoints' HTTP contract at the MVC slice: binding, validation and the problem+json they
 * answer, with platform web's error handling and auth's {@code CurrentUser} resolution as the real
 * app has them. The services behind are doubles that must not be reached by a refused request; what
 * they do is tested against real databases and storage in the integration tests.
 */
@WebMvcTest(TaskController.class)
@AutoConfigureMockMvc(addFilters = false)
class TaskControllerContractTest {

    private static final CurrentUser ALICE = new CurrentUser("u-alice", "alice@example.com", "Alice", false, "s1");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskService service;

    @MockitoBean
    TaskListing listing;

    @MockitoBean
    TaskEventStream stream;

    @MockitoBean
    TaskExport export;

    @BeforeEach
    void signInAlice() {
        // What the bearer filter leaves for the request once the token and its session check out.
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ALICE, null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void rejectsAnAnonymousCallerWith401ProblemBeforeAnyService() throws Exception {
        SecurityContextHolder.clearContext();

        mvc.perform(get("/api/v2/tasks"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:tool-ocr:problem:unauthenticated"));
        verifyNoInteractions(listing);
    }

    @Test
    void refusesASortFieldOutsideTheListWith400AndQueriesNothing() throws Exception {
        mvc.perform(get("/api/v2/tasks").param("sort_by", "user_id"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:tool-ocr:problem:validation-failed"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("sort_by must be one of")));
        verifyNoInteractions(listing);
    }

    @Test
    void refusesPageSizesOutsideOneToAHundred() throws Exception {
        for (String size : new String[] {"0", "101", "-5"}) {
            mvc.perform(get("/api/v2/tasks").param("page_size", size))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:tool-ocr:problem:validation-failed"));
        }
        mvc.perform(get("/api/v2/tasks").param("page_size", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:tool-ocr:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("page_size"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
        mvc.perform(get("/api/v2/tasks").param("order_desc", "sideways"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("order_desc"));
        verifyNoInteractions(listing);
    }

    @Test
    void bindsEachQueryParameterByItsWireName() throws Exception {
        when(listing.list(eq("u-alice"), any())).thenReturn(new TaskListing.Listing(List.of(), 0, false, false, null));

        mvc.perform(get("/api/v2/tasks")
                        .param("status", "completed")
                        .param("filename", "invoice")
                        .param("date_from", "2026-03-01")
                        .param("page", "2")
                        .param("page_size", "5")
                        .param("sort_by", "filename")
                        .param("order_desc", "false"))
                .andExpect(status().isOk());

        org.mockito.ArgumentCaptor<TaskQuery> query = org.mockito.ArgumentCaptor.forClass(TaskQuery.class);
        org.mockito.Mockito.verify(listing).list(eq("u-alice"), query.capture());
        assertThat(query.getValue().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(query.getValue().filename()).isEqualTo("invoice");
        assertThat(query.getValue().from()).isNotNull();
        assertThat(query.getValue().page()).isEqualTo(2);
        assertThat(query.getValue().pageSize()).isEqualTo(5);
        assertThat(query.getValue().sortProperty()).isEqualTo("filename");
        assertThat(query.getValue().descending()).isFalse();
    }

    @Test
    void refusesAForgedCursorWith400() throws Exception {
        mvc.perform(get("/api/v2/tasks").param("cursor", "not-a-cursor"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("cursor is not one this server handed out."));
        verifyNoInteractions(listing);
    }

    @Test
    void refusesACursorOfAnotherSortAndCursorsWhereOnlyPagesAreOffered() throws Exception {
        Task last = Task.create(
                java.util.UUID.randomUUID(),
                "u-alice",
                "a.png",
                "image/png",
                "{}",
                java.time.Instant.parse("2026-03-01T08:00:00Z"));
        String newestFirst = TaskQuery.Cursor.after(last, "createdAt", true).encode();

        mvc.perform(get("/api/v2/tasks").param("sort_by", "filename").param("cursor", newestFirst))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("cursor belongs to another sort")));
        mvc.perform(get("/api/v2/tasks").param("order_desc", "false").param("cursor", newestFirst))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v2/tasks").param("sort_by", "completed_at").param("cursor", newestFirst))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("cursor paging is offered for")));
        verifyNoInteractions(listing);
    }

    @Test
    void mapsTheListingToTheDocumentedShapeForTheCallerOnly() throws Exception {
        when(listing.list(eq("u-alice"), any()))
                .thenReturn(new TaskListing.Listing(List.of(), 41, true, true, "c-next"));

        mvc.perform(get("/api/v2/tasks").param("page", "3").param("page_size", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks").isArray())
                .andExpect(jsonPath("$.total").value(41))
                .andExpect(jsonPath("$.total_is_estimate").value(true))
                .andExpect(jsonPath("$.page").value(3))
                .andExpect(jsonPath("$.page_size").value(20))
                .andExpect(jsonPath("$.has_more").value(true))
                .andExpect(jsonPath("$.next_cursor").value("c-next"));
    }

    @Test
    void refusesAnUploadWithUnknownOptionsBeforeStoringAnything() throws Exception {
        MockMultipartFile scan = new MockMultipartFile("file", "scan.png", "image/png", new byte[] {1, 2, 3});
        String[][] bad = {{"lang", "eng;rm -rf"}, {"engine", "gpt"}, {"formats", "exe"}, {"pdf_mode", "maybe"}};
        for (String[] option : bad) {
            mvc.perform(multipart("/api/v2/tasks").file(scan).param(option[0], option[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:tool-ocr:problem:validation-failed"));
        }
        verifyNoInteractions(service);
    }

    @Test
    void answersAnUnknownDownloadFormatWith404WithoutLookingTheTaskUp() throws Exception {
        mvc.perform(get("/api/v2/tasks/0b6f3a52-95a4-4c47-9f3b-3c7d2d7f1f00/download/exe"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:tool-ocr:problem:not-found"));
        verifyNoInteractions(service);
    }

    @Test
    void refusesABlankNewFilenameWith400() throws Exception {
        mvc.perform(patch("/api/v2/tasks/0b6f3a52-95a4-4c47-9f3b-3c7d2d7f1f00")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filename\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("filename must not be blank."));
        verifyNoInteractions(service);
    }

    @Test
    void answersATaskIdOutsideTheIdAlphabetWith404() throws Exception {
        mvc.perform(get("/api/v2/tasks/{id}", "../../etc/passwd"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(service);
    }
}
